package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** One programme going out on one channel: PCM written in order, and when each frame is heard. */
interface SinkSession extends AutoCloseable {

	/**
	 * Keeps the output quiet until {@code at}, so that the next frame written is heard then: a
	 * line is fed silence while it runs (its own latency is taken into account), a file waits.
	 */
	void holdUntil(Instant at);

	/** Writes whole frames; blocks as a sound-card line does when its buffer is full. */
	void write(byte[] pcm, int offset, int length) throws IOException;

	long framesWritten();

	/** When the frame at this position reaches (or reached) the loudspeaker: for a line, from the device's own position. */
	Instant instantAt(long frame);

	/** Waits until everything written has been heard. */
	void drain();

	/** The WAV written by the file sink; null on a line. */
	Path file();

	@Override
	void close() throws IOException;

	/** Closes a session that may not have opened (null); a failure to close is logged, never thrown. */
	static void closeQuietly(SinkSession session) {
		if (session == null) {
			return;
		}
		try {
			session.close();
		}
		catch (IOException | RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(SinkSession.class).warn("sink session could not be closed: {}", e.toString());
		}
	}
}
