package vn.loaxa.playout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Tones written with javax.sound, and measurements of the WAVs the file sink writes. */
public final class TestAudio {

	static final float RATE = 44100f;
	static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

	private TestAudio() {
	}

	/** A sine tone with no run of zero samples: so any silence found later was put there by playout. */
	public static Path tone(Path file, double hz, long ms) throws IOException {
		int frames = (int) (RATE * ms / 1000);
		ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			double s = 0.4 * Math.sin(2 * Math.PI * hz * i / RATE + 0.3);
			short v = (short) Math.round(s * 32767);
			if (v == 0) {
				v = 1;
			}
			pcm.putShort(v);
		}
		Files.createDirectories(file.getParent());
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), FORMAT, frames)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

	public static long frames(Path wav) throws IOException {
		try {
			return AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength();
		}
		catch (UnsupportedAudioFileException e) {
			throw new IOException(e);
		}
	}

	public static short[] samples(Path wav) throws IOException {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
			byte[] bytes = in.readAllBytes();
			short[] s = new short[bytes.length / 2];
			ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
			return s;
		}
		catch (UnsupportedAudioFileException e) {
			throw new IOException(e);
		}
	}

	/** Lengths in frames of every run of zero samples at least {@code minFrames} long. */
	public static List<Integer> silences(short[] samples, int minFrames) {
		List<Integer> runs = new ArrayList<>();
		int run = 0;
		for (short s : samples) {
			if (s == 0) {
				run++;
			}
			else {
				if (run >= minFrames) {
					runs.add(run);
				}
				run = 0;
			}
		}
		if (run >= minFrames) {
			runs.add(run);
		}
		return runs;
	}

	public static double ms(long frames) {
		return frames * 1000.0 / RATE;
	}
}
