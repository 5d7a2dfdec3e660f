package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;

/** The shared context has no {@code loaxa.tts.engine}: LoaXa runs, and the text form and API say there is no engine. */
class NoSpeechEngineTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theApiAnswers503AndStoresNothing() throws Exception {
		int rows = clipRows();
		List<String> files = storedFiles();

		ApiClient.Response response = admin.postJson("/api/clips/text",
				Map.of("title", "Thông báo", "text", "UBND xã thông báo lịch tiếp công dân."));

		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.error()).isEqualTo("tts_unavailable");
		assertThat(response.message()).containsPattern(BadInputTests.VIETNAMESE).contains("Chưa có bộ đọc văn bản");
		assertThat(clipRows()).isEqualTo(rows);
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(workFiles()).isEmpty();
	}

	@Test
	void theUploadPageSaysSoAndStillTakesFiles() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
			.andReturn().getRequest().getSession(false);

		String page = mvc.perform(get("/clips/upload").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Nhập văn bản").contains("id=\"tts-unavailable\"")
			.contains("Chưa có bộ đọc văn bản trên máy này").doesNotContain("id=\"text-form\"")
			.contains("id=\"upload-form\"");

		String posted = mvc.perform(post("/clips/text").session(session).with(csrf()).param("text", "Thông báo họp."))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(posted).contains("id=\"text-error\"").contains("Chưa có bộ đọc văn bản (loaxa.tts.engine chưa đặt");
	}
}
