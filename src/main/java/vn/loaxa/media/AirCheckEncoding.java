package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One air-check being encoded: {@link #write} copies the PCM into a queue and returns at once (a
 * writer thread feeds ffmpeg), so a slow or dead ffmpeg never holds playout back. Beyond
 * {@value #MOST_QUEUED_BYTES} bytes waiting, what is written is dropped and counted. ffmpeg writes
 * {@code <file>.part}; {@link #finish} closes its input, waits for it, and moves the part to the file.
 * Once ffmpeg fails (gone, exited, refused its input) everything else is dropped and the air-check is
 * failed: the part is deleted and {@link Result#failure} says why.
 */
public final class AirCheckEncoding {

	/** What came of it: the file, its SHA-256 and size; or {@code failure}. {@code droppedMs}: sound not encoded. */
	public record Result(Path file, String sha256, long bytes, long droppedMs, String failure) {
		public boolean ok() {
			return failure == null;
		}
	}

	private static final Logger log = LoggerFactory.getLogger(AirCheckEncoding.class);
	/** About a minute and a half of 44.1 kHz mono: ffmpeg encodes 32 kbit/s MP3 far faster than real time. */
	static final long MOST_QUEUED_BYTES = 8L << 20;
	private static final byte[] END = new byte[0];

	private final Process ffmpeg;
	private final Path part;
	private final Path file;
	private final int bytesPerSecond;
	private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
	private final AtomicLong queued = new AtomicLong();
	private final AtomicLong dropped = new AtomicLong();
	private final StringBuilder errors = new StringBuilder();
	private final Thread writer;
	private volatile String failure;
	private volatile boolean finishing;
	private Result result;

	AirCheckEncoding(Process ffmpeg, Path part, Path file, int bytesPerSecond) {
		this.ffmpeg = ffmpeg;
		this.part = part;
		this.file = file;
		this.bytesPerSecond = bytesPerSecond;
		this.writer = new Thread(this::feed, "aircheck-" + file.getFileName());
		writer.setDaemon(true);
		writer.start();
		Thread stderr = new Thread(this::readErrors, "aircheck-stderr");
		stderr.setDaemon(true);
		stderr.start();
	}

	private AirCheckEncoding(Path file, String failure) {
		this.ffmpeg = null;
		this.part = null;
		this.file = file;
		this.bytesPerSecond = 1;
		this.writer = null;
		this.failure = failure;
		this.result = new Result(null, null, 0, 0, failure);
	}

	/** An air-check that could not start: it takes writes and drops them. */
	static AirCheckEncoding failed(Path file, String why) {
		log.error("AIR-CHECK NOT KEPT: {}: {}", file, why);
		return new AirCheckEncoding(file, why);
	}

	/** ffmpeg's process id, or -1 when it never started. */
	public long pid() {
		return ffmpeg == null ? -1 : ffmpeg.pid();
	}

	/** Why it failed so far, or null. */
	public String failure() {
		return failure;
	}

	/** Copies the PCM for the encoder; never blocks, never throws. */
	public void write(byte[] pcm, int offset, int length) {
		if (length <= 0) {
			return;
		}
		if (failure != null || finishing || queued.get() + length > MOST_QUEUED_BYTES) {
			if (dropped.getAndAdd(length) == 0 && failure == null && !finishing) {
				log.warn("air-check {}: the encoder is behind, sound is being dropped from it", file.getFileName());
			}
			return;
		}
		byte[] copy = new byte[length];
		System.arraycopy(pcm, offset, copy, 0, length);
		queued.addAndGet(length);
		queue.add(copy);
	}

	private void feed() {
		OutputStream in = ffmpeg.getOutputStream();
		try {
			for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
				queued.addAndGet(-chunk.length);
				if (failure == null) {
					try {
						in.write(chunk);
					}
					catch (IOException e) {
						fail("ffmpeg stopped taking the sound (" + e.getMessage() + ")");
					}
				}
				else {
					dropped.addAndGet(chunk.length);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			try {
				in.close();
			}
			catch (IOException e) {
				fail("ffmpeg's input could not be closed (" + e.getMessage() + ")");
			}
		}
	}

	private void readErrors() {
		try (InputStream err = ffmpeg.getErrorStream()) {
			byte[] buffer = new byte[1024];
			for (int n; (n = err.read(buffer)) > 0;) {
				synchronized (errors) {
					errors.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					if (errors.length() > 600) {
						errors.delete(0, errors.length() - 600);
					}
				}
			}
		}
		catch (IOException e) {
			// ffmpeg is gone: its exit code says the rest
		}
	}

	private void fail(String why) {
		if (failure == null) {
			failure = why;
			log.error("AIR-CHECK NOT KEPT: {}: {}", file, why);
		}
	}

	/**
	 * Ends the air-check: what was written is encoded, ffmpeg given at most {@code wait} to finish.
	 * The finished file, or the failure (its part then deleted). Called once; again, the same result.
	 */
	public synchronized Result finish(Duration wait) {
		if (result != null) {
			return result;
		}
		finishing = true;
		queue.add(END);
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			writer.join(Math.max(1, wait.toMillis()));
			boolean exited = ffmpeg.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (!exited) {
				fail("ffmpeg did not finish within " + wait.toSeconds() + " s");
			}
			else if (ffmpeg.exitValue() != 0) {
				fail("ffmpeg exited with code " + ffmpeg.exitValue() + lastErrors());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail("interrupted while ffmpeg finished");
		}
		if (ffmpeg.isAlive()) {
			ffmpeg.destroyForcibly();
		}
		result = failure == null ? kept() : discarded();
		return result;
	}

	private Result kept() {
		long droppedMs = dropped.get() * 1000 / bytesPerSecond;
		try {
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
			return new Result(file, FileSha256.of(file), Files.size(file), droppedMs, null);
		}
		catch (IOException e) {
			fail("the air-check could not be kept (" + e + ")");
			return discarded();
		}
	}

	private Result discarded() {
		try {
			Files.deleteIfExists(part);
		}
		catch (IOException e) {
			log.warn("air-check {}: its part could not be deleted: {}", part, e.toString());
		}
		return new Result(null, null, 0, dropped.get() * 1000 / bytesPerSecond, failure);
	}

	private String lastErrors() {
		synchronized (errors) {
			String text = errors.toString().strip();
			return text.isEmpty() ? "" : ": " + text.replaceAll("\\s+", " ");
		}
	}
}
