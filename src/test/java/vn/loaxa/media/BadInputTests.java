package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * Every bad input of issue 3 on {@code POST /api/clips}: a 4xx JSON with a stable code and a
 * Vietnamese message, and nothing stored (no row, no file in the store, nothing left in tmp).
 */
class BadInputTests extends IntegrationTest {

	/** Letters only Vietnamese uses: the message is in Vietnamese, not English. */
	static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
			Pattern.CASE_INSENSITIVE);
	static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{64}\\.(mp3|wav|ogg|m4a|flac|aac|wma|bin|pcm\\.wav)");

	private ApiClient.Response refusedAndNothingStored(String fileName, byte[] content, Map<String, String> fields,
			int status, String code) throws Exception {
		int rows = clipRows();
		List<String> files = storedFiles();

		ApiClient.Response response = admin.upload(fileName, content, fields);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.error()).isEqualTo(code);
		assertThat(response.message()).as("a Vietnamese message").containsPattern(VIETNAMESE);
		assertThat(clipRows()).as("no clip row").isEqualTo(rows);
		assertThat(storedFiles()).as("no file in the store").isEqualTo(files);
		assertThat(workFiles()).as("nothing left in <data-dir>/tmp").isEmpty();
		return response;
	}

	@Test
	void aTextFileRenamedMp3() throws Exception {
		ApiClient.Response response = refusedAndNothingStored("not-audio.mp3", fixture("not-audio.mp3"), Map.of(), 415,
				"not_audio");
		assertThat(response.message()).contains("không phải là âm thanh");
	}

	@Test
	void anEmptyFile() throws Exception {
		ApiClient.Response response = refusedAndNothingStored("empty.mp3", new byte[0], Map.of(), 400, "empty_file");
		assertThat(response.message()).contains("empty.mp3").contains("rỗng");
	}

	@Test
	void aTruncatedMp3WithXingSaysPromisedAndDecodedSeconds() throws Exception {
		ApiClient.Response response = refusedAndNothingStored("truncated-xing.mp3", fixture("truncated-xing.mp3"),
				Map.of(), 400, "truncated");
		// the Info header promises 10 s; the surviving frames decode to 3.97 s
		assertThat(response.message()).contains("cắt cụt").contains("10.0 giây").contains("4.0 giây");
	}

	@Test
	void aTruncatedWavSaysPromisedAndDecodedSeconds() throws Exception {
		ApiClient.Response response = refusedAndNothingStored("truncated.wav", fixture("truncated.wav"), Map.of(), 400,
				"truncated");
		assertThat(response.message()).contains("cắt cụt").contains("4.0 giây").contains("2.0 giây");
	}

	static Stream<Arguments> badFields() {
		return Stream.of(Arguments.of(Map.of("kind", "PODCAST"), "invalid_kind", "PODCAST"),
				Arguments.of(Map.of("topic", "SPORTS"), "invalid_topic", "SPORTS"),
				Arguments.of(Map.of("priority", "URGENT"), "invalid_priority", "URGENT"),
				Arguments.of(Map.of("validFrom", "2026-05-10", "validUntil", "2026-05-01"), "validity_reversed",
						"Ngày hết hiệu lực"),
				Arguments.of(Map.of("validFrom", "10/05/2026", "validUntil", "01/05/2026"), "validity_reversed",
						"Ngày hết hiệu lực"),
				Arguments.of(Map.of("validFrom", "31/02/2026"), "invalid_date", "31/02/2026"));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("badFields")
	void badMetadata(Map<String, String> fields, String code, String mentioned) throws Exception {
		byte[] good = TestAudio.uniqueMp3(1, null);
		ApiClient.Response response = refusedAndNothingStored("good.mp3", good, fields, 400, code);
		assertThat(response.message()).contains(mentioned);
	}

	@Test
	void noFilePart() throws Exception {
		int rows = clipRows();
		ApiClient.Response response = admin.postJson("/api/clips", Map.of());
		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.error()).isNotBlank();
		assertThat(response.message()).containsPattern(VIETNAMESE);
		assertThat(clipRows()).isEqualTo(rows);
	}

	@Test
	void aDuplicateAnswersWithTheExistingClip() throws Exception {
		byte[] bytes = TestAudio.uniqueMp3(1, "Bản tin trùng lặp");
		ApiClient.Response first = admin.upload("ban-tin.mp3", bytes);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		int rows = clipRows();
		List<String> files = storedFiles();

		ApiClient.Response again = admin.upload("ban-tin-lan-hai.mp3", bytes, Map.of("kind", "SLOGAN"));

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("duplicate").asBoolean()).isTrue();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.json().path("originalName").asText()).isEqualTo("ban-tin.mp3");
		assertThat(again.json().path("kind").asText()).as("the existing clip, unchanged").isEqualTo("NEWS");
		assertThat(clipRows()).isEqualTo(rows);
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(workFiles()).isEmpty();
	}

	static Stream<Arguments> fileNames() {
		return Stream.of(Arguments.of("../../../../../../tmp/loaxa-evil.mp3", "loaxa-evil.mp3", "loaxa evil"),
				Arguments.of("..\\..\\Windows\\System32\\loaxa evil name.mp3", "loaxa evil name.mp3", "loaxa evil name"),
				Arguments.of("Bản tin sáng thứ hai.mp3", "Bản tin sáng thứ hai.mp3", "Bản tin sáng thứ hai"),
				Arguments.of(Normalizer.normalize("Thông báo tiếp công dân.mp3", Normalizer.Form.NFD),
						"Thông báo tiếp công dân.mp3", "Thông báo tiếp công dân"),
				Arguments.of("<script>alert(1)<script> tin.mp3", "<script>alert(1)<script> tin.mp3",
						"<script>alert(1)<script> tin"),
				Arguments.of("..", "khong-ten", "khong ten"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fileNames")
	void fileNamesAreKeptAsTheLastSegmentAndNeverUsedAsAPath(String uploaded, String kept, String title)
			throws Exception {
		byte[] bytes = TestAudio.uniqueMp3(1, null);

		ApiClient.Response response = admin.upload(uploaded, bytes);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().path("originalName").asText()).isEqualTo(kept);
		assertThat(response.json().path("title").asText()).isEqualTo(title);
		String sha = response.json().path("sha256").asText();
		assertThat(storedFiles()).contains(sha.substring(0, 2) + "/" + sha + ".mp3",
				sha.substring(0, 2) + "/" + sha + ".pcm.wav");
		assertThat(storedFiles()).allMatch(name -> STORED_NAME.matcher(name).matches(), "named by hash");
		assertThat(TestDirs.files(dataDir())).noneMatch(name -> name.contains("evil") || name.contains("script")
				|| name.contains("tin"));
		assertThat(Path.of("/tmp/loaxa-evil.mp3")).doesNotExist();
		assertThat(dataDir().resolve("../loaxa-evil.mp3").normalize()).doesNotExist();
		assertThat(Files.exists(Path.of("/tmp/loaxa evil name.mp3"))).isFalse();
	}
}
