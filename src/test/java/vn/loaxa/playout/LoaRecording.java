package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code parec} recording the null sink {@code loa}'s monitor: what the "loudspeaker" got. parec's
 * stream can take over a second to deliver its first frames after a line connects (measured: nothing
 * in the file 1.2 s after LoaXa's line was playing, then a recording that began mid-tone), so a test
 * keeps its line fed with silence until the file grows before it writes what it measures.
 */
final class LoaRecording implements AutoCloseable {

	private static final long WAV_HEADER = 44;

	private final Path file;
	private final Process parec;

	private LoaRecording(Path file, Process parec) {
		this.file = file;
		this.parec = parec;
	}

	static LoaRecording start(Path file) throws IOException {
		Process parec = new ProcessBuilder("parec", "-d", "loa.monitor", "--file-format=wav", "--rate=44100",
				"--channels=1", "--format=s16le", "--latency-msec=20", file.toString()).redirectErrorStream(true)
			.start();
		return new LoaRecording(file, parec);
	}

	/** Holds the session's line quiet until 100 ms of it are in the file (at most 5 s); false if they never are. */
	boolean awaitFlowing(SinkSession session) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && Files.size(file) > WAV_HEADER + 8820) {
				return true;
			}
			session.holdUntil(Instant.now().plusMillis(20));
		}
		return false;
	}

	Path file() {
		return file;
	}

	@Override
	public void close() throws InterruptedException {
		parec.destroy();
		parec.waitFor(5, TimeUnit.SECONDS);
	}
}
