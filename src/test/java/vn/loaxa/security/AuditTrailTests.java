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
			.param("communeName", "Xã Na Lay").param("district", "Huyện Mường Chà").param("province", "Tỉnh Điện Biên")
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
}
