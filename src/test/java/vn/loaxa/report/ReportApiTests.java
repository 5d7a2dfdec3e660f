package vn.loaxa.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bad input on the report and evidence API: 4xx JSON with a Vietnamese message, never a 500. */
class ReportApiTests extends ReportTestSupport {

	@Autowired
	MockMvc mvc;

	MockHttpServletRequestBuilder api(String path) {
		return get(path).with(httpBasic("admin", ADMIN_PASSWORD));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "period=2026-Q5|invalid_period|Kỳ báo cáo không hợp lệ",
			"period=2026-13|invalid_period|Kỳ báo cáo không hợp lệ",
			"period=2026-Q1&format=odt|invalid_format|Định dạng không hỗ trợ",
			"period=2026-Q9&format=docx|invalid_period|Kỳ báo cáo không hợp lệ",
			"from=2026-03-10&to=2026-03-01|invalid_period|phải trước hoặc bằng ngày kết thúc",
			"from=10/03/2026&to=01/03/2026|invalid_period|phải trước hoặc bằng ngày kết thúc",
			"from=2026-03-10|invalid_period|Cần nhập cả ngày bắt đầu và ngày kết thúc",
			"from=2026-02-30&to=2026-03-01|invalid_date|Ngày không hợp lệ",
			"format=json|invalid_period|Cần chọn kỳ báo cáo" })
	void badReportRequests(String query, String code, String message) throws Exception {
		mvc.perform(api("/api/reports?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(code))
			.andExpect(jsonPath("$.message").value(containsString(message)));
	}

	@Test
	void customRangeByFromAndTo() throws Exception {
		mvc.perform(api("/api/reports?from=14/03/2026&to=2026-03-15&format=json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period.code").value("2026-03-14..2026-03-15"))
			.andExpect(jsonPath("$.totals.airings").value(2));
	}

	@Test
	void theApiNeedsALogin() throws Exception {
		mvc.perform(get("/api/reports?period=2026-Q1")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/broadcasts/verify")).andExpect(status().isUnauthorized());
	}

	@Test
	void broadcastsOfLocalDays() throws Exception {
		// 14/03/2026 local: only #7 at 23:59 (16:59 UTC), never #14 at 15/03 00:00 local (14/03 17:00 UTC)
		mvc.perform(api("/api/broadcasts?from=2026-03-14&to=2026-03-14"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].zone").value("thon-hua-ca"))
			.andExpect(jsonPath("$[0].scheduledStart").value(startsWith("2026-03-14T23:59:00+07:00")))
			.andExpect(jsonPath("$[0].clipTitle").value("Thông báo lịch tiếp công dân \"tháng 3\""))
			.andExpect(jsonPath("$[0].hash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
		mvc.perform(api("/api/broadcasts?from=2026-02-24&to=2026-02-24&zone=ban-na-lay"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].correctsId").value(org.hamcrest.Matchers.notNullValue()))
			.andExpect(jsonPath("$[1].outcome").value("FAILED"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "from=2026-03-15&to=2026-03-14|invalid_range",
			"from=14/03/2026|invalid_date", "from=2026-13-01|invalid_date" })
	void badBroadcastRequests(String query, String code) throws Exception {
		mvc.perform(api("/api/broadcasts?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(code))
			.andExpect(jsonPath("$.message").isNotEmpty());
	}

	@Test
	void verifyTheChain() throws Exception {
		mvc.perform(api("/api/broadcasts/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.firstBrokenId").isEmpty())
			.andExpect(jsonPath("$.recordsChecked").value(org.hamcrest.Matchers.greaterThanOrEqualTo(18)));
	}
}
