package vn.loaxa.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ImportOutcome;
import vn.loaxa.support.TestAudio;

/**
 * Import throughput, not a test: figures are printed, never asserted.
 * <p>
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=ImportBenchmark}
 * [{@code -Dclips=50 -Dseconds=60 -Dthreads=1 -Dbitrate=128k -Dkeep=false}]
 * <p>
 * Makes {@code clips} MP3s of {@code seconds} each with the bundled ffmpeg (libmp3lame, 44.1 kHz
 * stereo; a different tone, pink noise and noise seed per file, so no two share a hash), starts
 * LoaXa on a fresh data dir under {@code target/benchmark}, imports them all through
 * {@link ClipLibrary#importFile} (probe, R128 measurement, canonical WAV, tags, store, row — the
 * whole pipeline an upload goes through), and prints clips/s, audio seconds per second and the
 * peak heap. The benchmark runs inside Maven's JVM (exec:java), so the heap figures include
 * Maven's own baseline, printed apart.
 */
public final class ImportBenchmark {

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int clips = Integer.getInteger("clips", 50);
		int seconds = Integer.getInteger("seconds", 60);
		int threads = Integer.getInteger("threads", 1);
		String bitrate = System.getProperty("bitrate", "128k");
		boolean keep = Boolean.getBoolean("keep");

		Path root = Path.of("target", "benchmark", "import-" + System.currentTimeMillis()).toAbsolutePath();
		Path source = Files.createDirectories(root.resolve("source"));
		Path empty = Files.createDirectories(root.resolve("media"));
		System.out.printf(Locale.ROOT, "ImportBenchmark: %d MP3s of %d s (%s, 44.1 kHz stereo), %d import thread(s)%n",
				clips, seconds, bitrate, threads);
		System.out.printf(Locale.ROOT, "  machine: %d cores, java %s, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);

		long generating = System.nanoTime();
		List<Path> files = generate(source, clips, seconds, bitrate);
		long generated = System.nanoTime() - generating;
		long sourceBytes = 0;
		for (Path file : files) {
			sourceBytes += Files.size(file);
		}
		System.out.printf(Locale.ROOT, "  generated %d files, %.1f MB, in %.1f s%n", files.size(), sourceBytes / 1e6,
				generated / 1e9);

		// as command-line arguments: they outrank application.yml (default properties would not)
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class).run(
				"--loaxa.data-dir=" + root.resolve("data"), "--loaxa.media-dir=" + empty,
				"--loaxa.media.import-on-start=false", "--loaxa.admin.password=benchmark", "--server.port=0",
				"--logging.level.root=WARN", "--logging.level.vn.loaxa=WARN", "--spring.main.banner-mode=off");
		try {
			ClipLibrary library = context.getBean(ClipLibrary.class);
			warmUp(library, root);

			System.gc();
			long baseline = heapUsed();
			List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.toList();
			heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
			HeapSampler sampler = new HeapSampler();
			sampler.start();

			long start = System.nanoTime();
			List<Long> durations = importAll(library, files, threads);
			long elapsed = System.nanoTime() - start;

			sampler.interrupt();
			sampler.join();
			long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

			double wall = elapsed / 1e9;
			double audio = durations.stream().mapToLong(Long::longValue).sum() / 1000.0;
			Collections.sort(durations);
			System.out.printf(Locale.ROOT, "  imported %d clips, %.1f s of audio (each %.3f–%.3f s), in %.1f s%n",
					durations.size(), audio, durations.get(0) / 1000.0, durations.get(durations.size() - 1) / 1000.0,
					wall);
			System.out.printf(Locale.ROOT, "  throughput: %.2f clips/s, %.1f audio-seconds/s (%.0f× real time), "
					+ "%.0f ms per clip%n", durations.size() / wall, audio / wall, audio / wall, elapsed / 1e6 / durations.size());
			System.out.printf(Locale.ROOT, "  heap: baseline %d MB before the imports; peak %d MB sampled, "
					+ "%d MB by the pools' peaks (ffmpeg runs as child processes, outside the heap)%n",
					baseline >> 20, sampler.peak.get() >> 20, poolPeaks >> 20);
		}
		finally {
			context.close();
			if (!keep) {
				TestAudio.deleteTree(root);
			}
			else {
				System.out.println("  kept " + root);
			}
		}
	}

	private static List<Path> generate(Path dir, int clips, int seconds, String bitrate) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			List<Future<Path>> jobs = new ArrayList<>();
			for (int i = 0; i < clips; i++) {
				int n = i;
				jobs.add(pool.submit(() -> {
					Path file = dir.resolve(String.format(Locale.ROOT, "ban-tin-%02d.mp3", n + 1));
					double left = 180 + 23.7 * n;
					double right = left * 1.5;
					String graph = String.format(Locale.ROOT,
							"sine=f=%.1f:d=%d,volume=%.2f[l];sine=f=%.1f:d=%d,volume=0.3[r];"
									+ "anoisesrc=d=%d:c=pink:a=0.08:seed=%d[n];[l][r]amerge=inputs=2[lr];"
									+ "[lr][n]amix=inputs=2:duration=first:normalize=0[out]",
							left, seconds, 0.2 + 0.01 * (n % 30), right, seconds, seconds, 1000 + n);
					TestAudio.run(List.of("-filter_complex", graph, "-map", "[out]", "-ac", "2", "-ar", "44100",
							"-c:a", "libmp3lame", "-b:a", bitrate, "-metadata",
							"title=Bản tin thử nghiệm số " + (n + 1), "-y", file.toString()));
					return file;
				}));
			}
			List<Path> files = new ArrayList<>();
			for (Future<Path> job : jobs) {
				files.add(job.get());
			}
			return files;
		}
		finally {
			pool.shutdown();
		}
	}

	/** One short import first, so JIT, the ffmpeg unpacking and the connection pool are not timed. */
	private static void warmUp(ClipLibrary library, Path root) throws IOException {
		Path file = root.resolve("warm-up.mp3");
		Files.write(file, TestAudio.uniqueMp3(2, "Khởi động"));
		library.importFile(file, ClipDraft.EMPTY, "benchmark");
	}

	private static List<Long> importAll(ClipLibrary library, List<Path> files, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Long>> jobs = new ArrayList<>();
			for (Path file : files) {
				jobs.add(pool.submit(() -> {
					ImportOutcome outcome = library.importFile(file, ClipDraft.EMPTY, "benchmark");
					if (outcome.duplicate()) {
						throw new IllegalStateException("duplicate: " + file);
					}
					return outcome.clip().getDurationMs();
				}));
			}
			List<Long> durations = new ArrayList<>();
			for (Future<Long> job : jobs) {
				durations.add(job.get());
			}
			return durations;
		}
		finally {
			pool.shutdown();
		}
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static final class HeapSampler extends Thread {

		final AtomicLong peak = new AtomicLong();

		HeapSampler() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				peak.accumulateAndGet(heapUsed(), Math::max);
				try {
					Thread.sleep(Duration.ofMillis(20).toMillis());
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}
	}
}
