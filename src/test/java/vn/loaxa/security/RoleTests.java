package vn.loaxa.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loaxa.IntegrationTest;

/**
 * Who may do what (issue 6): each role reaches its own pages and is refused the others'. A refusal
 * alone proves little (an endpoint that refused everyone would pass), so every endpoint here is
 * also called by each role that may use it, and answers what it answers that role: the page, the
 * redirect after the action, or the 4xx of a request it understood (an unknown clip, no file).
 */
class RoleTests extends IntegrationTest {

	static final RequestPostProcessor OFFICER = user("canbo").roles("OFFICER");
	static final RequestPostProcessor APPROVER = user("lanhdao").roles("APPROVER");
	static final RequestPostProcessor TECHNICIAN = user("kythuat").roles("TECHNICIAN");
	static final RequestPostProcessor ADMIN = user("quantri").roles("ADMIN");
	static final Map<String, RequestPostProcessor> ROLES = Map.of("OFFICER", OFFICER, "APPROVER", APPROVER,
			"TECHNICIAN", TECHNICIAN, "ADMIN", ADMIN);

	/** An endpoint, the roles that may use it, and the status it gives them (the others get 403). */
	record Allowed(String name, MockHttpServletRequestBuilder request, Set<String> roles, int status) {
	}

	/** A clip id no test makes. */
	static final long NO_CLIP = 987_654_321L;

	static List<Allowed> endpoints() {
		return List.of(
				new Allowed("Phát ngay, step one", post("/on-air/play-now").param("clipId", "" + NO_CLIP)
					.param("zones", "ban-na-lay"), Set.of("APPROVER", "ADMIN"), 404),
				new Allowed("reload zones", post("/zones/reload"), Set.of("TECHNICIAN", "ADMIN"), 302),
				new Allowed("approve (page)", post("/clips/" + NO_CLIP + "/approve"), Set.of("APPROVER", "ADMIN"), 302),
				new Allowed("approve (API)", post("/api/clips/" + NO_CLIP + "/approve"), Set.of("APPROVER", "ADMIN"), 404),
				new Allowed("reject (API) without a reason", post("/api/clips/" + NO_CLIP + "/reject"),
						Set.of("APPROVER", "ADMIN"), 400),
				new Allowed("users", get("/users"), Set.of("ADMIN"), 200),
				new Allowed("audit trail", get("/audit"), Set.of("ADMIN"), 200),
				new Allowed("upload page", get("/clips/upload"), Set.of("OFFICER", "ADMIN"), 200),
				new Allowed("upload without a file", post("/clips/upload"), Set.of("OFFICER", "ADMIN"), 302),
				new Allowed("new slot form", get("/zones/slots/new"), Set.of("OFFICER", "TECHNICIAN", "ADMIN"), 200),
				new Allowed("stop a channel (API)", post("/api/playout/khong-co-kenh/stop"),
						Set.of("OFFICER", "TECHNICIAN", "ADMIN"), 200));
	}

	@Autowired
	MockMvc mvc;

	@Test
	void onlyLeadershipMayBroadcastNow() throws Exception {
		mvc.perform(post("/on-air/play-now").with(OFFICER).with(csrf()).param("clipId", "1").param("zones", "ban-na-lay"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/on-air/play-now").with(TECHNICIAN).with(csrf()).param("clipId", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyTheTechnicianReloadsZonesAndSwitchCommands() throws Exception {
		mvc.perform(post("/zones/reload").with(OFFICER).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/zones/reload").with(APPROVER).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/zones/reload").with(TECHNICIAN).with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	void onlyApproversApproveAndOnlyAdministratorsManageUsers() throws Exception {
		mvc.perform(post("/clips/1/approve").with(OFFICER).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/clips/1/approve").with(TECHNICIAN).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/users").with(APPROVER)).andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(TECHNICIAN)).andExpect(status().isForbidden());
		mvc.perform(post("/clips/upload").with(APPROVER).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void eachRoleIsAnsweredByTheEndpointsItMayUseAndRefusedTheOthers() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, RequestPostProcessor> role : ROLES.entrySet()) {
			for (Allowed endpoint : endpoints()) { // fresh request builders: with(…) adds to a builder
				int expected = endpoint.roles().contains(role.getKey()) ? endpoint.status() : 403;
				int status = mvc.perform(endpoint.request().with(role.getValue()).with(csrf())).andReturn().getResponse()
					.getStatus();
				if (status != expected) {
					wrong.add(endpoint.name() + " as " + role.getKey() + ": " + status + ", expected " + expected);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}
}
