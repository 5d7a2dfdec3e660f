package vn.loaxa.playout;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.TargetDataLine;

/** Where a relay's PCM comes from once it answered: a stream decoded by ffmpeg, or the sound card's input. */
interface RelaySource extends AutoCloseable {

	/** The address or input, as the record names it. */
	String where();

	/** Reads up to {@code length} bytes of PCM, blocking; -1 when the source has ended. */
	int read(byte[] buffer, int length) throws IOException;

	/** Why it ended, in words (the decoder's exit), once {@link #read} gave -1. */
	String ended();

	/** Stops the source; a blocked {@link #read} returns. */
	@Override
	void close();

	/** ffmpeg decoding an address. */
	record Stream(String where, Process process) implements RelaySource {

		@Override
		public int read(byte[] buffer, int length) throws IOException {
			InputStream in = process.getInputStream();
			int n = in.readNBytes(buffer, 0, length);
			return n == 0 ? -1 : n;
		}

		@Override
		public String ended() {
			try {
				if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
					return "the decoder ended (ffmpeg exit " + process.exitValue() + ")";
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "the stream ended";
		}

		@Override
		public void close() {
			process.destroyForcibly();
		}
	}

	/** A receiver plugged into the sound card's input. */
	record Line(String where, TargetDataLine line) implements RelaySource {

		@Override
		public int read(byte[] buffer, int length) {
			int n = line.read(buffer, 0, length);
			return n <= 0 ? -1 : n;
		}

		@Override
		public String ended() {
			return "the input was closed";
		}

		@Override
		public void close() {
			line.close();
		}
	}
}
