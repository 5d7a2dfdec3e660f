package vn.loaxa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;

/** Who may do what: HTTP Basic on the API, form login and CSRF on the pages, public health and docs. */
class SecurityTests extends IntegrationTest {

	private static final String OFFICER = "can-bo-vhxh";
	private static final String OFFICER_PASSWORD = "mat-khau-can-bo";

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	private ApiClient officer() {
		if (!accounts.exists(OFFICER)) {
			accounts.create(OFFICER, "Công chức Văn hóa – Xã hội", OFFICER_PASSWORD, EnumSet.of(Role.OFFICER), "admin");
		}
		return as(OFFICER, OFFICER_PASSWORD);
	}

	@Test
	void theApiWithoutCredentialsIs401Json() throws Exception {
		for (ApiClient.Response response : new ApiClient.Response[] { anonymous.get("/api/clips"),
				anonymous.get("/api/queue"), anonymous.post("/api/clips/1/approve"),
				anonymous.upload("a.mp3", new byte[] { 1, 2, 3 }),
				as(ADMIN, "sai-mat-khau").get("/api/clips"), as("khong-co-ai", "x").get("/api/clips") }) {
			assertThat(response.status()).as(response.toString()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.error()).isEqualTo("unauthorized");
			assertThat(response.message()).contains("Cần đăng nhập");
		}
	}

	@Test
	void aNulCharacterInAParameterIsRefusedBeforeAnythingReadsIt() throws Exception {
		// PostgreSQL refuses NUL in text: it reached the audit trail and queries as a 500 there
		ApiClient.Response api = admin.get("/api/broadcasts?zone=a%00b");
		assertThat(api.status()).as(api.toString()).isEqualTo(400);
		assertThat(api.error()).isEqualTo("bad_character");
		assertThat(api.message()).contains("ký tự rỗng");
		var page = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/broadcasts")
			.param("zone", "a\u0000b")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
				.roles("ADMIN"));
		assertThat(mvc.perform(page).andReturn().getResponse().getStatus()).isEqualTo(400);
		var login = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", "ad\u0000min").param("password", "x");
		assertThat(mvc.perform(login).andReturn().getResponse().getStatus()).as("refused before the log-in reads it")
			.isEqualTo(400);
		assertThat(admin.get("/api/broadcasts?zone=ban-1").status()).as("the same without NUL").isEqualTo(200);
	}

	@Test
	void theApiIsStateless() throws Exception {
		ApiClient.Response response = admin.get("/api/clips");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Set-Cookie")).as("no session for API calls").isNull();
	}

	@Test
	void anOfficerMayUploadButNotApprove() throws Exception {
		ApiClient officer = officer();
		ApiClient.Response uploaded = officer.upload("ban-tin-can-bo.mp3", TestAudio.uniqueMp3(1, "Bản tin của cán bộ"));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().path("uploadedBy").asText()).isEqualTo(OFFICER);

		for (ApiClient.Response denied : new ApiClient.Response[] {
				officer.post("/api/clips/" + uploaded.id() + "/approve"),
				officer.postJson("/api/clips/" + uploaded.id() + "/reject", Map.of("reason", "thử")) }) {
			assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
			assertThat(denied.contentType()).startsWith("application/json");
			assertThat(denied.error()).isEqualTo("forbidden");
			assertThat(denied.message()).isEqualTo("Tài khoản không có quyền thực hiện việc này.");
		}
		assertThat(admin.get("/api/clips/" + uploaded.id()).json().path("status").asText()).isEqualTo("PENDING");
	}

	@Test
	void unknownApiAddressesAre404Json() throws Exception {
		ApiClient.Response response = admin.get("/api/khong-co");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.error()).isEqualTo("not_found");
		assertThat(response.message()).isEqualTo("Không tìm thấy địa chỉ này.");
	}

	@Test
	void healthIsPublic() throws Exception {
		ApiClient.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asText()).isEqualTo("UP");
	}

	@Test
	void theOpenApiDocumentIsPublicAndListsTheClipEndpoints() throws Exception {
		ApiClient.Response docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/clips")).isTrue();
		assertThat(docs.json().path("paths").has("/api/clips/{id}/approve")).isTrue();
		assertThat(docs.json().path("paths").has("/api/queue")).isTrue();
		assertThat(docs.json().path("paths").path("/api/clips").has("post")).isTrue();
	}

	@Test
	void pagesRedirectToTheLoginFormWhenNotLoggedIn() throws Exception {
		for (String page : new String[] { "/", "/clips", "/clips/1", "/clips/upload", "/queue" }) {
			mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
		}
		mvc.perform(get("/login")).andExpect(status().isOk());
		mvc.perform(post("/clips/rescan").with(csrf())).andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("**/login"));
	}

	@Test
	void theLoginFormLogsInWithTheFirstAdministratorsPassword() throws Exception {
		mvc.perform(formLogin("/login").user(ADMIN).password("sai-mat-khau"))
			.andExpect(redirectedUrl("/login?error=bad_credentials"))
			.andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(ADMIN).withRoles("OFFICER", "APPROVER", "TECHNICIAN", "ADMIN"));
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
		long id = admin.upload("csrf.mp3", TestAudio.uniqueMp3(1, "Tin kiểm tra CSRF")).id();
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
			.andReturn()
			.getRequest()
			.getSession(false);

		mvc.perform(post("/clips/" + id + "/approve").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/clips/" + id + "/approve").session(session).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(admin.get("/api/clips/" + id).json().path("status").asText()).isEqualTo("PENDING");

		mvc.perform(post("/clips/" + id + "/approve").session(session).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/clips/" + id));
		assertThat(admin.get("/api/clips/" + id).json().path("status").asText()).isEqualTo("APPROVED");
	}
}
