package vn.loaxa.playout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * One trial of "sound on the beat" on a real line (PulseAudio null sink {@code loa}, recorded with
 * {@code parec}): a minimal writer (a 100 ms line that writes an 880 Hz tone at the second) and
 * LoaXa's {@link LineSink}, held until the same second, with a 440 Hz tone; both onsets are found in
 * the one recording. For LineSinkTests and PlayoutBenchmark's real-line mode.
 */
public final class LineBeat {

	static final AudioFormat CANONICAL = new AudioFormat(44100, 16, 1, true, false);

	/**
	 * Times in ms: LoaXa's and the writer's onsets in the recording, when LoaXa wrote its first frame
	 * and when it said that frame would be heard, both from the beat.
	 */
	public record Trial(double loaxaOnsetMs, double idealOnsetMs, long writtenMs, long claimedMs) {

		public double lagBehindIdealMs() {
			return loaxaOnsetMs - idealOnsetMs;
		}

		@Override
		public String toString() {
			return String.format("LoaXa's tone %+.0f ms from the minimal writer's in the recording; its first frame "
					+ "written %+d ms from the beat, said to be heard %+d ms from it", lagBehindIdealMs(), writtenMs,
					claimedMs);
		}
	}

	private LineBeat() {
	}

	public static Mixer.Info defaultMixer() {
		javax.sound.sampled.DataLine.Info info = new javax.sound.sampled.DataLine.Info(SourceDataLine.class, CANONICAL);
		for (Mixer.Info m : AudioSystem.getMixerInfo()) {
			if (AudioSystem.getMixer(m).isLineSupported(info) && m.getName().toLowerCase().contains("default")) {
				return m;
			}
		}
		return null;
	}

	public static Trial measure(Mixer.Info mixer, Path dir) throws Exception {
		Path recording = dir.resolve("loa.wav");
		Instant beat;
		Instant claimed;
		long written;
		try (LoaRecording parec = LoaRecording.start(recording)) {
			SourceDataLine idealLine = AudioSystem.getSourceDataLine(CANONICAL);
			idealLine.open(CANONICAL, 4410 * 2);
			idealLine.start();
			LineSink sink = new LineSink(mixer, 200, Clock.systemUTC());
			try (SinkSession session = sink.open("beat", CANONICAL)) {
				if (!parec.awaitFlowing(session)) {
					throw new IllegalStateException("parec recorded nothing of the line 'loa' in 5 s");
				}
				// both lines are open and recorded: the beat is set now, a second ahead
				beat = Instant.now().plusMillis(1000);
				Instant at = beat;
				Thread ideal = new Thread(() -> idealWriter(idealLine, at, tone(880, 600)));
				ideal.start();
				session.holdUntil(beat);
				written = Duration.between(beat, Instant.now()).toMillis();
				claimed = session.instantAt(0);
				byte[] a = tone(440, 600);
				session.write(a, 0, a.length);
				session.drain();
				ideal.join(5000);
			}
			Thread.sleep(400);
		}
		short[] samples = LineSinkTests.read(recording);
		return new Trial(onsetMs(samples, 440), onsetMs(samples, 880), written, Duration.between(beat, claimed).toMillis());
	}

	/** The minimal writer the issue measured against: a 100 ms line, the tone written at the second. */
	private static void idealWriter(SourceDataLine line, Instant at, byte[] pcm) {
		try {
			long wait = Duration.between(Instant.now(), at).toMillis();
			if (wait > 0) {
				Thread.sleep(wait);
			}
			int done = 0;
			while (done < pcm.length) {
				done += line.write(pcm, done, pcm.length - done);
			}
			line.drain();
			line.close();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static byte[] tone(double hz, int ms) {
		int frames = 44100 * ms / 1000;
		java.nio.ByteBuffer pcm = java.nio.ByteBuffer.allocate(frames * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			pcm.putShort((short) (Math.sin(2 * Math.PI * hz * i / 44100) * 12000));
		}
		return pcm.array();
	}

	/** Where a tone of this frequency first sounds (Goertzel power over 5 ms windows, 20 % of its peak), in ms; -1 if never. */
	static double onsetMs(short[] samples, double hz) {
		int window = 220;
		double coefficient = 2 * Math.cos(2 * Math.PI * hz / 44100);
		double[] power = new double[samples.length / window];
		double max = 0;
		for (int w = 0; w < power.length; w++) {
			double s1 = 0;
			double s2 = 0;
			for (int i = w * window; i < (w + 1) * window; i++) {
				double s0 = samples[i] + coefficient * s1 - s2;
				s2 = s1;
				s1 = s0;
			}
			power[w] = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
			max = Math.max(max, power[w]);
		}
		for (int w = 0; w < power.length; w++) {
			if (power[w] > max * 0.2) {
				return w * window * 1000.0 / 44100;
			}
		}
		return -1;
	}
}
