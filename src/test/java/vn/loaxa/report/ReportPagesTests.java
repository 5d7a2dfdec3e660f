package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report, plan and settings pages, with the bad input the issue lists. */
class ReportPagesTests extends ReportTestSupport {

	static final RequestPostProcessor OFFICER = user("canbo").roles("OFFICER");
	static final RequestPostProcessor TECHNICIAN = user("kythuat").roles("TECHNICIAN");

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanTargets plans;

	@Autowired
	CommuneSettingsStore settings;

	@org.springframework.beans.factory.annotation.Autowired
	vn.loaxa.security.CommuneKey key;

	@Test
	void reportPageShowsFiguresChartsAndDownloads() throws Exception {
		mvc.perform(get("/reports").param("period", "2026-Q1-statutory").with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("15/12/2025 – 14/03/2026")))
			.andExpect(content().string(containsString("Quý I (theo NĐ 09/2019) · 15/12/2025 – 14/03/2026")))
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("/dist/chart.umd.js")))
			.andExpect(content().string(containsString("/reports/download?period=2026-Q1-statutory&amp;format=xlsx")))
			.andExpect(content().string(containsString("02 bài mỗi tháng về chuyển đổi số")))
			.andExpect(content().string(not(containsString("<script>"))));
		mvc.perform(get("/reports").with(OFFICER)).andExpect(status().isOk());
		mvc.perform(get("/reports").param("year", "2026").with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-statutory")));
		mvc.perform(get("/reports").param("from", "14/03/2026").param("to", "15/03/2026").with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-03-14..2026-03-15")));
	}

	@Test
	void chartJsIsServedFromTheWebjarWithoutAVersion() throws Exception {
		mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
		mvc.perform(get("/js/reports.js")).andExpect(status().isOk());
	}

	@Test
	void badPeriodsOnThePageAreA400WithAVietnameseMessage() throws Exception {
		mvc.perform(get("/reports").param("period", "2026-Q5").with(OFFICER))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Kỳ báo cáo không hợp lệ")));
		mvc.perform(get("/reports").param("from", "15/03/2026").param("to", "01/03/2026").with(OFFICER))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("phải trước hoặc bằng ngày kết thúc")));
		mvc.perform(get("/reports/download").param("period", "2026-13").param("format", "xlsx").with(OFFICER))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/reports/download").param("period", "2026-Q1").param("format", "doc").with(OFFICER))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Định dạng không hỗ trợ")));
	}

	@Test
	void downloadFromThePage() throws Exception {
		mvc.perform(get("/reports/download").param("period", "2026-Q1-statutory").param("format", "pdf").with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("bao-cao-loa-2026-Q1-statutory.pdf")));
	}

	@Test
	void targetsWithABadCountAreRefusedAndNothingIsStored() throws Exception {
		int before = plans.targets(2026).size();
		for (String bad : new String[] { "-5", "abc", "1.5", "", "99999999" }) {
			mvc.perform(post("/reports/plan/targets").with(OFFICER).with(csrf()).param("year", "2026")
				.param("name", "Khẩu hiệu mới").param("planned", bad).param("kinds", "SLOGAN"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Số lượng chỉ tiêu không hợp lệ")))
				.andExpect(content().string(containsString("Khẩu hiệu mới")));
		}
		assertThat(plans.targets(2026)).hasSize(before);

		mvc.perform(post("/reports/plan/targets").with(OFFICER).with(csrf()).param("year", "2026")
			.param("name", "12 phóng sự CĐS").param("planned", " 12 ").param("kinds", "REPORTAGE")
			.param("topics", "DIGITAL_TRANSFORMATION").param("measure", "AIRINGS"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reports/plan?year=2026"));
		PlanTarget added = plans.targets(2026).get(before);
		assertThat(added.name()).isEqualTo("12 phóng sự CĐS");
		assertThat(added.planned()).isEqualTo(12);
		assertThat(added.measure()).isEqualTo(Measure.AIRINGS);

		mvc.perform(post("/reports/plan/targets").with(OFFICER).with(csrf()).param("year", "2026")
			.param("id", String.valueOf(added.id())).param("name", "12 phóng sự CĐS").param("planned", "-1"))
			.andExpect(status().isBadRequest());
		assertThat(plans.target(added.id()).orElseThrow().planned()).isEqualTo(12);

		mvc.perform(get("/reports/plan").param("year", "2026").param("edit", String.valueOf(added.id())).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("12 phóng sự CĐS")));
		mvc.perform(post("/reports/plan/targets/{id}/delete", added.id()).with(OFFICER).with(csrf()).param("year", "2026"))
			.andExpect(status().is3xxRedirection());
		assertThat(plans.targets(2026)).hasSize(before);

		mvc.perform(post("/reports/plan/targets").with(TECHNICIAN).with(csrf()).param("year", "2026")
			.param("name", "x").param("planned", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPlanForANewYear() throws Exception {
		mvc.perform(post("/reports/plan").with(OFFICER).with(csrf()).param("year", "2027").param("name", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Cần nhập tên kế hoạch")));
		mvc.perform(post("/reports/plan").with(OFFICER).with(csrf()).param("year", "2027")
			.param("name", "Kế hoạch 12/KH-UBND")).andExpect(status().is3xxRedirection());
		assertThat(plans.plan(2027).orElseThrow().name()).isEqualTo("Kế hoạch 12/KH-UBND");
	}

	@Test
	void settingsRefuseMarkupAndShowOtherTextEscaped() throws Exception {
		CommuneSettings original = settings.current();
		try {
			mvc.perform(post("/settings").with(OFFICER).with(csrf()).param("communeName", "<script>alert(1)</script>")
				.param("superiorAuthority", "UBND TỈNH ĐIỆN BIÊN").param("province", "Tỉnh Điện Biên").param("officerName", "Hoa"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("không được chứa thẻ HTML")))
				.andExpect(content().string(not(containsString("<script>alert"))));
			assertThat(settings.current()).isEqualTo(original);

			mvc.perform(post("/settings").with(OFFICER).with(csrf()).param("communeName", "Xã Tả Phìn & \"Mới\"")
				.param("superiorAuthority", "UBND TỈNH LAI CHÂU").param("province", "Tỉnh Lai Châu").param("officerName", "Lò Văn Hùng"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("info", "Đã lưu cài đặt."));
			assertThat(settings.current().communeName()).isEqualTo("Xã Tả Phìn & \"Mới\"");
			mvc.perform(get("/settings").with(OFFICER))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Xã Tả Phìn &amp; &quot;Mới&quot;")))
				.andExpect(content().string(containsString(key.fingerprint())))
				.andExpect(content().string(containsString("-----BEGIN PUBLIC KEY-----")));
			mvc.perform(get("/api/evidence/public-key").with(OFFICER))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/plain"))
				.andExpect(content().string(key.publicKeyPem()));

			mvc.perform(post("/settings").with(OFFICER).with(csrf()).param("communeName", ""))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Cần nhập „Tên xã, phường“")));
			mvc.perform(post("/settings").with(user("lanhdao").roles("APPROVER")).with(csrf()).param("communeName", "Xã X"))
				.andExpect(status().isForbidden());
		}
		finally {
			settings.save(original, "test");
		}
	}
}
