package vn.loaxa.benchmark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import vn.loaxa.media.AirCheckEncoders;
import vn.loaxa.media.AirCheckEncoding;

/**
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=AirCheckBenchmark [-Dseconds=60] [-Dbitrate=32k]}:
 * the product's air-check encoder (the bundled ffmpeg, libmp3lame) fed {@code seconds} of a 44.1 kHz mono
 * tone with a little noise in 10 ms chunks <em>at real time</em>, as a channel writes. Printed: the file's
 * bytes and bytes per hour, ffmpeg's CPU (user + system from {@code /proc/<pid>/stat}) as a share of one core
 * over the feed, how long {@code write} calls took (the first apart: it loads classes) and the sound dropped. Figures printed, never asserted.
 */
public final class AirCheckBenchmark {

	private static final int RATE = 44100;

	private AirCheckBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.getInteger("seconds", 60);
		String bitrate = System.getProperty("bitrate", "32k");
		Path dir = Files.createTempDirectory("loaxa-aircheck-bench");
		Path file = dir.resolve("aircheck/2026/03/03/060000-main-tiep-song-vov1.mp3");
		AirCheckEncoding encoding = AirCheckEncoders.of(RATE, null).start(file, RATE, 1, bitrate);
		byte[] chunk = new byte[RATE / 100 * 2];
		java.util.Random noise = new java.util.Random(7);
		long started = System.nanoTime();
		long[] writeNs = new long[seconds * 100];
		for (int n = 0; n < seconds * 100; n++) {
			ByteBuffer pcm = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < RATE / 100; i++) {
				double t = (n * (RATE / 100) + i) / (double) RATE;
				pcm.putShort((short) (9000 * Math.sin(2 * Math.PI * 440 * t) + noise.nextGaussian() * 800));
			}
			long due = started + n * 10_000_000L;
			LockSupport.parkNanos(due - System.nanoTime()); // the pace of a loudspeaker, not synchronisation
			long t0 = System.nanoTime();
			encoding.write(chunk, 0, chunk.length);
			writeNs[n] = System.nanoTime() - t0;
		}
		double wall = (System.nanoTime() - started) / 1e9;
		long ticks = cpuTicks(encoding.pid());
		AirCheckEncoding.Result result = encoding.finish(Duration.ofSeconds(30));
		if (!result.ok()) {
			System.out.println("air-check failed: " + result.failure());
			return;
		}
		double cpuSeconds = ticks / 100.0; // USER_HZ is 100 on Linux
		System.out.printf("air-check %s: %d s fed in real time (%.1f s), file %d bytes = %,d bytes per hour (%.1f kbit/s)%n",
				bitrate, seconds, wall, result.bytes(), Math.round(result.bytes() * 3600.0 / seconds),
				result.bytes() * 8.0 / seconds / 1000);
		long first = writeNs[0];
		long[] rest = java.util.Arrays.copyOfRange(writeNs, 1, writeNs.length);
		java.util.Arrays.sort(rest);
		System.out.printf("ffmpeg CPU %.2f s = %.2f %% of one core; write(): first %.3f ms, then median %.3f ms, p99 %.3f ms, "
				+ "slowest %.3f ms; dropped %d ms%n", cpuSeconds, 100 * cpuSeconds / wall, first / 1e6,
				rest[rest.length / 2] / 1e6, rest[rest.length * 99 / 100] / 1e6, rest[rest.length - 1] / 1e6,
				result.droppedMs());
	}

	/** utime + stime of a process, in clock ticks ({@code /proc/<pid>/stat}, fields 14 and 15). */
	private static long cpuTicks(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}
}
