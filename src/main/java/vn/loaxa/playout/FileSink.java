package vn.loaxa.playout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.LockSupport;

import javax.sound.sampled.AudioFormat;

/**
 * Writes exactly the PCM that would reach the line into one WAV per programme. In real time
 * (default) it takes as long as the loudspeaker would, a short buffer ahead of the clock, as a
 * sound-card line does; otherwise it writes as fast as the disk allows.
 */
class FileSink implements AudioSink {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
	private static final long LEAD_NANOS = 100_000_000L;

	private final Path dir;
	private final boolean realtime;
	private final Clock clock;
	private final String channelId;

	FileSink(Path dir, boolean realtime, Clock clock, String channelId) {
		this.dir = dir;
		this.realtime = realtime;
		this.clock = clock;
		this.channelId = channelId;
	}

	@Override
	public String describe() {
		return "file " + dir.toAbsolutePath() + (realtime ? " (real time)" : "");
	}

	@Override
	public SinkSession open(String label, AudioFormat format) throws IOException {
		Files.createDirectories(dir);
		String safe = label.replaceAll("[^\\p{L}\\p{N}_-]+", "-");
		Path file = dir.resolve(NAME.format(clock.instant().atZone(clock.getZone())) + "-" + channelId + "-" + safe
				+ ".wav");
		return new Session(file, format);
	}

	private final class Session implements SinkSession {

		private final Path file;
		private final AudioFormat format;
		private final OutputStream out;
		private final int frameSize;
		private long frames;
		private long startNanos;
		private Instant start;

		Session(Path file, AudioFormat format) throws IOException {
			this.file = file;
			this.format = format;
			this.frameSize = format.getFrameSize();
			this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
			out.write(header(format, 0));
		}

		@Override
		public void holdUntil(Instant at) {
			if (at == null) {
				return;
			}
			long nanos = java.time.Duration.between(clock.instant(), at).toNanos();
			while (nanos > 0) {
				LockSupport.parkNanos(Math.min(nanos, 50_000_000L));
				nanos = java.time.Duration.between(clock.instant(), at).toNanos();
			}
		}

		@Override
		public void write(byte[] pcm, int offset, int length) throws IOException {
			if (start == null) {
				startNanos = System.nanoTime();
				start = clock.instant();
			}
			out.write(pcm, offset, length);
			frames += length / frameSize;
			if (realtime) {
				long due = startNanos + nanos(frames) - LEAD_NANOS;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
		}

		@Override
		public long framesWritten() {
			return frames;
		}

		@Override
		public Instant instantAt(long frame) {
			Instant origin = start == null ? clock.instant() : start;
			return origin.plusNanos(nanos(frame));
		}

		@Override
		public void drain() {
			if (realtime && start != null) {
				long wait = startNanos + nanos(frames) - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
			}
		}

		@Override
		public Path file() {
			return file;
		}

		@Override
		public void close() throws IOException {
			out.close();
			try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
				raf.seek(0);
				raf.write(header(format, frames * frameSize));
			}
		}

		private long nanos(long frame) {
			return (long) (frame * 1_000_000_000.0 / format.getFrameRate());
		}
	}

	static byte[] header(AudioFormat format, long dataBytes) {
		ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		int channels = format.getChannels();
		int rate = (int) format.getSampleRate();
		int bits = format.getSampleSizeInBits();
		b.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes)).put("WAVE".getBytes());
		b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
			.putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
		b.put("data".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
		return b.array();
	}
}
