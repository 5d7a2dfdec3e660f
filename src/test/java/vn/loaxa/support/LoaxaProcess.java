package vn.loaxa.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * LoaXa as a child process, as the radio PC runs it: its own JVM, its own data dir, a port on the
 * loopback interface, killed with SIGKILL ({@link #kill()}, {@link Process#destroyForcibly()} on
 * Linux) or stopped with SIGTERM ({@link #stop()}), and started again on the same data dir.
 * <p>
 * It runs the compiled application ({@code target/classes} and the runtime dependencies) with
 * {@code java -cp … vn.loaxa.LoaxaApplication}: the same classes and jars that {@code mvn package}
 * puts into {@code target/loaxa.jar}, without the Boot loader around them. Under {@code mvn verify}
 * the surefire {@code test} phase runs before {@code package}, so the jar of this build does not
 * exist yet when the tests run; packaging it inside a test (or moving the tests to failsafe) would
 * cost a repackage per run for no difference in what is tested. {@code target/test-classes} is left
 * off the classpath, so the test {@code application.properties} does not leak into the child.
 */
public final class LoaxaProcess implements AutoCloseable {

	public static final String MAIN = "vn.loaxa.LoaxaApplication";

	private final Path root;
	private final int port;
	private final String adminPassword;
	private final List<String> arguments;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private List<String> jvmOptions = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
	private Process process;
	private Path output;
	private int launches;

	/**
	 * A LoaXa on {@code root/data}, {@code root/media}, {@code root/schedules}, writing its file sink
	 * to {@code root/sink}; {@code arguments} are added to (and may override) these settings.
	 */
	public LoaxaProcess(Path root, String adminPassword, List<String> arguments) {
		this.root = root;
		this.port = TestPorts.reserve();
		this.adminPassword = adminPassword;
		this.arguments = List.copyOf(arguments);
	}

	/** JVM options of the child (default: a small heap and the quick-starting C1 compiler only). */
	public LoaxaProcess jvmOptions(List<String> options) {
		this.jvmOptions = List.copyOf(options);
		return this;
	}

	public Path root() {
		return root;
	}

	public Path dataDir() {
		return root.resolve("data");
	}

	public Path sinkDir() {
		return root.resolve("sink");
	}

	public int port() {
		return port;
	}

	public ApiClient admin() {
		return ApiClient.as(port, "admin", adminPassword);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public boolean isAlive() {
		return process != null && process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	/** Starts the child (again, on the same data dir); its output goes to {@code root/child-N.log}. */
	public LoaxaProcess start() throws IOException {
		if (isAlive()) {
			throw new IllegalStateException("already running");
		}
		launches++;
		output = root.resolve("child-" + launches + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-Xshare:auto", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp",
				applicationClasspath(), MAIN));
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--loaxa.data-dir=" + dataDir(), "--loaxa.media-dir=" + root.resolve("media"),
				"--loaxa.schedules-dir=" + root.resolve("schedules"), "--loaxa.audio.sink=file",
				"--loaxa.audio.file-sink-dir=" + sinkDir(), "--loaxa.admin.password=" + adminPassword,
				"--loaxa.backup.enabled=false"));
		command.addAll(arguments);
		process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
			.start();
		return this;
	}

	/** Waits until {@code /actuator/health} says UP; fails at once, with the log's tail, if the child died. */
	public LoaxaProcess awaitUp(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("LoaXa exited with " + process.exitValue() + ":\n" + tail(60));
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
							.timeout(Duration.ofSeconds(2))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("LoaXa not UP after " + timeout + ":\n" + tail(60));
	}

	/** SIGKILL: no shutdown hook, no flush, as a power cut. */
	public void kill() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** SIGTERM: Spring's orderly shutdown. */
	public void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	/** The last lines the child printed. */
	public String tail(int lines) {
		try {
			if (output == null || !Files.exists(output)) {
				return "";
			}
			List<String> all = Files.readAllLines(output, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "(log unreadable: " + e + ")";
		}
	}

	/**
	 * The application's classpath without the test classes: from the context class loader under
	 * {@code exec:java} (a URL class loader), else {@code java.class.path} (surefire puts the test
	 * classpath there).
	 */
	public static String applicationClasspath() {
		List<String> entries;
		if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
				&& loader.getURLs().length > 1) {
			entries = new ArrayList<>();
			for (URL url : loader.getURLs()) {
				try {
					entries.add(Path.of(url.toURI()).toString());
				}
				catch (java.net.URISyntaxException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		else {
			entries = Arrays.asList(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator));
		}
		return entries.stream()
			.filter(e -> !e.isBlank())
			.filter(e -> !Path.of(e).endsWith(Path.of("target", "test-classes")))
			.collect(Collectors.joining(File.pathSeparator));
	}
}
