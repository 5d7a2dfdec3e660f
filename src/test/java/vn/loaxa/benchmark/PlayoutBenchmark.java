package vn.loaxa.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;


import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.playout.TestAudio;
import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;

/**
 * 50 slots fired by real Quartz triggers (JDBC store, H2 file), played into the real-time file
 * sink: start lag (first clip's actual start minus the slot's start: median, p99, max) and the
 * gap between clips beyond the configured pause, from the broadcast records (frames written).
 * Run: {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=PlayoutBenchmark}.
 */
public final class PlayoutBenchmark {

	static final int SLOTS = 50;
	static final int SPACING_S = 3;
	static final long PAUSE_MS = 1000;

	public static void main(String[] args) throws Exception {
		if (Boolean.getBoolean("line")) {
			realLine(Integer.getInteger("trials", 7));
			return;
		}
		Path root = Files.createTempDirectory("loaxa-playout-bench");
		Path media = Files.createDirectories(root.resolve("media"));
		Path schedules = Files.createDirectories(root.resolve("schedules"));
		Files.writeString(schedules.resolve("zones.yaml"), """
				channels:
				  - id: main
				    name: Bench
				    output: file
				zones:
				  - id: bench
				    name: Bench
				    channel: main
				""", StandardCharsets.UTF_8);
		String[] props = { "--loaxa.data-dir=" + root.resolve("data"), "--loaxa.media-dir=" + media,
				"--loaxa.schedules-dir=" + schedules, "--loaxa.audio.sink=file", "--loaxa.playout.pause=" + PAUSE_MS + "ms",
				"--loaxa.media.import-on-start=false", "--loaxa.admin.password=bench-pw", "--server.port=0",
				"--logging.level.root=WARN", "--logging.file.name=" + root.resolve("bench.log") };
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class).run(props)) {
			ClipLibrary library = context.getBean(ClipLibrary.class);
			Schedule schedule = context.getBean(Schedule.class);
			BroadcastLog log = context.getBean(BroadcastLog.class);
			LoaxaClock clock = context.getBean(LoaxaClock.class);
			List<Clip> clips = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				Path wav = TestAudio.tone(media.resolve("bench-" + i + ".wav"), 400 + 150 * i, 400 + 100 * i);
				Clip clip = library.importFile(wav, new ClipDraft("bench " + i, ClipKind.NEWS, Topic.OTHER, Priority.NORMAL,
						null, null, null), "bench").clip();
				clips.add(library.approve(clip.getId(), "bench"));
			}
			ZonedDateTime first = clock.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
			StringBuilder yaml = new StringBuilder("target: bench\nslots:\n");
			DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
			for (int i = 0; i < SLOTS; i++) {
				ZonedDateTime at = first.plusSeconds((long) i * SPACING_S);
				yaml.append("  - name: Bench ").append(String.format(Locale.ROOT, "%02d", i)).append('\n')
					.append("    dates: [").append(at.toLocalDate()).append("]\n")
					.append("    start: \"").append(at.format(hms)).append("\"\n")
					.append("    length: ").append(SPACING_S).append("s\n");
			}
			Files.writeString(schedules.resolve("bench.yaml"), yaml, StandardCharsets.UTF_8);
			Schedule.ReloadOutcome reload = schedule.reload();
			if (!reload.ok()) {
				throw new IllegalStateException("bench plan refused: " + reload.errors());
			}
			Instant end = first.plusSeconds((long) SLOTS * SPACING_S + 5).toInstant();
			System.out.printf("PlayoutBenchmark: %d slots every %d s from %s, clips %s ms, pause %d ms, file sink real time%n",
					SLOTS, SPACING_S, first.toLocalTime(), clips.stream().map(c -> "" + c.getDurationMs()).toList(), PAUSE_MS);
			while (clock.now().toInstant().isBefore(end)) {
				Thread.sleep(1000);
			}
			Thread.sleep(2000);
			List<BroadcastRecord> records = log.between(first.toInstant().minusSeconds(1), end, "bench");
			Map<String, List<Airing>> bySlot = new TreeMap<>(records.stream().map(BroadcastRecord::airing)
				.collect(Collectors.groupingBy(Airing::slotName)));
			List<Long> lags = new ArrayList<>();
			List<Long> gaps = new ArrayList<>();
			int played = 0;
			for (List<Airing> airings : bySlot.values()) {
				List<Airing> sorted = airings.stream().filter(a -> a.outcome() == Outcome.PLAYED)
					.sorted(Comparator.comparing(Airing::actualStart)).toList();
				played += sorted.size();
				if (sorted.isEmpty()) {
					continue;
				}
				lags.add(Duration.between(sorted.get(0).scheduledStart(), sorted.get(0).actualStart()).toMillis());
				for (int i = 1; i < sorted.size(); i++) {
					gaps.add(Duration.between(sorted.get(i - 1).actualEnd(), sorted.get(i).actualStart()).toMillis() - PAUSE_MS);
				}
			}
			long wavGapMax = wavGapBeyondPause(root.resolve("data/sink"));
			System.out.printf("slots aired: %d of %d, clips PLAYED: %d, other records: %d%n", bySlot.size(), SLOTS, played,
					records.size() - played);
			System.out.printf("start lag (actual - scheduled) ms: median %d, p99 %d, max %d, min %d%n", pct(lags, 50),
					pct(lags, 99), max(lags), lags.stream().mapToLong(Long::longValue).min().orElse(0));
			System.out.printf("inter-clip gap beyond the %d ms pause, from frames written (records) ms: median %d, max %d (n=%d)%n",
					PAUSE_MS, pct(gaps, 50), max(gaps), gaps.size());
			System.out.printf("longest silence in the sink WAVs beyond the pause, measured on the PCM: %d ms%n", wavGapMax);
		}
	}

	private static long wavGapBeyondPause(Path sink) throws Exception {
		long worst = Long.MIN_VALUE;
		try (var files = Files.list(sink)) {
			for (Path wav : files.toList()) {
				for (int run : TestAudio.silences(TestAudio.samples(wav), 11)) {
					worst = Math.max(worst, Math.round(TestAudio.ms(run)) - PAUSE_MS);
				}
			}
		}
		return worst == Long.MIN_VALUE ? 0 : worst;
	}

	private static long pct(List<Long> values, int p) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static long max(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).max().orElse(0);
	}

	/**
	 * {@code -Dline=true}: sound on the beat on a real line (PulseAudio null sink {@code loa}, as
	 * .ci/run sets up): per trial, LoaXa's first sound beside a minimal 100 ms writer in one recording,
	 * and what LoaXa's own record says, side by side; medians printed.
	 */
	static void realLine(int trials) throws Exception {
		javax.sound.sampled.Mixer.Info mixer = vn.loaxa.playout.LineBeat.defaultMixer();
		if (mixer == null) {
			System.out.println("PlayoutBenchmark -Dline=true: no 'default' mixer (start PulseAudio with the null sink 'loa')");
			return;
		}
		List<Long> lag = new ArrayList<>();
		List<Long> written = new ArrayList<>();
		List<Long> claimed = new ArrayList<>();
		for (int i = 0; i < trials; i++) {
			vn.loaxa.playout.LineBeat.Trial t = vn.loaxa.playout.LineBeat.measure(mixer,
					Files.createTempDirectory("loaxa-line-beat"));
			System.out.println("trial " + (i + 1) + ": " + t);
			lag.add(Math.round(t.lagBehindIdealMs()));
			written.add(t.writtenMs());
			claimed.add(t.claimedMs());
		}
		System.out.printf("real line, %d trials: first sound behind the minimal writer, from the recording: median %d ms "
				+ "(min %d, max %d); first frame written %d ms from the beat (median); the record says heard %d ms from "
				+ "the beat (median)%n", trials, pct(lag, 50), java.util.Collections.min(lag), java.util.Collections.max(lag),
				pct(written, 50), pct(claimed, 50));
	}
}
