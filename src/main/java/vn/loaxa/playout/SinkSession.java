package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** One programme going out on one channel: PCM written in order, and when each frame is heard. */
interface SinkSession extends AutoCloseable {

	/** Writes whole frames; blocks as a sound-card line does when its buffer is full. */
	void write(byte[] pcm, int offset, int length) throws IOException;

	long framesWritten();

	/** When the frame at this position reaches (or reached) the loudspeaker. */
	Instant instantAt(long frame);

	/** Waits until everything written has been heard. */
	void drain();

	/** The WAV written by the file sink; null on a line. */
	Path file();

	@Override
	void close() throws IOException;
}
