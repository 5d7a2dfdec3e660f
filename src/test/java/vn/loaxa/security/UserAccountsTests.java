package vn.loaxa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.IntegrationTest;
import vn.loaxa.config.UserError;
import vn.loaxa.security.internal.AuditEntry;
import vn.loaxa.security.internal.UserView;

class UserAccountsTests extends IntegrationTest {

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Test
	void passwordsAreHashedAndShortOnesRefused() {
		assertThat(accounts.exists("admin")).isTrue();
		UserError error = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
				() -> accounts.create("ngan", "Nguyễn Thị Ngân", "short", EnumSet.of(Role.OFFICER), "admin"));
		assertThat(error.code()).isEqualTo("password_too_short");
		assertThat(accounts.exists("ngan")).isFalse();
		UserView created = accounts.create("ngan", "Nguyễn Thị Ngân", "mot-mat-khau-dai", EnumSet.of(Role.OFFICER),
				"admin");
		assertThat(created.roles()).containsExactly(Role.OFFICER);
		assertThat(accounts.loadUserByUsername("ngan").getPassword()).startsWith("{bcrypt}");
		assertThat(audit.search("admin", "user.create", null, null, 10)).extracting(AuditEntry::subject)
			.contains("ngan");
	}

	@Test
	void repeatedFailedLoginsLockTheAccount() throws Exception {
		accounts.create("lanhdao", "Lãnh đạo UBND", "mat-khau-lanh-dao", EnumSet.of(Role.APPROVER), "admin");
		for (int i = 0; i < UserAccounts.MAX_FAILURES; i++) {
			mvc.perform(get("/api/clips").with(httpBasic("lanhdao", "sai-mat-khau"))).andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/clips").with(httpBasic("lanhdao", "mat-khau-lanh-dao"))).andExpect(status().isUnauthorized());
		assertThat(accounts.list()).filteredOn(u -> u.username().equals("lanhdao")).extracting(UserView::locked)
			.containsExactly(true);
		assertThat(audit.search("lanhdao", "login.failed", null, null, 20)).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void theLogInPageSaysWhyALockedOrDisabledAccountIsRefused() throws Exception {
		accounts.create("vanthu", "Văn thư", "mat-khau-van-thu", EnumSet.of(Role.OFFICER), "admin");
		mvc.perform(post("/login").with(csrf()).param("username", "vanthu").param("password", "sai-mat-khau"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/login?error=bad_credentials"));
		mvc.perform(get("/login").param("error", "bad_credentials"))
			.andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
		for (int i = 1; i < UserAccounts.MAX_FAILURES; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", "vanthu").param("password", "sai-mat-khau"));
		}
		// the right password now: refused, and the page says the account is locked and for how long
		mvc.perform(post("/login").with(csrf()).param("username", "vanthu").param("password", "mat-khau-van-thu"))
			.andExpect(header().string("Location", "/login?error=locked"));
		mvc.perform(get("/login").param("error", "locked").header("Accept-Language", "vi"))
			.andExpect(content().string(containsString("tạm khóa vì đăng nhập sai " + UserAccounts.MAX_FAILURES + " lần")))
			.andExpect(content().string(containsString("thử lại sau " + UserAccounts.LOCK_TIME.toMinutes() + " phút")))
			.andExpect(content().string(not(containsString("Exception"))));
		mvc.perform(get("/api/clips").with(httpBasic("vanthu", "mat-khau-van-thu")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("account_locked"));

		long id = accounts.list().stream().filter(u -> u.username().equals("vanthu")).findFirst().orElseThrow().id();
		accounts.setEnabled(id, false, "admin");
		mvc.perform(post("/login").with(csrf()).param("username", "vanthu").param("password", "mat-khau-van-thu"))
			.andExpect(header().string("Location", "/login?error=disabled"));
		mvc.perform(get("/login").param("error", "disabled").header("Accept-Language", "vi"))
			.andExpect(content().string(containsString("đã bị vô hiệu hóa")));
		mvc.perform(get("/api/clips").with(httpBasic("vanthu", "mat-khau-van-thu")))
			.andExpect(jsonPath("$.error").value("account_disabled"));
	}

	@Test
	void usersPageIsForAdministratorsOnlyAndRefusesBadInputWithoutStoring() throws Exception {
		mvc.perform(get("/users").with(user("canbo").roles("OFFICER"))).andExpect(status().isForbidden());
		mvc.perform(post("/users").with(user("admin").roles("ADMIN")).param("username", "x")
			.param("displayName", "<b>X</b>").param("password", "mot-mat-khau-dai").param("roles", "OFFICER"))
			.andExpect(status().isForbidden()); // no CSRF token
		mvc.perform(post("/users").with(user("admin").roles("ADMIN")).with(csrf()).param("username", "Bad Name!")
			.param("displayName", "X").param("password", "mot-mat-khau-dai").param("roles", "OFFICER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errors", java.util.List.of(
					"Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.")));
		assertThat(accounts.exists("bad name!")).isFalse();
		mvc.perform(get("/users").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Thêm người dùng")));
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.containsString("unsafe-inline"))));
	}
}
