package vn.loaxa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.IntegrationTest;

/** The first-run notice: in Vietnamese on the pages of a new installation, gone for good once dismissed. */
class FirstRunTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	private String page() throws Exception {
		return mvc.perform(get("/clips").with(user("kythuat").roles("TECHNICIAN")).locale(Locale.forLanguageTag("vi")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theNoticeTellsWhatToDoNextUntilDismissed() throws Exception {
		Files.deleteIfExists(DATA_DIR.resolve(FirstRun.DISMISSED));
		String first = page();
		assertThat(first).contains("id=\"first-run\"", "Mật khẩu của tài khoản admin được in một lần",
				"LOAXA_ADMIN_PASSWORD", "loaxa.audio.sink=line", "Lịch phát mẫu đã được nạp",
				DATA_DIR.toAbsolutePath().normalize().toString());

		mvc.perform(post("/first-run/dismiss").with(user("kythuat").roles("TECHNICIAN")))
			.andExpect(status().isForbidden()); // no CSRF token: refused, nothing stored
		assertThat(DATA_DIR.resolve(FirstRun.DISMISSED)).doesNotExist();

		mvc.perform(post("/first-run/dismiss").with(user("kythuat").roles("TECHNICIAN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(DATA_DIR.resolve(FirstRun.DISMISSED)).exists();
		assertThat(page()).doesNotContain("id=\"first-run\"", "Mật khẩu của tài khoản admin được in một lần");
	}
}
