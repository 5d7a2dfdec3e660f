package vn.loaxa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loaxa.IntegrationTest;

/** The UI's language: Vietnamese first, {@code ?lang=en} for English, remembered in a cookie. */
class WebUiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	private MockHttpSession logIn() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	@Test
	void theLoginPageIsVietnameseByDefaultAndEnglishOnRequest() throws Exception {
		String vi = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(vi).contains("lang=\"vi\"").contains("Tên đăng nhập").contains("Mật khẩu");

		String en = mvc.perform(get("/login?lang=en")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("lang=\"en\"").contains("User name").contains("Password");
	}

	@Test
	void langEnSwitchesThePagesToEnglishAndACookieKeepsIt() throws Exception {
		MockHttpSession session = logIn();
		String vi = mvc.perform(get("/clips").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(vi).contains("Thư viện bản tin").contains("Hàng đợi").contains("Đăng xuất");

		MvcResult english = mvc.perform(get("/clips?lang=en").session(session)).andExpect(status().isOk()).andReturn();
		String en = english.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("Clip library").contains("Queue").contains("Log out").doesNotContain("Thư viện bản tin");
		Cookie cookie = english.getResponse().getCookie("loaxa-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("en");

		String remembered = mvc.perform(get("/queue").session(session).cookie(cookie)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(remembered).contains("lang=\"en\"").contains("Log out");
	}

	@Test
	void staticAssetsComeFromWebjarsNotACdn() throws Exception {
		MockHttpSession session = logIn();
		String html = mvc.perform(get("/clips").session(session)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+/bootstrap\\.min\\.css)\"")
			.matcher(html);
		assertThat(css.find()).as("bootstrap from the webjar").isTrue();
		assertThat(html).doesNotContain("https://").doesNotContain("cdn.");
		mvc.perform(get(css.group(1))).andExpect(status().isOk());
		mvc.perform(get("/js/upload.js")).andExpect(status().isOk());
	}

	@Test
	void aRealBrowserSessionLogsInThroughTheFormAndGetsVietnameseErrorPages() throws Exception {
		java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;

		java.net.http.HttpResponse<String> login = browser.send(html(base + "/login").GET().build(), body());
		assertThat(login.statusCode()).isEqualTo(200);
		String token = csrfToken(login.body());
		java.net.http.HttpResponse<String> posted = browser.send(html(base + "/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD
					+ "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), body());
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/");

		java.net.http.HttpResponse<String> library = browser.send(html(base + "/clips").GET().build(), body());
		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("Thư viện bản tin").contains("<span>admin</span>");

		java.net.http.HttpResponse<String> missing = browser.send(html(base + "/khong-co-trang-nay").GET().build(),
				body());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(missing.body()).contains("Có lỗi 404").contains("Không tìm thấy trang này.");

		java.net.http.HttpResponse<String> noToken = browser.send(html(base + "/clips/rescan")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build(), body());
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(noToken.body()).contains("Có lỗi 403").contains("Bạn không có quyền xem trang này.");
	}

	private static java.net.http.HttpRequest.Builder html(String url) {
		return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", "text/html");
	}

	private static java.net.http.HttpResponse.BodyHandler<String> body() {
		return java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
	}

	private static String csrfToken(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the login form").isTrue();
		return m.group(1);
	}
}
