package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * Size limits, in a context of their own with small ones: LoaXa's own limit
 * ({@code loaxa.media.max-file-size}, checked while the file streams in) and the servlet's
 * multipart limit above it. Both are a 413 JSON with a Vietnamese message, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD, "loaxa.media.max-file-size=1MB",
				"spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=8MB" })
class UploadLimitTests extends ApiTestSupport {

	private static final Path DATA_DIR = TestDirs.create("limits");
	private static final Path MEDIA_DIR = TestDirs.create("limits-media");

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", MEDIA_DIR::toString);
	}

	@Override
	protected Path dataDir() {
		return DATA_DIR;
	}

	private ApiClient.Response refused(byte[] bytes) throws Exception {
		int rows = clipRows();
		List<String> files = storedFiles();
		ApiClient.Response response = admin.upload("lon.wav", bytes);
		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.error()).isEqualTo("too_large");
		assertThat(clipRows()).isEqualTo(rows);
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(workFiles()).isEmpty();
		return response;
	}

	@Test
	void aFileOverLoaxasLimitIsRefusedWhileItStreamsIn() throws Exception {
		byte[] wav = TestAudio.uniqueWav(17, 44100); // 1.5 MB: over 1 MB, under the multipart 2 MB
		assertThat(wav.length).isBetween(1_048_577, 2_000_000);

		ApiClient.Response response = refused(wav);

		assertThat(response.message()).isEqualTo("Tệp quá lớn: giới hạn là 1 MB mỗi tệp.");
	}

	@Test
	void aFileOverTheMultipartLimitIsA413JsonNotA500() throws Exception {
		byte[] wav = TestAudio.uniqueWav(30, 44100); // 2.6 MB: over the servlet's 2 MB

		ApiClient.Response response = refused(wav);

		assertThat(response.message()).isEqualTo("Tệp quá lớn so với giới hạn tải lên.");
	}

	@Test
	void aFileUnderTheLimitImports() throws Exception {
		ApiClient.Response response = admin.upload("vua.wav", TestAudio.uniqueWav(5, 44100));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().path("durationMs").asLong()).isEqualTo(5000);
	}
}
