package vn.loaxa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.IntegrationTest;
import vn.loaxa.security.internal.AuditEntry;
import vn.loaxa.security.internal.AuditText;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/** Every change leaves who, when, what, and the values before and after where the module knows them. */
class AuditTrailTests extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Test
	void uploadAndApprovalAreAuditedWithTheirRequestAndTheClipsChange() throws Exception {
		ApiClient.Response uploaded = admin.upload("kiem-tra-nhat-ky.mp3", TestAudio.uniqueMp3(1.5, "Kiểm tra nhật ký"));
		long id = uploaded.id();
		admin.post("/api/clips/" + id + "/approve");

		List<AuditEntry> entries = audit.search(ADMIN, null, null, null, 50);
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("POST /api/clips/" + id + "/approve");
			assertThat(e.outcome()).isEqualTo("OK 200");
		});
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("clip.approved");
			assertThat(e.subject()).contains("clip " + id, "Kiểm tra nhật ký");
			assertThat(e.afterValue()).isEqualTo("APPROVED");
		});
	}

	@Test
	void settingsKeepTheirBeforeAndAfterAndARefusedChangeIsAuditedAsRefused() throws Exception {
		mvc.perform(post("/settings").with(user("kythuat").roles("TECHNICIAN")).with(csrf())
			.param("communeName", "Xã Na Lay").param("superiorAuthority", "UBND TỈNH ĐIỆN BIÊN").param("province", "Tỉnh Điện Biên")
			.param("officerName", "Lò Thị Hoa"));
		mvc.perform(post("/users").with(user("kythuat").roles("TECHNICIAN")).with(csrf()).param("username", "ke-gian"));

		List<AuditEntry> entries = audit.search("kythuat", null, null, null, 20);
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("settings.save");
			assertThat(e.afterValue()).contains("Xã Na Lay", "Lò Thị Hoa");
			assertThat(e.beforeValue()).isNotNull();
		});
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("POST /users");
			assertThat(e.outcome()).isEqualTo("REFUSED 403");
			assertThat(e.afterValue()).contains("username=ke-gian");
		});
	}

	@Test
	void aFailedLogInIsAuditedWithItsReasonInVietnameseNeverAnExceptionClass() throws Exception {
		mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
			.user(ADMIN)
			.password("sai-mat-khau-roi"));

		List<AuditEntry> entries = audit.search(ADMIN, "login.failed", null, null, 5);
		assertThat(entries).isNotEmpty();
		assertThat(entries.get(0).afterValue()).isEqualTo("bad_credentials");

		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit")
			.param("action", "login")
			.with(user(ADMIN).roles("ADMIN"))
			.locale(java.util.Locale.forLanguageTag("vi")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Sai tên đăng nhập hoặc mật khẩu", "Đăng nhập không thành công", "Bị từ chối")
			.doesNotContain("BadCredentialsException", "Exception", "REFUSED", "login.failed");
	}

	@Test
	void everyLogInFailureHasAReasonAndOldEntriesNamingAnExceptionReadAsTheSameReason() {
		AuditText text = new AuditText(messages);
		java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
		assertThat(AuditText.reasonCode(new org.springframework.security.authentication.LockedException("x"))).isEqualTo("locked");
		assertThat(text.value("login.failed", "locked", vi)).isEqualTo("Tài khoản đang bị khóa (đăng nhập sai quá nhiều lần)");
		assertThat(text.value("login.failed", "BadCredentialsException", vi)).isEqualTo("Sai tên đăng nhập hoặc mật khẩu");
		assertThat(text.value("login.failed", "DisabledException", vi)).isEqualTo("Tài khoản đã bị vô hiệu hóa");
		assertThat(text.value("login.failed", "SomethingNewException", vi)).isEqualTo("Đăng nhập không thành công");
		assertThat(text.action("POST /clips/5/approve", vi)).isEqualTo("Gửi: /clips/5/approve");
		assertThat(text.outcome("ERROR 500", vi)).isEqualTo("Lỗi (500)");
	}

	@Autowired
	org.springframework.context.MessageSource messages;
}
