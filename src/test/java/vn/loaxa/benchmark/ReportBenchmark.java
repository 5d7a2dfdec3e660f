package vn.loaxa.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.ChainVerification;
import vn.loaxa.broadcast.MonthTotals;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.report.Report;
import vn.loaxa.report.ReportExports;
import vn.loaxa.report.ReportFormat;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.report.ReportService;

/**
 * Report benchmark (figures printed, never asserted):
 *
 * <pre>
 * mvn -q -Pbenchmark test-compile exec:java -Dbench=ReportBenchmark [-Dbench.dir=target/bench-report] [-Dbench.records=1500000]
 * </pre>
 *
 * Generates a log of 1.5 million records on H2 (20 zones, 3 slots a day, 23 clips a slot from
 * 2024-01-01, i.e. about 500,000 a year) through {@link BroadcastLog#appendAll}, so every hash is the
 * real chain; an existing log in the directory is reused. Then folds the log into the month totals
 * (timed: the whole log the first time, nothing on a run after), times a quarterly JSON report (the
 * first run in a fresh JVM, then repeated), the first report of several other periods, chain
 * verification of every record, and a year's XLSX export in a child JVM started with -Xmx256m
 * (the command-line job, as an operator would run it), and prints the child's peak heap and CPU time.
 */
public final class ReportBenchmark {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final int ZONES = 20;
	static final int[][] SLOTS = { { 5, 30 }, { 11, 0 }, { 17, 0 } };
	static final int CLIPS_PER_SLOT = 23;
	static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
	static final int BATCH = 5_000;

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench-report")).toAbsolutePath();
		long wanted = Long.getLong("bench.records", 1_500_000L);
		Files.createDirectories(dir);
		String[] settings = settings(dir);
		System.out.printf("ReportBenchmark: data dir %s, %d records wanted, %d cores, max heap %d MB%n", dir, wanted,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

		ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.quartz.auto-startup=false", "loaxa.playout.enabled=false",
					"loaxa.media.import-on-start=false", "spring.main.banner-mode=off", "logging.level.root=WARN")
			.run(settings);
		BroadcastLog log = context.getBean(BroadcastLog.class);
		ReportExports exports = context.getBean(ReportExports.class);
		ReportService reports = context.getBean(ReportService.class);

		long existing = log.count();
		if (existing < wanted) {
			generate(log, existing, wanted);
		}
		long records = log.count();
		System.out.printf("log: %,d records, H2 file %,d MB%n", records, size(dir.resolve("db")) >> 20);
		// what the web app does 20 s after start and every 10 minutes; on a log of a release before the
		// totals (or a fresh benchmark log) this is the one-time summing of every record
		long folding = System.nanoTime();
		long foldCpu = ExportChild.processCpuNanos();
		long folded = context.getBean(MonthTotals.class).fold();
		System.out.printf("month totals: %,d records folded in %,d ms (CPU %,d ms)%n", folded,
				(System.nanoTime() - folding) / 1_000_000, (ExportChild.processCpuNanos() - foldCpu) / 1_000_000);

		// a quarter in the middle of the data: 2025-Q2-statutory (15/03–14/06/2025)
		ReportPeriod quarter = ReportPeriod.parse("2025-Q2-statutory");
		long[] jsonMs = new long[5];
		long[] jsonCpuMs = new long[jsonMs.length];
		for (int i = 0; i < jsonMs.length; i++) {
			long t = System.nanoTime();
			long cpu = ExportChild.processCpuNanos();
			exports.write(quarter, ReportFormat.JSON, OutputStream.nullOutputStream());
			jsonMs[i] = (System.nanoTime() - t) / 1_000_000;
			jsonCpuMs[i] = (ExportChild.processCpuNanos() - cpu) / 1_000_000;
		}
		Report report = reports.compute(quarter);
		System.out.printf("quarterly JSON report %s: runs %s ms (first is cold), CPU of the process meanwhile %s ms; "
				+ "%,d airings, %,d clips, %.1f minutes%n", quarter.code(), Arrays.toString(jsonMs),
				Arrays.toString(jsonCpuMs), report.figures().totals().airings(),
				report.figures().totals().clips(), report.figures().totals().minutes());
		// any period, not only one already read: each of these is its first report in this JVM (code
		// warm from the runs above, as after the web app's start-up warm-up; that period's data cold)
		List<String> others = List.of("2024-Q3", "2025-Q4", "2024-Q1", "2026-Q1", "2024-H2-statutory", "2025");
		List<String> otherMs = new ArrayList<>();
		for (String code : others) {
			long t = System.nanoTime();
			long cpu = ExportChild.processCpuNanos();
			exports.write(ReportPeriod.parse(code), ReportFormat.JSON, OutputStream.nullOutputStream());
			otherMs.add(code + " " + (System.nanoTime() - t) / 1_000_000 + " (CPU "
					+ (ExportChild.processCpuNanos() - cpu) / 1_000_000 + ")");
		}
		System.out.printf("JSON reports of other periods, each the first time (ms): %s; load average %.1f%n",
				String.join(", ", otherMs), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
					.getSystemLoadAverage());

		long fromLog = System.nanoTime();
		reports.computeFromLog(quarter);
		System.out.printf("%s counted from the records alone (what verify-report counts): %,d ms%n", quarter.code(),
				(System.nanoTime() - fromLog) / 1_000_000);

		long t = System.nanoTime();
		ChainVerification verification = log.verify();
		System.out.printf("chain verification: intact=%s, %,d records in %,d ms (wall %,d ms)%n", verification.intact(),
				verification.recordsChecked(), verification.millis(), (System.nanoTime() - t) / 1_000_000);
		context.close();

