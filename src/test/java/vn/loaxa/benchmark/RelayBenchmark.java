package vn.loaxa.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.faults.FaultCommune;
import vn.loaxa.playout.TestAudio;
import vn.loaxa.playout.TestStation;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.LoaxaProcess;

/**
 * Tiếp sóng's cost and promptness (issue 26): {@code mvn -q -Pbenchmark test-compile exec:java
 * -Dbench=RelayBenchmark [-Dminutes=3] [-Dchannels=1] [-Dtrials=3] [-Dbaseline=30]}. A test station
 * on 127.0.0.1 streams a 64 kbit/s MP3 in real time; LoaXa runs as its own process (the {@code deploy/}
 * JVM flags, file sink in real time) on {@code target/relay-bench/…}. Its idle CPU is read over a
 * baseline window, then one relay slot of {@code minutes} on every channel, with the CPU of its JVM and
 * of its descendants (the ffmpeg decoders) from {@code /proc}. Then {@code trials - 1} more short
 * relay slots, and for all of them the time from the slot's start to the first relayed sound, from the
 * records and from the channel's WAV; and the air-checks' size per hour when this build writes them.
 * Figures printed, never asserted.
 */
public final class RelayBenchmark {

	private static final String PASSWORD = "bench-pass-12345";
	private static final List<String> DEPLOY_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");
	private static final Duration SHORT_SLOT = Duration.ofSeconds(20);
	private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

	record Trial(String name, ZonedDateTime start, Duration length) {
		Instant end() {
			return start.toInstant().plus(length);
		}
	}

