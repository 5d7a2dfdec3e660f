package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A sink session whose every write also goes to an air-check ({@link AirChecks#tap}): the frames the
 * sink took, after it took them, so the air-check holds what the channel wrote, no more.
 */
final class AirCheckTap implements SinkSession {

	private final SinkSession sink;
	private final AirCheck airCheck;

	AirCheckTap(SinkSession sink, AirCheck airCheck) {
		this.sink = sink;
		this.airCheck = airCheck;
	}

	@Override
	public void holdUntil(Instant at) {
		sink.holdUntil(at);
	}

	@Override
	public void write(byte[] pcm, int offset, int length) throws IOException {
		sink.write(pcm, offset, length);
		airCheck.write(pcm, offset, length);
	}

	@Override
	public long framesWritten() {
		return sink.framesWritten();
	}

	@Override
	public Instant instantAt(long frame) {
		return sink.instantAt(frame);
	}

	@Override
	public void drain() {
		sink.drain();
	}

	@Override
	public Path file() {
		return sink.file();
	}

	/** Closes the sink and ends the air-check if {@link #finishAirCheck} has not (so no ffmpeg is left waiting). */
	@Override
	public void close() throws IOException {
		try {
			sink.close();
		}
		finally {
			airCheck.finish();
		}
	}

	AirCheck airCheck() {
		return airCheck;
	}

	/** Ends the air-check: see {@link AirCheck#finish}. */
	Optional<AirCheckFile> finishAirCheck() {
		return airCheck.finish();
	}
}
