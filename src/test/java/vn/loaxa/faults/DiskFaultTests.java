package vn.loaxa.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/**
 * Disk faults at upload (issue 6, "Nothing lost"): a data dir on which writes fail. Tests run as
 * root in CI, where {@code chmod} stops nothing, so the writes are made to fail another way: the
 * clip store's shard folder {@code clips/xx} (or the work dir {@code tmp}) is replaced by a regular
 * FILE, so creating the folder, or a file in it, fails with an {@code IOException} as on a
 * read-only or full disk. The answer is a 507 with the code {@code disk} and the Vietnamese
 * {@code import.error.disk} message, never a 500; nothing is half-written: no row, no file in the
 * store, nothing left in tmp. Once the fault is gone the same file imports normally.
 */
class DiskFaultTests extends IntegrationTest {

	static final String DISK_MESSAGE = "Không ghi được tệp vào thư mục dữ liệu (ổ đĩa đầy hoặc chỉ đọc). Không có gì được lưu.";

	@Autowired
	MockMvc mvc;

	/** A unique clip whose shard folder {@code clips/xx} does not exist yet, so it can be blocked. */
	private byte[] clipWithFreeShard() throws Exception {
		for (int i = 0; i < 200; i++) {
			byte[] bytes = TestAudio.uniqueMp3(1, "Bản tin ổ đĩa đầy");
			if (!Files.exists(shardOf(bytes))) {
				return bytes;
			}
		}
		throw new IllegalStateException("every shard folder is taken");
	}

	private Path shardOf(byte[] bytes) throws Exception {
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		return DATA_DIR.resolve("clips").resolve(sha.substring(0, 2));
	}

	private void assertNothingHalfWritten(int rows, List<String> files) {
		assertThat(clipRows()).as("no clip row").isEqualTo(rows);
		assertThat(storedFiles()).as("no file in the store").isEqualTo(files);
		assertThat(workFiles()).as("nothing left in <data-dir>/tmp").isEmpty();
	}

	@Test
	void aClipFolderThatCannotBeMadeIs507WithTheVietnameseMessageAndNothingHalfWritten() throws Exception {
		byte[] bytes = clipWithFreeShard();
		Path shard = shardOf(bytes);
		Files.writeString(shard, "không phải thư mục", StandardCharsets.UTF_8);
		try {
			int rows = clipRows();
			List<String> files = storedFiles();

			ApiClient.Response response = admin.upload("o-dia-day.mp3", bytes, Map.of("kind", "NEWS"));

			assertThat(response.status()).as(response.toString()).isEqualTo(507);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.error()).isEqualTo("disk");
			assertThat(response.message()).isEqualTo(DISK_MESSAGE);
			assertNothingHalfWritten(rows, files);
		}
		finally {
			Files.delete(shard);
		}
		ApiClient.Response again = admin.upload("o-dia-day.mp3", bytes, Map.of("kind", "NEWS"));
		assertThat(again.status()).as("the same file once the disk is writable: " + again).isEqualTo(201);
		assertThat(again.json().path("duplicate").asBoolean(false)).isFalse();
	}

	@Test
	void aWorkDirThatCannotBeWrittenIs507AndNothingIsStored() throws Exception {
		byte[] bytes = TestAudio.uniqueMp3(1, "Bản tin thư mục tạm hỏng");
		Path tmp = DATA_DIR.resolve("tmp");
		Path aside = DATA_DIR.resolve("tmp-aside");
		Files.move(tmp, aside);
		Files.writeString(tmp, "không phải thư mục", StandardCharsets.UTF_8);
		int rows;
		List<String> files;
		try {
			rows = clipRows();
			files = storedFiles();

			ApiClient.Response response = admin.upload("tam-hong.mp3", bytes);

			assertThat(response.status()).as(response.toString()).isEqualTo(507);
			assertThat(response.error()).isEqualTo("disk");
			assertThat(response.message()).isEqualTo(DISK_MESSAGE);
		}
		finally {
			Files.delete(tmp);
			Files.move(aside, tmp);
		}
		assertNothingHalfWritten(rows, files);
	}

	@Test
	void theUploadPageSaysTheSameInVietnamese() throws Exception {
		byte[] bytes = clipWithFreeShard();
		Path shard = shardOf(bytes);
		Files.writeString(shard, "không phải thư mục", StandardCharsets.UTF_8);
		try {
			int rows = clipRows();
			List<String> files = storedFiles();

			MvcResult result = mvc.perform(multipart("/clips/upload")
				.file(new MockMultipartFile("files", "trang-tai-len.mp3", "audio/mpeg", bytes))
				.param("kind", "NEWS")
				.accept("application/json")
				.with(user(ADMIN).roles("OFFICER", "ADMIN"))
				.with(csrf())).andReturn();

			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).contains("\"ok\":false").contains(DISK_MESSAGE);
			assertNothingHalfWritten(rows, files);
		}
		finally {
			Files.delete(shard);
		}
	}
}
