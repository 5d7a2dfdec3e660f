package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * A sound-card line: one {@link SourceDataLine} per programme on the channel's mixer, the
 * programme's PCM written to it back to back. Frame times count from the first write.
 */
class LineSink implements AudioSink {

	private final Mixer.Info mixer;
	private final int bufferMs;
	private final Clock clock;

	LineSink(Mixer.Info mixer, int bufferMs, Clock clock) {
		this.mixer = mixer;
		this.bufferMs = bufferMs;
		this.clock = clock;
	}

	@Override
	public String describe() {
		return "line " + (mixer == null ? "default" : mixer.getName());
	}

	@Override
	public SinkSession open(String label, AudioFormat format) throws IOException {
		try {
			SourceDataLine line = mixer == null ? AudioSystem.getSourceDataLine(format)
					: AudioSystem.getSourceDataLine(format, mixer);
			int bytes = (int) (format.getFrameRate() * bufferMs / 1000) * format.getFrameSize();
			line.open(format, Math.max(bytes, format.getFrameSize() * 1024));
			line.start();
			return new Session(line, format);
		}
		catch (LineUnavailableException | IllegalArgumentException e) {
			throw new IOException("audio line unavailable: " + e.getMessage(), e);
		}
	}

	private final class Session implements SinkSession {

		private final SourceDataLine line;
		private final AudioFormat format;
		private long frames;
		private Instant start;

		Session(SourceDataLine line, AudioFormat format) {
			this.line = line;
			this.format = format;
		}

		@Override
		public void write(byte[] pcm, int offset, int length) {
			if (start == null) {
				start = clock.instant();
			}
			int done = 0;
			while (done < length) {
				done += line.write(pcm, offset + done, length - done);
			}
			frames += length / format.getFrameSize();
		}

		@Override
		public long framesWritten() {
			return frames;
		}

		@Override
		public Instant instantAt(long frame) {
			Instant origin = start == null ? clock.instant() : start;
			return origin.plusNanos((long) (frame * 1_000_000_000.0 / format.getFrameRate()));
		}

		@Override
		public void drain() {
			line.drain();
		}

		@Override
		public Path file() {
			return null;
		}

		@Override
		public void close() {
			line.stop();
			line.close();
		}
	}
}
