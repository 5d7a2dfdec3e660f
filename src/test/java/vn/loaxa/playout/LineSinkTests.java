package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;

import org.junit.jupiter.api.Test;

import vn.loaxa.support.Requires;
import vn.loaxa.support.TestDirs;

/**
 * Playout on a real Java Sound line in real time: PulseAudio's null sink "loa" is the PC's
 * {@code default} mixer (set up by {@code .ci/run}: ALSA's default device is PulseAudio, whose
 * default sink is the null sink {@code loa}), and {@code parec} records what the "loudspeaker" got,
 * so the gap between clips and the programme's length are measured on the wire, not in our own
 * bookkeeping. Without that line the test is skipped with the install line
 * ({@link Requires#audioLine()}; fails with CI=true).
 */
@Requires.Present(Requires.Os.AUDIO_LINE)
class LineSinkTests {

	static final AudioFormat CANONICAL = new AudioFormat(44100, 16, 1, true, false);

	@Test
	void twoClipsAndAPauseReachTheLoudspeakerBackToBack() throws Exception {
		Mixer.Info mixer = Requires.audioLine();
		Path recording = TestDirs.create("line").resolve("loa.wav");
		try (LoaRecording parec = LoaRecording.start(recording)) {
			LineSink sink = new LineSink(mixer, 200, Clock.systemUTC());
			try (SinkSession session = sink.open("test", CANONICAL)) {
				assertThat(parec.awaitFlowing(session)).as("parec records the line").isTrue();
				byte[] a = tone(440, 1000);
				byte[] pause = new byte[(int) (44100 * 0.3) * 2];
				byte[] b = tone(660, 1000);
				session.write(a, 0, a.length);
				session.write(pause, 0, pause.length);
				session.write(b, 0, b.length);
				session.drain();
				assertThat(session.framesWritten()).isEqualTo((a.length + pause.length + b.length) / 2);
			}
			Thread.sleep(500);
		}

		short[] samples = read(recording);
		int threshold = 1000;
		int first = 0;
		while (first < samples.length && Math.abs(samples[first]) < threshold) {
			first++;
		}
		int last = samples.length - 1;
		while (last > first && Math.abs(samples[last]) < threshold) {
			last--;
		}
		assertThat(first).as("the programme was heard").isLessThan(samples.length);
		double spanMs = (last - first) * 1000.0 / 44100;
		assertThat(spanMs).as("1 s + 0.3 s pause + 1 s on the wire").isBetween(2200.0, 2320.0);
		// the longest quiet run inside the programme is the pause: no gap added by the line
		int longest = 0;
		int run = 0;
		for (int i = first; i <= last; i++) {
			// a 440 Hz sine crosses zero every ~50 samples; quiet for 5 ms means silence
			run = Math.abs(samples[i]) < 200 ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		assertThat(longest * 1000.0 / 44100).as("silence between the clips").isCloseTo(300, within(20.0));
		int resumed = first + (int) (spanMs * 44.1) - 44100; // where the second clip should begin, from its end
		int quietBefore = 0;
		for (int i = resumed - 1; i > first && Math.abs(samples[i]) < 200; i--) {
			quietBefore++;
		}
		assertThat(quietBefore * 1000.0 / 44100).as("the second clip is a whole second, right after the pause")
			.isCloseTo(300, within(20.0));
	}

	/**
	 * Sound on the beat: LoaXa's line, held until a second beside a minimal writer (a 100 ms line that
	 * writes an 880 Hz tone at that second), is heard in the same recording, and the time it says its
	 * first frame is heard is the device's (the frames still queued in front of it), not the moment it
	 * was written; and it sounds with the minimal writer, not a connecting stream's half second late.
	 * How close is a figure, measured by PlayoutBenchmark's real-line mode ({@code -Dline=true}:
	 * within ±25 ms over 20 trials, loaded or not); the bound here only tells on the beat from late.
	 */
	@Test
	void aHeldLineIsHeardAndSaysWhenTheDeviceWillPlayItsFirstFrame() throws Exception {
		LineBeat.Trial trial = LineBeat.measure(Requires.audioLine(), TestDirs.create("line-beat"));
		System.out.println("on the beat: " + trial);
		assertThat(trial.loaxaOnsetMs()).as("LoaXa's tone was heard").isNotNegative();
		assertThat(trial.idealOnsetMs()).as("the minimal writer's tone was heard").isNotNegative();
		assertThat(trial.claimedMs() - trial.writtenMs()).as("heard after it was written, by the line's latency")
			.isGreaterThanOrEqualTo(50);
		assertThat(trial.lagBehindIdealMs()).as("heard with the minimal writer, not after PulseAudio's connecting write")
			.isBetween(-100.0, 150.0);
	}

	private static byte[] tone(double hz, int ms) {
		int frames = 44100 * ms / 1000;
		ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			pcm.putShort((short) (Math.sin(2 * Math.PI * hz * i / 44100) * 12000));
		}
		return pcm.array();
	}

	static short[] read(Path wav) throws IOException {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(AudioSystem.getAudioInputStream(wav.toFile()).getFormat()
				.getSampleRate() == 44100 ? wav.toFile() : wav.toFile())) {
			byte[] bytes = in.readAllBytes();
			ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
			short[] samples = new short[bytes.length / 2];
			buffer.asShortBuffer().get(samples);
			return samples;
		}
		catch (javax.sound.sampled.UnsupportedAudioFileException e) {
			// parec stopped by a signal may leave the header's sizes unset: read the PCM after it
			byte[] bytes = Files.readAllBytes(wav);
			ByteBuffer buffer = ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN);
			short[] samples = new short[(bytes.length - 44) / 2];
			buffer.asShortBuffer().get(samples);
			return samples;
		}
	}
}
