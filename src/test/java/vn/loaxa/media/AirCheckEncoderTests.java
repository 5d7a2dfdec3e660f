package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.loaxa.support.Await;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * The air-check encoder with the bundled ffmpeg on real files: a generated tone in, a mono MP3 of about
 * 32 kbit/s out that decodes to the tone's length, whose SHA-256 (computed here, apart) is the one given;
 * ffmpeg killed on the way or missing: writes go on without a throw or a wait, the air-check is failed and
 * nothing is left on the disk.
 */
class AirCheckEncoderTests {

	static final Path ROOT = TestDirs.create("aircheck-encoder");
	private static final int RATE = 44100;

	private static AirCheckEncoder encoder(Path ffmpeg) {
		return new AirCheckEncoder(new FfmpegTools(new MediaProperties(DataSize.ofMegabytes(200), -16, -1, RATE, false,
				ffmpeg, null)));
	}

	/** N seconds of a sine tone as the channel's PCM (mono, 16-bit, little-endian). */
	private static byte[] tonePcm(double seconds) throws Exception {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(TestAudio.uniqueWav(seconds, RATE)))) {
			return in.readAllBytes();
		}
	}

	/** Written as a channel does: 10 ms at a time. */
	private static void feed(AirCheckEncoding encoding, byte[] pcm) {
		int chunk = RATE / 100 * 2;
		for (int at = 0; at < pcm.length; at += chunk) {
			encoding.write(pcm, at, Math.min(chunk, pcm.length - at));
		}
	}

	@Test
	void aToneBecomesAMonoMp3OfItsLengthAtAbout32KbitPerSecond() throws Exception {
		double seconds = 20;
		byte[] pcm = tonePcm(seconds);
		Path file = ROOT.resolve("aircheck/2026/03/03/060000-main-tiep-song-vov1.mp3");
		AirCheckEncoding encoding = encoder(null).start(file, RATE, 1, "32k");
		feed(encoding, pcm);
		AirCheckEncoding.Result result = encoding.finish(Duration.ofSeconds(30));

		assertThat(result.ok()).as(result.failure()).isTrue();
		assertThat(result.file()).isEqualTo(file).exists();
		assertThat(file.resolveSibling(file.getFileName() + ".part")).doesNotExist();
		assertThat(result.droppedMs()).isZero();
		String independent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(result.sha256()).isEqualTo(independent);
		assertThat(result.bytes()).isEqualTo(Files.size(file));
		assertThat(TestAudio.decodedMs(file)).as("decoded length").isCloseTo(seconds * 1000, org.assertj.core.data.Offset.offset(200.0));
		String probe = TestAudio.run(java.util.List.of("-i", file.toString(), "-f", "null", "-"));
		assertThat(probe).contains("Audio: mp3").contains("mono").contains("32 kb/s");
		long perHour = Math.round(result.bytes() * 3600 / seconds);
		System.out.printf("air-check: %d s of tone -> %d bytes, %d bytes per hour (%.1f kbit/s)%n", (long) seconds,
				result.bytes(), perHour, result.bytes() * 8 / seconds / 1000);
		assertThat((double) perHour).as("bytes per hour at 32 kbit/s: 14.4 MB")
			.isCloseTo(32_000 / 8 * 3600, org.assertj.core.data.Percentage.withPercentage(5));
	}

	@Test
	void ffmpegKilledOnTheWayFailsTheAirCheckButNeverTheWrites() throws Exception {
		byte[] pcm = tonePcm(2);
		Path file = ROOT.resolve("aircheck/killed.mp3");
		AirCheckEncoding encoding = encoder(null).start(file, RATE, 1, "32k");
		feed(encoding, pcm);
		ProcessHandle ffmpeg = ProcessHandle.of(encoding.pid()).orElseThrow();
		ffmpeg.destroyForcibly();
		Await.until("ffmpeg gone", Duration.ofSeconds(10), () -> !ffmpeg.isAlive());
		long started = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			feed(encoding, pcm); // 40 s more sound to a dead encoder
		}
		long ms = (System.nanoTime() - started) / 1_000_000;
		assertThat(ms).as("40 s of writes to a dead encoder take no time").isLessThan(1000);
		AirCheckEncoding.Result result = encoding.finish(Duration.ofSeconds(10));
		assertThat(result.ok()).isFalse();
		assertThat(result.failure()).contains("ffmpeg");
		assertThat(result.file()).isNull();
		assertThat(file).doesNotExist();
		assertThat(file.resolveSibling("killed.mp3.part")).doesNotExist();
		assertThat(encoding.finish(Duration.ofSeconds(1))).as("finishing twice: the same answer").isSameAs(result);
	}

	@Test
	void noFfmpegIsAFailedAirCheckWithAClearMessageNotACrash() throws Exception {
		Path file = ROOT.resolve("aircheck/none.mp3");
		AirCheckEncoding encoding = encoder(ROOT.resolve("no-such-ffmpeg")).start(file, RATE, 1, "32k");
		feed(encoding, tonePcm(1));
		assertThat(encoding.pid()).isEqualTo(-1);
		AirCheckEncoding.Result result = encoding.finish(Duration.ofSeconds(5));
		assertThat(result.ok()).isFalse();
		assertThat(result.failure()).startsWith("ffmpeg could not be started").contains("no-such-ffmpeg");
		assertThat(file).doesNotExist();
	}
}
