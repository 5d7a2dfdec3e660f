package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loaxa.IntegrationTest;
import vn.loaxa.media.internal.ClipHistoryEntry;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/** The library pages, logged in through the real login form: listing, filters, escaping, editing. */
class ClipPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClipLibrary library;

	private MockHttpSession session;

	@BeforeEach
	void logIn() throws Exception {
		session = (MockHttpSession) mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String page(String url, Object... vars) throws Exception {
		MvcResult result = mvc.perform(get(url, vars).session(session)).andExpect(status().isOk()).andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long upload(String title, Map<String, String> fields) throws Exception {
		java.util.Map<String, String> all = new java.util.HashMap<>(fields);
		all.put("title", title);
		ApiClient.Response response = admin.upload("trang.mp3", TestAudio.uniqueMp3(2, null), all);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	@Test
	void aLargeLibraryIsShownAHundredClipsAPage(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc)
			throws Exception {
		// rows only (the page lists metadata): archived, so no other test's queue sees them
		for (int i = 0; i < 130; i++) {
			jdbc.update("INSERT INTO clip (title, kind, topic, priority, status, original_name, format, sha256, "
					+ "original_bytes, original_ext, duration_ms, gain_db, source, uploaded_by, uploaded_at) "
					+ "VALUES (?, 'NEWS', 'OTHER', 'NORMAL', 'ARCHIVED', 'luu-tru.mp3', 'MP3', ?, 1, 'mp3', 1000, 0, "
					+ "'UPLOAD', 'admin', CURRENT_TIMESTAMP)", "Lưu trữ số " + i,
					String.format("%064x", 0xABC0000L + i));
		}
		String first = page("/clips?status=ARCHIVED&q=Lưu trữ số");
		assertThat(first).contains("130 clip").contains("id=\"pages\"");
		assertThat(first.split("data-clip-id=").length - 1).isEqualTo(ClipController.PAGE_SIZE);
		String second = page("/clips?status=ARCHIVED&q=Lưu trữ số&page=2");
		assertThat(second.split("data-clip-id=").length - 1).isEqualTo(30);
		assertThat(page("/clips?status=ARCHIVED&q=Lưu trữ số&page=abc")).contains("130 clip");
		assertThat(page("/clips?status=ARCHIVED&q=Lưu trữ số&page=99").split("data-clip-id=").length - 1).isEqualTo(30);
	}

	@Test
	void theLibraryListsClipsWithDayMonthYearDatesAndMinuteSecondDurations() throws Exception {
		long id = upload("Tuyên truyền Đề án 06 về VNeID",
				Map.of("validFrom", "2026-01-05", "validUntil", "2026-12-31", "kind", "ARTICLE", "topic",
						"DIGITAL_TRANSFORMATION", "priority", "HIGH"));

		String html = page("/clips");

		assertThat(html).contains("Thư viện bản tin")
			.contains("data-clip-id=\"" + id + "\"")
			.contains("Tuyên truyền Đề án 06 về VNeID")
			.contains("05/01/2026 – 31/12/2026")
			.contains("<td>00:02</td>")
			.contains("Bài")
			.contains("Chuyển đổi số")
			.contains("Ưu tiên")
			.contains("Chờ duyệt");
	}

	@Test
	void theLibraryFiltersByKindTopicAndStatus() throws Exception {
		long slogan = upload("Khẩu hiệu lọc công vụ", Map.of("kind", "SLOGAN", "topic", "CIVIL_SERVICE"));
		long news = upload("Tin lọc công vụ", Map.of("kind", "NEWS", "topic", "CIVIL_SERVICE"));
		long other = upload("Khẩu hiệu lọc thể chế", Map.of("kind", "SLOGAN", "topic", "INSTITUTIONS"));
		admin.post("/api/clips/" + news + "/approve");

		String slogans = page("/clips?kind=SLOGAN&topic=CIVIL_SERVICE");
		assertThat(slogans).contains("data-clip-id=\"" + slogan + "\"")
			.doesNotContain("data-clip-id=\"" + news + "\"")
			.doesNotContain("data-clip-id=\"" + other + "\"");

		String approved = page("/clips?status=APPROVED&topic=CIVIL_SERVICE");
		assertThat(approved).contains("data-clip-id=\"" + news + "\"").doesNotContain("data-clip-id=\"" + slogan + "\"");

		String searched = page("/clips?q={q}", "khau hieu loc");
		assertThat(searched).contains("data-clip-id=\"" + slogan + "\"", "data-clip-id=\"" + other + "\"")
			.doesNotContain("data-clip-id=\"" + news + "\"");

		// an unknown filter value is ignored, not an error page
		assertThat(page("/clips?kind=PODCAST")).contains("data-clip-id=\"" + slogan + "\"");
	}

	@Test
	void aTitleTagHoldingHtmlIsKeptVerbatimAndShownEscaped() throws Exception {
		ApiClient.Response response = admin.upload("html-title.mp3", fixture("html-title.mp3"));
		assertThat(response.status()).as(response.toString()).isIn(200, 201);
		assertThat(response.json().path("title").asText()).isEqualTo("<script>alert('x')</script><b>Tin</b>");
		assertThat(response.json().path("durationMs").asLong()).isBetween(1990L, 2010L);

		for (String html : new String[] { page("/clips/" + response.id()), page("/clips") }) {
			assertThat(html).contains("&lt;script&gt;alert(").contains("&lt;b&gt;Tin&lt;/b&gt;")
				.doesNotContain("<script>alert")
				.doesNotContain("<b>Tin</b>");
		}
		assertThat(mvc.perform(get("/clips/" + response.id()).session(session)).andReturn().getResponse()
			.getHeader("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void editingWithTheEndBeforeTheStartShowsTheVietnameseErrorAndStoresNothing() throws Exception {
		long id = upload("Tin sửa sai ngày", Map.of("kind", "NEWS", "topic", "PROCEDURES"));
		int history = library.history(id).size();

		MvcResult result = mvc.perform(post("/clips/" + id).session(session).with(csrf())
				.param("title", "Tiêu đề không được lưu")
				.param("kind", "ARTICLE")
				.param("topic", "PROCEDURES")
				.param("priority", "NORMAL")
				.param("validFrom", "10/05/2026")
				.param("validUntil", "01/05/2026"))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực.")
			.contains("value=\"10/05/2026\"");
		Clip clip = library.get(id);
		assertThat(clip.getTitle()).isEqualTo("Tin sửa sai ngày");
		assertThat(clip.getKind()).isEqualTo(ClipKind.NEWS);
		assertThat(clip.getValidFrom()).isNull();
		assertThat(clip.getValidUntil()).isNull();
		assertThat(library.history(id)).hasSize(history);
	}

	@Test
	void editingSavesAndRecordsHistory() throws Exception {
		long id = upload("Tin trước khi sửa", Map.of());

		mvc.perform(post("/clips/" + id).session(session).with(csrf())
				.param("title", "  Tin sau khi sửa  ")
				.param("kind", "REPORTAGE")
				.param("topic", "APPARATUS")
				.param("priority", "EMERGENCY")
				.param("validFrom", "01/06/2026")
				.param("validUntil", "30/06/2026")
				.param("notes", "Phát vào buổi sáng"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/clips/" + id));

		Clip clip = library.get(id);
		assertThat(clip.getTitle()).isEqualTo("Tin sau khi sửa");
		assertThat(clip.getKind()).isEqualTo(ClipKind.REPORTAGE);
		assertThat(clip.getPriority()).isEqualTo(Priority.EMERGENCY);
		assertThat(clip.getValidFrom()).isEqualTo(java.time.LocalDate.of(2026, 6, 1));
		assertThat(library.history(id)).extracting(ClipHistoryEntry::action).containsExactly("IMPORTED", "EDITED");
		String html = page("/clips/" + id);
		assertThat(html).contains("Tin sau khi sửa").contains("Phóng sự").contains("Khẩn cấp").contains("Sửa thông tin");
	}

	@Test
	void anUnknownClipIsA404PageInVietnamese() throws Exception {
		MvcResult result = mvc.perform(get("/clips/987654").session(session)).andExpect(status().isNotFound())
			.andReturn();
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Không tìm thấy bản tin số 987654.");
	}

	@Test
	void theUploadFormTakesSeveralFilesAndAnswersEachOne() throws Exception {
		MockMultipartFile good = new MockMultipartFile("files", "Bản tin tải lên từ trang.mp3", "audio/mpeg",
				TestAudio.uniqueMp3(1, null));
		MockMultipartFile bad = new MockMultipartFile("files", "khong-phai-am-thanh.mp3", "audio/mpeg",
				fixture("not-audio.mp3"));
		int rows = clipRows();

		MvcResult result = mvc.perform(multipart("/clips/upload").file(good).file(bad).session(session).with(csrf())
				.param("kind", "SLOGAN")
				.param("topic", "OTHER")
				.accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andReturn();

		JsonNode answers = new ObjectMapper().readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(answers).hasSize(2);
		assertThat(answers.get(0).path("ok").asBoolean()).isTrue();
		assertThat(answers.get(0).path("title").asText()).isEqualTo("Bản tin tải lên từ trang");
		assertThat(answers.get(1).path("ok").asBoolean()).isFalse();
		assertThat(answers.get(1).path("message").asText()).contains("không phải là âm thanh");
		assertThat(clipRows()).isEqualTo(rows + 1);
		assertThat(library.get(answers.get(0).path("id").asLong()).getKind()).isEqualTo(ClipKind.SLOGAN);
	}

	@Test
	void theQueuePageShowsApprovedClipsInTakingOrder() throws Exception {
		long id = upload("Tin trên trang hàng đợi", Map.of("priority", "EMERGENCY"));
		admin.post("/api/clips/" + id + "/approve");

		String html = page("/queue");

		assertThat(html).contains("Hàng đợi phát").contains("Tin trên trang hàng đợi").contains("phút đang chờ phát");
		assertThat(page("/queue?date={d}", "31/02/2026")).contains("Ngày không hợp lệ");
	}
}
