package vn.loaxa.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LoaXa in a child JVM, as a radio PC runs it: {@code java -Xmx256m -cp <the application's classpath>
 * vn.loaxa.LoaxaApplication --key=value …} on its own port, output to {@code <name>.out}. The
 * classpath is this test JVM's without {@code test-classes}, so the child reads only the
 * application's own settings (not the tests' {@code application.properties}).
 */
public final class ChildApp implements AutoCloseable {

	private final String name;
	private final Process process;
	private final Path output;
	private final int port;

	private ChildApp(String name, Process process, Path output, int port) {
		this.name = name;
		this.process = process;
		this.output = output;
		this.port = port;
	}

	public static ChildApp start(String name, Path outputDir, Map<String, String> settings) {
		int port = TestPorts.reserve();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC", "-cp",
				applicationClasspath(), "vn.loaxa.LoaxaApplication", "--server.port=" + port));
		settings.forEach((k, v) -> command.add("--" + k + "=" + v));
		Path out = outputDir.resolve(name + ".out");
		try {
			Files.createDirectories(outputDir);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.start();
			return new ChildApp(name, process, out, port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String applicationClasspath() {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(cp.split(File.pathSeparator))
			.filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Waits until {@code GET /login} answers 200 (the first page served), or fails with the child's output. */
	public Duration awaitUp(Duration timeout) {
		long t0 = System.nanoTime();
		long deadline = t0 + timeout.toNanos();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
					.timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - t0);
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(200);
		}
		throw new IllegalStateException(name + " did not come up within " + timeout + ":\n" + tail(60));
	}

	/** A power cut: SIGKILL, nothing runs on the way down. */
	public void kill() {
		process.destroyForcibly();
		waitFor();
	}

	/** A clean stop: SIGTERM, Spring shuts down (Quartz leaves the cluster, playout stops). */
	public void stop() {
		process.destroy();
		waitFor();
	}

	private void waitFor() {
		try {
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last lines the child printed. */
	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(output);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "(no output: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
