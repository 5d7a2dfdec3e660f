package vn.loaxa.playout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Writes one item's canonical WAV to a sink session in 20 ms chunks, minding the operator's cue,
 * and tells what reached the loudspeaker. A read error ends the item (the programme goes on); a
 * write error is the sink's and is thrown.
 */
final class ItemPlayback {

	/** How an item ended: frames written, when its last one is heard; at most one of skipped, readError, stopped. */
	record Result(long frames, Instant end, String skipped, String readError, Cue.Stop stopped) {
	}

	/** Told twice a second how far the item has played. */
	interface Progress {
		void played(long ms);
	}

	private static final int CHUNK_MS = 20;
	private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

	private final AudioFormat format;
	private final byte[] buffer;

	ItemPlayback(AudioFormat format) {
		this.format = format;
		this.buffer = new byte[(int) (format.getFrameRate() * CHUNK_MS / 1000) * format.getFrameSize()];
	}

	/** Opens the item's audio: an IOException says why it cannot be played at all. */
	AudioInputStream open(Path audio) throws IOException {
		if (audio == null || !Files.isRegularFile(audio)) {
			throw new IOException("clip file missing: " + audio);
		}
		InputStream raw = new BufferedInputStream(Files.newInputStream(audio), 64 * 1024);
		try {
			AudioInputStream in = AudioSystem.getAudioInputStream(raw);
			AudioFormat f = in.getFormat();
			if (f.getSampleRate() != format.getSampleRate() || f.getChannels() != format.getChannels()
					|| f.getSampleSizeInBits() != format.getSampleSizeInBits() || f.isBigEndian() != format.isBigEndian()
					|| f.getEncoding() != format.getEncoding()) {
				in.close();
				throw new IOException("clip file is not canonical PCM (" + f + "): " + audio.getFileName());
			}
			return in;
		}
		catch (UnsupportedAudioFileException e) {
			raw.close();
			throw new IOException("clip file unreadable: " + audio.getFileName(), e);
		}
	}

	Result play(AudioInputStream in, SinkSession session, Cue cue, Progress progress) throws IOException {
		int frameSize = format.getFrameSize();
		long startFrame = session.framesWritten();
		String skipped = null;
		String readError = null;
		long lastProgress = System.nanoTime();
		cue.takeSkip();
		while (cue.stopped() == null && (skipped = cue.takeSkip()) == null) {
			int n;
			try {
				n = in.readNBytes(buffer, 0, buffer.length);
			}
			catch (IOException e) {
				readError = e.getMessage();
				break;
			}
			n -= n % frameSize;
			if (n <= 0) {
				break;
			}
			session.write(buffer, 0, n);
			if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
				lastProgress = System.nanoTime();
				progress.played(ms(session.framesWritten() - startFrame));
			}
		}
		long frames = session.framesWritten() - startFrame;
		return new Result(frames, session.instantAt(startFrame + frames), skipped, readError, cue.stopped());
	}

	/** The configured pause between items, as silence, unless the programme is stopped meanwhile. */
	void silence(SinkSession session, long ms, Cue cue) throws IOException {
		long frames = Math.round(format.getFrameRate() * ms / 1000.0);
		int frameSize = format.getFrameSize();
		byte[] zeros = new byte[buffer.length];
		while (frames > 0 && cue.stopped() == null) {
			int n = (int) Math.min(frames, zeros.length / frameSize);
			session.write(zeros, 0, n * frameSize);
			frames -= n;
		}
	}

	long ms(long frames) {
		return Math.round(frames * 1000.0 / format.getFrameRate());
	}
}
