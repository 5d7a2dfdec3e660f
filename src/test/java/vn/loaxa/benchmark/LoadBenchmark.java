package vn.loaxa.benchmark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.playout.TestAudio;
import vn.loaxa.faults.FaultCommune;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.LoaxaProcess;

/**
 * Issue 6, "Proof": a load test on loopback. LoaXa runs as a child process (its own JVM, as on the
 * radio PC) with the real-time file sink; a programme of four 37 s tone clips (1 s pause between
 * them, 2.5 minutes) plays while, for two minutes, 20 logged-in users browse (library, queue,
 * schedule, broadcast log, the report as JSON) and 5 logged-in users upload generated clips through
 * the upload page. Loops are bounded (deadline and a request cap per user); think time 0–250 ms
 * for browsers, 0–500 ms for uploaders.
 * <p>
 * Printed: requests/s, errors, latency median and p99 (browsing and uploading apart), and two gap
 * figures for the recording: (1) every run of zero samples of 5 ms or more in the sink's WAV, which
 * must be exactly the three configured pauses, none longer than the pause + 20 ms; (2) how far the
 * file's audio lagged the wall clock, sampled every 50 ms from outside, counted from its first
 * flushed bytes. The file sink writes 100 ms ahead of the clock through a 64 KB (743 ms) buffer, so
 * a lag up to 843 ms is the buffer; beyond it the writer fell behind the clock, which a sound card
 * would have played as an underrun (the file sink itself never writes silence for it, which is why
 * the zero-run scan alone cannot see it).
 * <p>
 * Run: {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=LoadBenchmark} (about 3.5 minutes).
 * Figures are printed, never asserted.
 */
public final class LoadBenchmark {

	static final int BROWSERS = 20;
	static final int UPLOADERS = 5;
	static final Duration LOAD = Duration.ofMinutes(2);
	static final int CLIPS = 4;
	static final long CLIP_MS = 37_000;
	static final long PAUSE_MS = 1000;
	static final int MAX_REQUESTS_PER_USER = 5000;
	static final String PASSWORD = "mat-khau-tai-nang-123";
	static final double BUFFER_MS = 64 * 1024 / 2 / 44.1;
	/** The real-time file sink writes this far ahead of the clock (FileSink.LEAD_NANOS). */
	static final long LEAD_MS = 100;

	record Sample(boolean upload, int status, long nanos, String what) {
	}

