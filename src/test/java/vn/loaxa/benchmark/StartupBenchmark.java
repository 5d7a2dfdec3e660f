package vn.loaxa.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start-up benchmark (figures printed, never asserted): the radio PC restarted after a power cut.
 * Starts the packaged LoaXa several times on one data dir (made by a first, uncounted start with
 * the sample clips and plans) and prints, per way of starting, the medians of: seconds to the
 * first {@code GET /login} 200, CPU seconds spent until then, peak RSS, and RSS once idle
 * ({@code -Dbench.idle=45} seconds after the page; Linux only).
 *
 * <pre>
 * mvn -q package -DskipTests
 * mvn -q -Pbenchmark test-compile exec:java -Dbench=StartupBenchmark [-Dbench.runs=5] [-Dbench.idle=45]
 * </pre>
 */
public final class StartupBenchmark {

	private static final List<String> DEPLOY_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");

	private record Way(String name, List<String> command) {
	}

	private record Run(double seconds, double cpuSeconds, long peakMb, long idleMb) {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("bench.runs", 5);
		int idle = Integer.getInteger("bench.idle", 45);
		Path target = Path.of("target").toAbsolutePath();
		Path root = Files.createDirectories(target.resolve("bench-startup"));
		Path data = root.resolve("data");
		copy(Path.of("schedules"), root.resolve("schedules"));
		String jsa = "-XX:SharedArchiveFile=" + target.resolve("loaxa/loaxa.jsa");
		List<Way> ways = new ArrayList<>();
		ways.add(new Way("java -jar target/loaxa.jar", java(List.of(), target.resolve("loaxa.jar"))));
		ways.add(new Way("deploy flags, target/loaxa.jar", java(DEPLOY_FLAGS, target.resolve("loaxa.jar"))));
		List<String> deployCds = new ArrayList<>(DEPLOY_FLAGS);
		deployCds.add(jsa);
		ways.add(new Way("deploy flags + CDS, target/loaxa/", java(deployCds, target.resolve("loaxa/loaxa.jar"))));
		ways.add(new Way("CDS only, target/loaxa/", java(List.of(jsa), target.resolve("loaxa/loaxa.jar"))));
		System.out.printf("first start on a fresh data dir: %.1f s%n",
				start(ways.get(0).command(), root, data, 0).seconds());
		for (Way way : ways) {
			List<Run> results = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				results.add(start(way.command(), root, data, idle));
			}
			System.out.printf("%-36s to /login %5.1f s (%.1f-%.1f), %5.1f CPU-s, peak RSS %4d MB, idle RSS %4d MB%n",
					way.name(), median(results.stream().map(Run::seconds).toList()),
					results.stream().mapToDouble(Run::seconds).min().orElse(0),
					results.stream().mapToDouble(Run::seconds).max().orElse(0),
					median(results.stream().map(Run::cpuSeconds).toList()),
					Math.round(median(results.stream().map(r -> (double) r.peakMb()).toList())),
					Math.round(median(results.stream().map(r -> (double) r.idleMb()).toList())));
		}
	}

	private static List<String> java(List<String> flags, Path jar) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(flags);
		command.addAll(List.of("-jar", jar.toString()));
		return command;
	}

	private static Run start(List<String> java, Path root, Path data, int idleSeconds) throws Exception {
		int port = 18_000 + (int) (Math.random() * 2000);
		List<String> command = new ArrayList<>(java);
		command.addAll(List.of("--server.port=" + port, "--loaxa.data-dir=" + data, "--loaxa.media-dir=media",
				"--loaxa.schedules-dir=" + root.resolve("schedules"), "--loaxa.audio.sink=file",
				"--loaxa.admin.password=benchmark-only", "--loaxa.backup.enabled=false"));
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(root.resolve("last-start.log").toFile())
			.start();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("LoaXa exited; see " + root.resolve("last-start.log"));
			}
			try {
				if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
		Thread.sleep(idleSeconds * 1000L);
		long peak = status(process.pid(), "VmHWM");
		long idle = status(process.pid(), "VmRSS");
		process.destroy();
		process.waitFor();
		return new Run(seconds, cpu, peak, idle);
	}

	/** A figure of /proc/PID/status in MB, or -1 where there is no /proc. */
	private static long status(long pid, String field) throws IOException {
		Path status = Path.of("/proc", Long.toString(pid), "status");
		if (!Files.exists(status)) {
			return -1;
		}
		try (Stream<String> lines = Files.lines(status)) {
			return lines.filter(l -> l.startsWith(field + ":"))
				.map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElse(-1L);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
