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
 * programme's PCM written to it back to back. Until a slot's start the line is fed silence, and the
 * programme's first frame is written when the frames still queued (the line's buffer and the
 * device behind it) will have played at the start, so it is heard on the beat; when a frame is heard
 * is read from the device's own frame position, so the log's times are the loudspeakers'.
 */
class LineSink implements AudioSink {

	static final long WARM_LIMIT_MS = 2000;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineSink.class);

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
		return open(format, bufferMs);
	}

	@Override
	public SinkSession openLive(String label, AudioFormat format, int liveBufferMs) throws IOException {
		return open(format, liveBufferMs);
	}

	private SinkSession open(AudioFormat format, int bufferMs) throws IOException {
		try {
			SourceDataLine line = mixer == null ? AudioSystem.getSourceDataLine(format)
					: AudioSystem.getSourceDataLine(format, mixer);
			int bytes = (int) (format.getFrameRate() * bufferMs / 1000) * format.getFrameSize();
			line.open(format, Math.max(bytes, format.getFrameSize() * 1024));
			line.start();
			Session session = new Session(line, format);
			session.warm();
			return session;
		}
		catch (LineUnavailableException | IllegalArgumentException e) {
			throw new IOException("audio line unavailable: " + e.getMessage(), e);
		}
	}

	private final class Session implements SinkSession {

		private final SourceDataLine line;
		private final AudioFormat format;
		private final int quietFrames;
		private final byte[] quiet;
		/** Frames of silence written before the programme's first. */
		private long held;
		private long frames;
		/** When the programme's first frame was heard, as the device told it: the times after close count from it. */
		private Instant firstHeard;

		Session(SourceDataLine line, AudioFormat format) {
			this.line = line;
			this.format = format;
			this.quietFrames = (int) (format.getFrameRate() / 200); // 5 ms
			this.quiet = new byte[quietFrames * format.getFrameSize()];
		}

		@Override
		public void holdUntil(Instant at) {
			if (at == null || frames > 0) {
				return;
			}
			long half = nanos(quietFrames) / 2;
			while (java.time.Duration.between(clock.instant(), at).toNanos() - nanos(queued()) > half) {
				writeQuiet();
			}
		}

		/**
		 * Feeds silence until the device is seen playing (PulseAudio connects a new stream in 0.5–0.9 s,
		 * during which writes block), so the hold before a slot starts from a running line; at most
		 * {@link #WARM_LIMIT_MS}. Playing means two positions in a row that can be true (above zero,
		 * not past what was written) and the second past the first: until the stream is connected,
		 * ALSA's PulseAudio plugin reports the whole buffer as played (8,820 frames after 220 written),
		 * and a hold that trusted it ran into the connecting write and aired up to 0.4 s late.
		 */
		void warm() {
			long started = System.nanoTime();
			long deadline = started + WARM_LIMIT_MS * 1_000_000L;
			long previous = -1;
			while (System.nanoTime() < deadline) {
				writeQuiet();
				long position = line.getLongFramePosition();
				boolean plausible = position > 0 && position <= held;
				if (plausible && previous > 0 && position > previous) {
					log.debug("line playing {} ms after it opened", (System.nanoTime() - started) / 1_000_000);
					return;
				}
				previous = plausible ? position : -1;
			}
			log.warn("line not seen playing {} ms after it opened: the first record's times may be early", WARM_LIMIT_MS);
		}

		/** 5 ms of silence ahead of the programme. */
		private void writeQuiet() {
			int done = 0;
			while (done < quiet.length) {
				done += line.write(quiet, done, quiet.length - done);
			}
			held += quietFrames;
		}

		/** Frames written that the device has not played yet. */
		private long queued() {
			return Math.max(0, held + frames - line.getLongFramePosition());
		}

		@Override
		public void write(byte[] pcm, int offset, int length) {
			if (firstHeard == null) {
				firstHeard = instantAt(0);
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
			if (!line.isOpen()) {
				return (firstHeard == null ? clock.instant() : firstHeard).plusNanos(nanos(frame));
			}
			return clock.instant().plusNanos(nanos(held + frame - line.getLongFramePosition()));
		}

		private long nanos(long frameCount) {
			return (long) (frameCount * 1_000_000_000.0 / format.getFrameRate());
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