		Path xlsx = dir.resolve("year-2025.xlsx");
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp",
				classpath(), ExportChild.class.getName(), "report", "--period", "2025", "--format", "xlsx", "--out",
				xlsx.toString()));
		command.addAll(Arrays.asList(settings));
		t = System.nanoTime();
		Process child = new ProcessBuilder(command).inheritIO().start();
		int code = child.waitFor();
		System.out.printf("year XLSX export in a child JVM with -Xmx256m: exit %d, %,d ms wall (incl. JVM start), "
				+ "file %,d MB%n", code, (System.nanoTime() - t) / 1_000_000,
				Files.exists(xlsx) ? Files.size(xlsx) >> 20 : -1);
	}

	static String[] settings(Path dir) {
		return new String[] { "--loaxa.data-dir=" + dir, "--loaxa.media-dir=" + dir.resolve("no-media"),
				"--loaxa.schedules-dir=" + dir.resolve("no-schedules"), "--loaxa.admin.password=bench-admin-pw" };
	}

	/** Appends chronologically, day by day, in batches; the chain is computed by the log itself. */
	static void generate(BroadcastLog log, long existing, long wanted) {
		Random random = new Random(42);
		Clip[] clips = clips(random);
		long started = System.nanoTime();
		long skip = existing;
		long written = existing;
		List<Airing> batch = new ArrayList<>(BATCH);
		outer: for (LocalDate day = FIRST_DAY;; day = day.plusDays(1)) {
			for (int[] slot : SLOTS) {
				Instant slotStart = day.atTime(slot[0], slot[1]).atZone(HCM).toInstant();
				for (int zone = 0; zone < ZONES; zone++) {
					long offset = 0;
					for (int n = 0; n < CLIPS_PER_SLOT; n++) {
						if (skip > 0) {
							skip--;
							continue;
						}
						Clip clip = clips[random.nextInt(clips.length)];
						Instant scheduled = slotStart.plusMillis(offset);
						offset += clip.ms + 1000;
						batch.add(airing(random, "zone-" + (zone + 1), clip, scheduled));
						if (++written >= wanted) {
							break outer;
						}
						if (batch.size() == BATCH) {
							log.appendAll(batch);
							batch.clear();
							if (written % 100_000 < BATCH) {
								System.out.printf("  %,d records, %,d/s%n", written,
										(written - existing) * 1_000_000_000L / (System.nanoTime() - started));
							}
						}
					}
				}
			}
		}
		log.appendAll(batch);
		long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
		System.out.printf("generated %,d records in %,d s (%,d/s)%n", written - existing, seconds,
				(written - existing) / seconds);
	}

	record Clip(long id, String sha, String title, ClipKind kind, Topic topic, long ms) {
	}

	static Clip[] clips(Random random) {
		Clip[] clips = new Clip[400];
		for (int i = 0; i < clips.length; i++) {
			ClipKind kind = ClipKind.values()[random.nextInt(ClipKind.values().length)];
			Topic topic = Topic.values()[random.nextInt(Topic.values().length)];
			String sha = String.format("%064x", new java.math.BigInteger(256, random));
			clips[i] = new Clip(i + 1, sha, "Bản tin số " + (i + 1) + ": cải cách hành chính, chuyển đổi số ở xã", kind,
					topic, 20_000 + random.nextInt(280_000));
		}
		return clips;
	}

	static Airing airing(Random random, String zone, Clip clip, Instant scheduled) {
		int roll = random.nextInt(1000);
		Outcome outcome = roll < 970 ? Outcome.PLAYED : roll < 980 ? Outcome.PARTIAL : roll < 985 ? Outcome.INTERRUPTED
				: roll < 995 ? Outcome.MISSED : Outcome.FAILED;
		long lateMs = random.nextInt(100) < 95 ? random.nextInt(5_000) : random.nextInt(600_000);
		Instant start = outcome == Outcome.MISSED || outcome == Outcome.FAILED ? null : scheduled.plusMillis(lateMs);
		long played = switch (outcome) {
			case PLAYED -> clip.ms;
			case PARTIAL, INTERRUPTED -> clip.ms / 2;
			default -> 0;
		};
		String reason = switch (outcome) {
			case PARTIAL -> "Cắt bớt vì hết khung giờ";
			case INTERRUPTED -> "Mất điện";
			case MISSED -> "Máy tính tắt";
			case FAILED -> "Không tìm thấy tệp";
			default -> null;
		};
		return Airing.of(zone, "Khung giờ")
			.clip(clip.id, clip.sha, clip.title, clip.kind, clip.topic)
			.scheduled(scheduled)
			.started(start)
			.ended(start == null ? null : start.plusMillis(played))
			.playedMs(played)
			.dueMs(clip.ms)
			.outcome(outcome)
			.reason(reason)
			.build();
	}

	static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** The classpath exec:java gave this class, for the child JVM. */
	static String classpath() {
		ClassLoader loader = ReportBenchmark.class.getClassLoader();
		List<String> entries = new ArrayList<>();
		while (loader != null) {
			if (loader instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					try {
						entries.add(new File(url.toURI()).getPath());
					}
					catch (java.net.URISyntaxException e) {
						throw new IllegalStateException(e);
					}
				}
			}
			loader = loader.getParent();
		}
		if (entries.isEmpty()) {
			return System.getProperty("java.class.path");
		}
		return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
	}

	static long size(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return 0;
		}
		try (var files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}
}
