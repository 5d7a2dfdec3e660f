package vn.loaxa.playout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import vn.loaxa.media.AirCheckEncoding;

/**
 * One air-check of one channel, from {@link AirChecks#start}: everything the channel writes is given
 * to {@link #write} too (copied, never blocking, never throwing), and {@link #finish} ends it once the
 * airing is over, before its records are written, so they carry its file and hash.
 */
final class AirCheck {

	/** How long {@link #finish} waits for ffmpeg to write the last of it (milliseconds of work at 32 kbit/s). */
	static final Duration FINISH_WAIT = Duration.ofSeconds(5);

	private final AirCheckEncoding encoding;
	private final Path dataDir;
	private final Consumer<String> failed;
	private Optional<AirCheckFile> finished;

	AirCheck(AirCheckEncoding encoding, Path dataDir, Consumer<String> failed) {
		this.encoding = encoding;
		this.dataDir = dataDir;
		this.failed = failed;
	}

	/** No air-check (they are off): writes go nowhere, {@link #finish} is empty and {@link #failure} null. */
	static AirCheck off() {
		return new AirCheck(null, null, why -> {
		});
	}

	/** Copies what the channel wrote; returns at once whatever the encoder does. */
	void write(byte[] pcm, int offset, int length) {
		if (encoding != null) {
			encoding.write(pcm, offset, length);
		}
	}

	/**
	 * Ends it: the file, its hash and size; empty when air-checks are off or this one failed (ffmpeg
	 * missing or gone: {@link #failure} says why). Waits at most {@link #FINISH_WAIT}. Once; again, the same.
	 */
	synchronized Optional<AirCheckFile> finish() {
		if (finished != null) {
			return finished;
		}
		if (encoding == null) {
			finished = Optional.empty();
			return finished;
		}
		AirCheckEncoding.Result r = encoding.finish(FINISH_WAIT);
		if (!r.ok()) {
			failed.accept(r.failure());
			finished = Optional.empty();
			return finished;
		}
		String file = dataDir.relativize(r.file()).toString().replace('\\', '/');
		finished = Optional.of(new AirCheckFile(file, r.sha256(), r.bytes(), r.droppedMs()));
		return finished;
	}

	/** Why it failed (null: it has not, or air-checks are off). */
	String failure() {
		return encoding == null ? null : encoding.failure();
	}

	/** ffmpeg's process id, -1 when none runs. */
	long pid() {
		return encoding == null ? -1 : encoding.pid();
	}
}
