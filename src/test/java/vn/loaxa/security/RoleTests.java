package vn.loaxa.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.loaxa.IntegrationTest;

/** Who may do what (issue 6): each role reaches its own pages and is refused the others'. */
class RoleTests extends IntegrationTest {

	static final RequestPostProcessor OFFICER = user("canbo").roles("OFFICER");
	static final RequestPostProcessor APPROVER = user("lanhdao").roles("APPROVER");
	static final RequestPostProcessor TECHNICIAN = user("kythuat").roles("TECHNICIAN");

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
}
