package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat.Encoding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/**
 * Every format issue 3 names imports through {@code POST /api/clips}: exact decoded duration,
 * tags in Vietnamese, content hash, untouched original and canonical PCM in the store, loudness
 * measured and normalised.
 */
class FixtureImportTests extends IntegrationTest {

	/** Sample counts and rates as documented in src/test/resources/audio/FIXTURES.md. */
	record Fixture(String file, long samples, int rate, String title, String format) {

		double documentedMs() {
			return samples * 1000.0 / rate;
		}

		@Override
		public String toString() {
			return file;
		}
	}

	static Stream<Fixture> fixtures() {
		return Stream.of(
				new Fixture("cbr-mpeg1-id3v23.mp3", 132300, 44100, "Bản tin sáng: Chuyển đổi số", "MP3"),
				new Fixture("cbr-mpeg2-id3v24.mp3", 89856, 22050, "Thủ tục hành chính: Đăng ký khai sinh", "MP3"),
				new Fixture("vbr-xing-notag.mp3", 220500, 44100, "vbr xing notag", "MP3"),
				new Fixture("vbr-noxing.mp3", 266112, 44100, "vbr noxing", "MP3"),
				new Fixture("tone.wav", 88200, 44100, "tone", "WAV"),
				new Fixture("tone.ogg", 110250, 44100, "Khẩu hiệu: Nhanh hơn, gần dân hơn", "Ogg"),
				new Fixture("tone.m4a", 133120, 44100, "Thông báo lịch tiếp công dân", "M4A/AAC"),
				new Fixture("tone.flac", 88200, 44100, "Phóng sự Bản Na Lay", "FLAC"),
				new Fixture("silence.wav", 88200, 44100, "silence", "WAV"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void importsWithExactDurationTagsHashAndCanonicalPcm(Fixture fixture) throws Exception {
		byte[] bytes = fixture(fixture.file());
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		double decodedMs = TestAudio.decodedMs(fixturePath(fixture.file()));
		assertThat(decodedMs).as("bundled ffmpeg decodes %s to the length FIXTURES.md documents (else update it)",
				fixture.file()).isCloseTo(fixture.documentedMs(), within(10.0));

		ApiClient.Response response = admin.upload(fixture.file(), bytes);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode clip = response.json();
		assertThat(clip.path("id").asLong()).isPositive();
		assertThat(clip.path("durationMs").asDouble()).isCloseTo(decodedMs, within(10.0));
		assertThat(clip.path("sha256").asText()).isEqualTo(sha256);
		assertThat(clip.path("status").asText()).isEqualTo("PENDING");
		assertThat(clip.path("format").asText()).isEqualTo(fixture.format());
		assertThat(clip.path("originalName").asText()).isEqualTo(fixture.file());
		assertThat(clip.path("duplicate").asBoolean()).isFalse();
		String title = clip.path("title").asText();
		assertThat(title).isEqualTo(Normalizer.normalize(fixture.title(), Normalizer.Form.NFC));
		assertThat(Normalizer.isNormalized(title, Normalizer.Form.NFC)).isTrue();

		// the untouched original and the canonical PCM, both named by hash
		Path dir = dataDir().resolve("clips").resolve(sha256.substring(0, 2));
		String ext = fixture.file().substring(fixture.file().lastIndexOf('.') + 1);
		assertThat(Files.readAllBytes(dir.resolve(sha256 + "." + ext))).isEqualTo(bytes);
		Path canonical = dir.resolve(sha256 + ".pcm.wav");
		AudioFileFormat wav = TestAudio.wavFormat(canonical);
		assertThat(wav.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
		assertThat(wav.getFormat().getEncoding()).isEqualTo(Encoding.PCM_SIGNED);
		assertThat(wav.getFormat().getChannels()).isEqualTo(1);
		assertThat(wav.getFormat().getSampleSizeInBits()).isEqualTo(16);
		assertThat(wav.getFormat().isBigEndian()).isFalse();
		assertThat(wav.getFormat().getSampleRate()).isEqualTo(44100f);
		assertThat(wav.getFrameLength() * 1000.0 / 44100).isCloseTo(clip.path("durationMs").asDouble(), within(10.0))
			.isCloseTo(decodedMs, within(10.0));
		assertThat(workFiles()).isEmpty();

		TestAudio.Loudness after = TestAudio.measure(canonical);
		if (fixture.file().startsWith("silence")) {
			assertThat(clip.path("loudnessLufs").isNull()).as("digital silence has no loudness").isTrue();
			assertThat(clip.path("gainDb").asDouble()).isZero();
			assertThat(after.integratedLufs()).isLessThanOrEqualTo(-70);
			return;
		}
		assertNormalised(clip, after);
	}

	/**
	 * The product's rule: every clip at -16 LUFS; where the gain would push peaks over -1 dBTP, a
	 * limiter takes the peaks down (the clip is not turned down). Answers whether it was limited.
	 */
	private static boolean assertNormalised(JsonNode clip, TestAudio.Loudness after) {
		assertThat(clip.path("loudnessLufs").isNumber()).as("loudness recorded").isTrue();
		double measured = clip.path("loudnessLufs").asDouble();
		double gain = clip.path("gainDb").asDouble();
		assertThat(after.integratedLufs()).as("normalised to the target").isCloseTo(-16, within(1.0));
		assertThat(after.truePeakDbtp()).as("true peak under the limit").isLessThanOrEqualTo(-1 + 0.5);
		return measured + gain > -16 + 0.3; // more gain than the loudness alone asks: made up for the limiter
	}

	@Test
	void speechWithHighPeaksIsLimitedNotTurnedDown() throws Exception {
		// a shipped sample bulletin (espeak-ng speech): its peaks would pass -1 dBTP at -16 LUFS
		byte[] bytes = Files.readAllBytes(Path.of("media", "thong-bao-tiep-cong-dan.mp3"));
		ApiClient.Response response = admin.upload("thong-bao-tiep-cong-dan.mp3", bytes);
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		JsonNode clip = response.json();
		String sha = clip.path("sha256").asText();
		Path canonical = dataDir().resolve("clips").resolve(sha.substring(0, 2)).resolve(sha + ".pcm.wav");

		assertThat(assertNormalised(clip, TestAudio.measure(canonical))).as("limited and made up").isTrue();
		assertThat(clip.path("title").asText()).isEqualTo("Thông báo: Lịch tiếp công dân tháng 12");
		assertThat(clip.path("durationMs").asDouble()).isCloseTo(TestAudio.decodedMs(Path.of("media",
				"thong-bao-tiep-cong-dan.mp3")), within(10.0));
	}
}