	private RelayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int minutes = Integer.getInteger("minutes", 3);
		int channels = Integer.getInteger("channels", 1);
		int trials = Math.max(1, Integer.getInteger("trials", 3));
		int baselineS = Integer.getInteger("baseline", 30);
		Path root = Files.createDirectories(Path.of("target", "relay-bench", Long.toString(System.currentTimeMillis()))
			.toAbsolutePath());
		FaultCommune.zones(root, channels);
		System.out.printf("RelayBenchmark: %d channel(s), a %d min relay then %d of %d s, a 64 kbit/s MP3 from 127.0.0.1, "
				+ "file sink in real time, JVM %s; load before: %s; data in %s%n", channels, minutes, trials - 1,
				SHORT_SLOT.toSeconds(), String.join(" ", DEPLOY_JVM), load(), root);
		try (TestStation station = new TestStation(Files.createDirectories(root.resolve("station")));
				LoaxaProcess loaxa = new LoaxaProcess(root, PASSWORD, List.of()).jvmOptions(DEPLOY_JVM)) {
			loaxa.start().awaitUp(Duration.ofSeconds(240));
			ApiClient admin = loaxa.admin();
			expect(201, admin.postJson("/api/relays", Map.of("id", "bench", "name", "Tiếp sóng đo",
					"urls", List.of(station.url("/live.mp3")))));
			String target = channels == 1 ? "ban-1" : "ca-xa";
			ProcessCpu cpu = new ProcessCpu(loaxa.pid());
			Thread.sleep(20_000); // the start's work done and its garbage given back
			ProcessCpu.Reading idle = measureIdle(cpu, baselineS);
			List<Trial> done = new ArrayList<>();
			Trial main = plan(admin, target, "Tiep song do 1", Duration.ofMinutes(minutes));
			done.add(main);
			ProcessCpu.Reading relay = measureRelay(cpu, main);
			for (int i = 2; i <= trials; i++) {
				Trial t = plan(admin, target, "Tiep song do " + i, SHORT_SLOT);
				awaitPast(t.end().plusSeconds(2));
				done.add(t);
			}
			Thread.sleep(2_000);
			JsonNode records = admin.get("/api/broadcasts?from=" + main.start().toLocalDate() + "&to="
					+ done.get(done.size() - 1).start().toLocalDate()).json();
			double mainChannelS = relayedSeconds(records, List.of(main));
			printCpu(idle, relay, mainChannelS, channels);
			printFirstSound(records, done, loaxa.sinkDir(), channels);
			printAirChecks(loaxa.dataDir().resolve("aircheck"), relayedSeconds(records, done));
		}
		System.out.printf("load after: %s%n", load());
	}

	private static ProcessCpu.Reading measureIdle(ProcessCpu cpu, int seconds) throws InterruptedException {
		ProcessCpu.Reading before = cpu.read();
		Thread.sleep(seconds * 1000L);
		return cpu.read().minus(before);
	}

	/** From before the slot's pre-roll to the moment its decoders have ended and been waited for. */
	private static ProcessCpu.Reading measureRelay(ProcessCpu cpu, Trial trial) throws InterruptedException {
		awaitPast(trial.start().toInstant().minusSeconds(6));
		ProcessCpu.Reading before = cpu.read();
		long most = 0;
		while (Instant.now().isBefore(trial.end())) {
			most = Math.max(most, cpu.liveDescendants());
			Thread.sleep(2_000);
		}
		Instant deadline = trial.end().plusSeconds(30);
		while (cpu.liveDescendants() > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		Thread.sleep(1_000);
		ProcessCpu.Reading relay = cpu.read().minus(before);
		System.out.printf("relay window %.0f s (pre-roll to the decoders' end); processes under LoaXa at once: %d%n",
				relay.wallS(), most);
		return relay;
	}

	private static void printCpu(ProcessCpu.Reading idle, ProcessCpu.Reading relay, double channelS, int channels) {
		double idleRate = idle.selfS() / idle.wallS();
		System.out.printf("idle: LoaXa's JVM %.2f CPU-s over %.0f s (%.2f %% of one core)%n", idle.selfS(), idle.wallS(),
				100 * idleRate);
		double jvmNet = relay.selfS() - idleRate * relay.wallS();
		System.out.printf("relay: %.1f s relayed per channel; LoaXa's JVM %.2f CPU-s (%.2f above idle), ffmpeg %.2f CPU-s%n",
				channelS / channels, relay.selfS(), jvmNet, relay.descendantsS());
		double perHour = 3600 / channelS;
		System.out.printf("per hour of relay per channel: LoaXa's JVM %.0f CPU-s (%.2f %% of one core; above idle %.0f "
				+ "CPU-s, %.2f %%), ffmpeg %.0f CPU-s (%.2f %%), total %.0f CPU-s (%.2f %%; above idle %.0f CPU-s, %.2f %%)%n",
				relay.selfS() * perHour, pct(relay.selfS() * perHour), jvmNet * perHour, pct(jvmNet * perHour),
				relay.descendantsS() * perHour, pct(relay.descendantsS() * perHour),
				(relay.selfS() + relay.descendantsS()) * perHour, pct((relay.selfS() + relay.descendantsS()) * perHour),
				(jvmNet + relay.descendantsS()) * perHour, pct((jvmNet + relay.descendantsS()) * perHour));
	}

	private static double pct(double cpuSecondsPerHour) {
		return 100 * cpuSecondsPerHour / 3600;
	}

	/**
	 * Per trial and channel: the first stretch's actualStart minus the slot's start (the record), and
	 * the first non-zero sample of the channel's WAV. The WAV's frame 0 is placed from its end: its
	 * last frame is the last stretch's actualEnd (both read from the sink's clock), so the WAV's figure
	 * does not lean on the actualStart it is checked against (the two differ when silence came first).
	 */
	private static void printFirstSound(JsonNode records, List<Trial> trials, Path sink, int channels)
			throws Exception {
		List<Long> fromRecords = new ArrayList<>();
		List<Long> fromWavs = new ArrayList<>();
		for (Trial t : trials) {
			for (int c = 1; c <= channels; c++) {
				List<JsonNode> stretches = stretches(records, t.name(), "ban-" + c);
				if (stretches.isEmpty() || stretches.get(0).path("actualStart").isNull()) {
					System.out.printf("  %s, kenh-%d: no sound (%s)%n", t.name(), c, stretches);
					continue;
				}
				JsonNode first = stretches.get(0);
				JsonNode last = stretches.get(stretches.size() - 1);
				long record = millisBetween(first.path("scheduledStart"), first.path("actualStart"));
				short[] samples = TestAudio.samples(wav(sink, "kenh-" + c, t.name()));
				Instant wavStart = instant(last.path("actualEnd")).minusNanos(Math.round(TestAudio.ms(samples.length) * 1e6));
				int firstSound = firstNonZero(samples);
				long wav = Duration.between(t.start().toInstant(), wavStart).toMillis() + Math.round(TestAudio.ms(firstSound));
				fromRecords.add(record);
				fromWavs.add(wav);
				System.out.printf("  %s, kenh-%d: %s %d ms relayed; first sound %d ms after the start (record), %d ms (WAV: "
						+ "%d ms of silence first, %d stretch(es))%n", t.name(), c, last.path("outcome").asText(),
						stretches.stream().mapToLong(s -> s.path("playedMs").asLong()).sum(), record, wav,
						Math.round(TestAudio.ms(firstSound)), stretches.size());
			}
		}
		System.out.printf("first relayed sound after the slot's start, %d slot(s) x %d channel(s): records median %d ms "
				+ "(%d..%d), WAV median %d ms (%d..%d)%n", trials.size(), channels, median(fromRecords),
				min(fromRecords), max(fromRecords), median(fromWavs), min(fromWavs), max(fromWavs));
	}

	private static void printAirChecks(Path dir, double channelS) throws Exception {
		if (!Files.isDirectory(dir)) {
			System.out.println("air-checks: not on this build");
			return;
		}
		long bytes;
		long files;
		try (Stream<Path> all = Files.walk(dir)) {
			List<Path> regular = all.filter(Files::isRegularFile).toList();
			files = regular.size();
			bytes = 0;
			for (Path f : regular) {
				bytes += Files.size(f);
			}
		}
		System.out.printf("air-checks: %d file(s), %d bytes for %.0f s relayed (all channels): %.1f MB per hour per channel%n",
				files, bytes, channelS, bytes / channelS * 3600 / 1e6);
	}

	private static Trial plan(ApiClient admin, String target, String name, Duration length) throws Exception {
		ZonedDateTime start = FaultCommune.inSeconds(12);
		expect(201, admin.postJson("/api/slots", Map.of("target", target, "name", name, "dates",
				start.toLocalDate().toString(), "start", start.format(HMS), "length", length.toSeconds() + "s",
				"relay", "bench")));
		return new Trial(name, start, length);
	}

	/** Relayed seconds of these slots, summed over the zones (one zone per channel). */
	private static double relayedSeconds(JsonNode records, List<Trial> trials) {
		long ms = 0;
		for (JsonNode r : records) {
			if (trials.stream().anyMatch(t -> t.name().equals(r.path("slot").asText()))) {
				ms += r.path("playedMs").asLong();
			}
		}
		return ms / 1000.0;
	}

	private static List<JsonNode> stretches(JsonNode records, String slot, String zone) {
		List<JsonNode> out = new ArrayList<>();
		records.forEach(r -> {
			if (slot.equals(r.path("slot").asText()) && zone.equals(r.path("zone").asText())) {
				out.add(r);
			}
		});
		out.sort(java.util.Comparator.comparing(r -> r.path("actualStart").isNull() ? Instant.MIN
				: instant(r.path("actualStart"))));
		return out;
	}

	private static Path wav(Path sink, String channel, String slot) throws Exception {
		String label = "-" + channel + "-" + slot.replaceAll("[^\\p{L}\\p{N}_-]+", "-") + ".wav";
		try (Stream<Path> files = Files.list(sink)) {
			return files.filter(f -> f.getFileName().toString().endsWith(label)).findFirst().orElseThrow();
		}
	}

	private static int firstNonZero(short[] samples) {
		for (int i = 0; i < samples.length; i++) {
			if (samples[i] != 0) {
				return i;
			}
		}
		return samples.length;
	}

	private static Instant instant(JsonNode at) {
		return OffsetDateTime.parse(at.asText()).toInstant();
	}

	private static long millisBetween(JsonNode from, JsonNode to) {
		return Duration.between(instant(from), instant(to)).toMillis();
	}

	private static void awaitPast(Instant at) throws InterruptedException {
		long ms = Duration.between(Instant.now(), at).toMillis();
		if (ms > 0) {
			Thread.sleep(ms);
		}
	}

	private static void expect(int status, ApiClient.Response response) {
		if (response.status() != status) {
			throw new IllegalStateException("expected " + status + ": " + response);
		}
	}

	private static String load() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).trim();
	}

	private static long median(List<Long> v) {
		List<Long> s = v.stream().sorted().toList();
		return s.isEmpty() ? 0 : (s.get((s.size() - 1) / 2) + s.get(s.size() / 2)) / 2;
	}

	private static long min(List<Long> v) {
		return v.stream().mapToLong(Long::longValue).min().orElse(0);
	}

	private static long max(List<Long> v) {
		return v.stream().mapToLong(Long::longValue).max().orElse(0);
	}
}