	private static final List<Sample> SAMPLES = Collections.synchronizedList(new ArrayList<>());
	private static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		Path root = Files.createDirectories(Path.of("target", "bench-load-" + System.currentTimeMillis()).toAbsolutePath());
		FaultCommune.zones(root, 1);
		FaultCommune.clips(root, CLIP_MS, 330, 392, 440, 494);
		System.out.println("load benchmark in " + root);
		try (LoaxaProcess app = new LoaxaProcess(root, PASSWORD,
				List.of("--loaxa.playout.pause=" + PAUSE_MS + "ms", "--logging.level.root=WARN"))) {
			app.jvmOptions(List.of("-Xmx768m"));
			app.start().awaitUp(Duration.ofMinutes(2));
			ApiClient admin = app.admin();
			for (int i = 0; i < 600 && admin.get("/api/clips?status=APPROVED").json().size() < CLIPS; i++) {
				Thread.sleep(200);
			}
			for (int i = 0; i < BROWSERS + UPLOADERS; i++) {
				if (!createUser(app, "nguoi-dung-" + i)) {
					throw new IllegalStateException("user nguoi-dung-" + i + " not created");
				}
			}
			List<Browser> browsers = new ArrayList<>();
			for (int i = 0; i < BROWSERS + UPLOADERS; i++) {
				browsers.add(Browser.logIn(app.port(), "nguoi-dung-" + i, PASSWORD));
			}

			ZonedDateTime start = FaultCommune.inSeconds(12);
			long programmeMs = CLIPS * CLIP_MS + (CLIPS - 1) * PAUSE_MS;
			FaultCommune.slot(root, "ban-1", "ban-1", "Chương trình khi tải nặng", start,
					Duration.ofMillis(programmeMs).plusSeconds(10));
			ApiClient.Response reload = admin.post("/api/schedule/reload");
			if (!reload.json().path("ok").asBoolean()) {
				throw new IllegalStateException("plan refused: " + reload);
			}

			// the programme starts: load for two minutes, watching the sink from outside
			Path sink = awaitSink(app, start.toInstant().plusSeconds(30));
			SinkWatch watch = new SinkWatch(sink, programmeMs);
			Thread watcher = new Thread(watch, "sink-watch");
			watcher.setDaemon(true);
			watcher.start();
			Instant loadStart = Instant.now();
			Instant deadline = loadStart.plus(LOAD);
			ExecutorService users = Executors.newFixedThreadPool(BROWSERS + UPLOADERS);
			List<Future<?>> running = new ArrayList<>();
			String period = LocalDate.now(FaultCommune.HCM).getYear() + "";
			for (int i = 0; i < BROWSERS; i++) {
				Browser b = browsers.get(i);
				running.add(users.submit(() -> browse(b, deadline, period)));
			}
			for (int i = 0; i < UPLOADERS; i++) {
				Browser b = browsers.get(BROWSERS + i);
				int seed = i;
				running.add(users.submit(() -> upload(b, deadline, seed)));
			}
			for (Future<?> f : running) {
				f.get();
			}
			users.shutdown();
			double loadSeconds = Duration.between(loadStart, Instant.now()).toMillis() / 1000.0;

			// the rest of the programme, then its records and its recording
			List<JsonNode> records = new ArrayList<>();
			long until = System.currentTimeMillis() + programmeMs + 60_000;
			while (System.currentTimeMillis() < until) {
				records = records(admin, "Chương trình khi tải nặng");
				if (records.size() >= CLIPS) {
					break;
				}
				Thread.sleep(500);
			}
			watch.stop();
			watcher.join();
			Thread.sleep(500);
			report(loadSeconds, records, sink, watch, programmeMs);
		}
	}

	// ------------------------------------------------------------------ users

	private static void browse(Browser b, Instant deadline, String year) {
		String[] pages = { "/clips", "/queue", "/schedule", "/broadcasts", "/reports/download?period=" + year + "&format=json" };
		for (int n = 0; n < MAX_REQUESTS_PER_USER && Instant.now().isBefore(deadline); n++) {
			String page = pages[n % pages.length];
			b.timed(false, page, () -> b.get(page));
			think(250);
		}
	}

	private static void upload(Browser b, Instant deadline, int seed) {
		Random random = new Random(seed * 7919L + System.nanoTime());
		for (int n = 0; n < MAX_REQUESTS_PER_USER && Instant.now().isBefore(deadline); n++) {
			byte[] wav = uniqueWav(random, 3000);
			String name = "tai-len-" + seed + "-" + n + ".wav";
			b.timed(true, "/clips/upload", () -> b.upload(name, wav));
			think(500);
		}
	}

	private static void think(int maxMs) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextInt(maxMs + 1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A browser session: form log-in, cookie, CSRF token. */
	static final class Browser {

		private static final Pattern HIDDEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
		private static final Pattern META = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		private final String base;
		private String csrf;

		private Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		static Browser logIn(int port, String user, String password) throws Exception {
			Browser b = new Browser(port);
			Matcher token = HIDDEN.matcher(b.get("/login").body());
			if (!token.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
			HttpResponse<String> in = b.http.send(HttpRequest.newBuilder(URI.create(b.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (in.statusCode() != 302 || in.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("log-in of " + user + " failed: " + in.statusCode());
			}
			Matcher meta = META.matcher(b.get("/clips").body());
			if (!meta.find()) {
				throw new IllegalStateException("no CSRF meta tag");
			}
			b.csrf = meta.group(1);
			return b;
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
			String boundary = "----load" + UUID.randomUUID().toString().replace("-", "");
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nNEWS\r\n--"
					+ boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(base + "/clips/upload"))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json")
				.header("X-CSRF-TOKEN", csrf)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		interface Call {
			HttpResponse<String> run() throws Exception;
		}

		void timed(boolean upload, String what, Call call) {
			long t0 = System.nanoTime();
			int status;
			try {
				HttpResponse<String> r = call.run();
				status = r.statusCode();
				if (upload && status == 200 && !r.body().contains("\"ok\":true")) {
					status = 299; // answered, but the upload was refused
				}
			}
			catch (Exception e) {
				status = -1;
				ERRORS.computeIfAbsent(what + ": " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
			}
			long nanos = System.nanoTime() - t0;
			SAMPLES.add(new Sample(upload, status, nanos, what));
			if (status >= 0 && (status >= 400 || status == 299)) {
				ERRORS.computeIfAbsent(what + ": " + status, k -> new AtomicInteger()).incrementAndGet();
			}
		}
	}

	/** A mono 16-bit tone at a random pitch with a little noise: never the same bytes twice. */
	static byte[] uniqueWav(Random random, long ms) {
		float rate = 44100f;
		int frames = (int) (rate * ms / 1000);
		double hz = 200 + random.nextDouble() * 1500;
		ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			pcm.putShort((short) Math.round(0.3 * Math.sin(2 * Math.PI * hz * i / rate) * 32767 + random.nextInt(7) - 3));
		}
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()),
				new AudioFormat(rate, 16, 1, true, false), frames)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	// ------------------------------------------------------------------ the recording

	private static Path awaitSink(LoaxaProcess app, Instant until) throws Exception {
		while (Instant.now().isBefore(until)) {
			List<Path> wavs = FaultCommune.wavs(app.sinkDir());
			if (!wavs.isEmpty() && FaultCommune.pcmBytes(wavs.get(0)) > 0) {
				return wavs.get(0);
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("the programme did not start:\n" + app.tail(40));
	}

	/**
	 * Samples, every 50 ms, how far the sink's audio is behind the wall clock, counted from its first
	 * flushed bytes; stops counting near the programme's end (the file then stops growing by design).
	 */
	static final class SinkWatch implements Runnable {

		private final Path wav;
		private final double programmeMs;
		private volatile boolean stopped;
		double maxLagMs;
		int samples;

		SinkWatch(Path wav, double programmeMs) {
			this.wav = wav;
			this.programmeMs = programmeMs;
		}

		void stop() {
			stopped = true;
		}

		@Override
		public void run() {
			long firstNanos = 0;
			double firstAudioMs = 0;
			while (!stopped) {
				double audioMs = FaultCommune.pcmBytes(wav) / 2 / 44.1;
				long now = System.nanoTime();
				if (firstNanos == 0 && audioMs > 0) {
					firstNanos = now;
					firstAudioMs = audioMs;
				}
				if (firstNanos != 0 && audioMs < programmeMs - BUFFER_MS - 100) {
					double lag = (now - firstNanos) / 1e6 - (audioMs - firstAudioMs);
					maxLagMs = Math.max(maxLagMs, lag);
					samples++;
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}
	}

	private static void report(double loadSeconds, List<JsonNode> records, Path sink, SinkWatch watch, long programmeMs)
			throws Exception {
		List<Sample> all = new ArrayList<>(SAMPLES);
		List<Sample> browse = all.stream().filter(s -> !s.upload()).toList();
		List<Sample> uploads = all.stream().filter(Sample::upload).toList();
		long errors = all.stream().filter(s -> s.status() < 0 || s.status() >= 400 || s.status() == 299).count();

		short[] pcm = TestAudio.samples(sink);
		List<Integer> silences = TestAudio.silences(pcm, (int) (44.1 * 5));
		double pauseMs = PAUSE_MS;
		double worstPauseExcess = silences.stream().mapToDouble(f -> f / 44.1 - pauseMs).max().orElse(0);
		long unexpected = silences.stream().filter(f -> Math.abs(f / 44.1 - pauseMs) > 20).count();
		double audioMs = pcm.length / 44.1;

		System.out.println();
		System.out.println("==== LoaXa load benchmark (loopback, file sink, " + BROWSERS + " browsing + " + UPLOADERS
				+ " uploading users) ====");
		System.out.printf(Locale.ROOT, "load: %.1f s, %d requests, %.1f requests/s (%d page/JSON views, %d uploads)%n",
				loadSeconds, all.size(), all.size() / loadSeconds, browse.size(), uploads.size());
		System.out.printf(Locale.ROOT, "errors: %d %s%n", errors, ERRORS);
		System.out.printf(Locale.ROOT, "latency browsing: median %.0f ms, p99 %.0f ms, max %.0f ms%n", pct(browse, 50),
				pct(browse, 99), pct(browse, 100));
		System.out.printf(Locale.ROOT, "latency uploading (decode + loudness with ffmpeg): median %.0f ms, p99 %.0f ms, max %.0f ms%n",
				pct(uploads, 50), pct(uploads, 99), pct(uploads, 100));
		for (String page : new String[] { "/clips", "/queue", "/schedule", "/broadcasts", "/reports/download" }) {
			List<Sample> of = browse.stream().filter(s -> s.what().startsWith(page)).toList();
			System.out.printf(Locale.ROOT, "  %-18s %5d × median %4.0f ms, p99 %5.0f ms%n", page, of.size(), pct(of, 50),
					pct(of, 99));
		}
		System.out.printf(Locale.ROOT, "recording: %s, %.1f s of audio (programme %.1f s)%n", sink.getFileName(),
				audioMs / 1000, programmeMs / 1000.0);
		System.out.printf(Locale.ROOT, "silences ≥ 5 ms: %d (expected %d pauses of %d ms): %s ms%n", silences.size(),
				CLIPS - 1, PAUSE_MS, silences.stream().map(f -> String.format(Locale.ROOT, "%.1f", f / 44.1)).toList());
		System.out.printf(Locale.ROOT, "gap figure: worst silence beyond the configured pause %+.1f ms; silences not a pause (±20 ms): %d%n",
				worstPauseExcess, unexpected);
		double tolerated = BUFFER_MS + LEAD_MS;
		System.out.printf(Locale.ROOT, "sink vs wall clock: worst lag %.0f ms over %d samples; the sink's 64 KB buffer (%.0f ms) and its "
				+ "%d ms lead account for %.0f ms: %s%n", watch.maxLagMs, watch.samples, BUFFER_MS, LEAD_MS, tolerated,
				watch.maxLagMs <= tolerated ? String.format(Locale.ROOT, "the writer never fell behind the clock (margin %.0f ms)",
						tolerated - watch.maxLagMs)
						: String.format(Locale.ROOT, "the writer fell %.0f ms behind the clock (an underrun on a line)",
								watch.maxLagMs - tolerated));
		System.out.println("records: " + records.stream()
			.map(r -> r.path("outcome").asText() + " " + r.path("playedMs").asLong() + " ms")
			.toList());
		boolean ok = errors == 0 && silences.size() == CLIPS - 1 && unexpected == 0 && records.size() == CLIPS
				&& records.stream().allMatch(r -> r.path("outcome").asText().equals("PLAYED"))
				&& watch.maxLagMs <= tolerated;
		System.out.println("verdict: " + (ok ? "no gap, no error" : "SEE ABOVE"));
	}

	private static double pct(List<Sample> samples, double p) {
		if (samples.isEmpty()) {
			return Double.NaN;
		}
		long[] ns = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
		int i = (int) Math.ceil(p / 100.0 * ns.length) - 1;
		return ns[Math.max(0, Math.min(ns.length - 1, i))] / 1e6;
	}

	private static List<JsonNode> records(ApiClient admin, String slot) throws IOException {
		LocalDate today = LocalDate.now(FaultCommune.HCM);
		List<JsonNode> list = new ArrayList<>();
		ApiClient.Response r = admin.get("/api/broadcasts?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
		if (r.json() != null) {
			r.json().forEach(n -> {
				if (n.path("slot").asText().equals(slot)) {
					list.add(n);
				}
			});
		}
		return list;
	}

	/** The API has no user endpoint: the Users page, as the administrator. */
	private static boolean createUser(LoaxaProcess app, String name) throws Exception {
		Browser b = Browser.logIn(app.port(), "admin", PASSWORD);
		String form = "username=" + name + "&displayName=" + URLEncoder.encode("Người dùng thử", StandardCharsets.UTF_8)
				+ "&password=" + PASSWORD + "&roles=OFFICER";
		HttpResponse<String> r = b.http.send(HttpRequest.newBuilder(URI.create(b.base + "/users"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", b.csrf)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return r.statusCode() == 302 && !b.get("/users").body().contains("alert-danger");
	}

	private LoadBenchmark() {
	}
}
