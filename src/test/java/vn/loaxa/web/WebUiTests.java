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
}
