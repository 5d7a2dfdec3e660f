package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The log page's exports over the fixture: the page's filters, Vietnamese headings, diacritics, a BOM in the CSV. */
class LogExportTests extends ReportTestSupport {

	@Autowired
	MockMvc mvc;

	private byte[] export(String file, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get("/broadcasts/export." + file).with(user("canbo").roles("OFFICER"));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("." + file)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static List<CSVRecord> csv(byte[] body) throws Exception {
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3),
				StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
			return parser.getRecords();
		}
	}

	@Test
	void csvHoldsTheFilteredRowsWithVietnameseHeadings() throws Exception {
		// thôn Hủa Ca in February: #4 PLAYED on 10/02 17:00, #11 FAILED on 23/02 05:30
		List<CSVRecord> rows = csv(export("csv", "from", "01/02/2026", "to", "28/02/2026", "zone", "thon-hua-ca"));
		assertThat(rows.get(0).toList()).containsExactly("Số hiệu", "Cụm loa", "Giờ theo lịch", "Giờ phát thực tế",
				"Tiêu đề", "Loại", "Lĩnh vực", "Kết quả", "Mã băm chuỗi");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).toList().subList(1, 8)).containsExactly("thon-hua-ca", "10/02/2026 17:00:00",
				"10/02/2026 17:00:00", "Chuyển đổi số: thanh toán không dùng tiền mặt", "Bài", "Chuyển đổi số", "Đã phát");
		assertThat(rows.get(2).get(7)).isEqualTo("Lỗi");

		List<CSVRecord> failed = csv(export("csv", "from", "01/02/2026", "to", "28/02/2026", "zone", "thon-hua-ca",
				"outcome", "FAILED"));
		assertThat(failed).hasSize(2);
		assertThat(failed.get(1).get(4)).isEqualTo("Khẩu hiệu: Giữ gìn vệ sinh thôn bản");
	}

	@Test
	void xlsxHoldsTheSameRows() throws Exception {
		byte[] body = export("xlsx", "from", "01/02/2026", "to", "28/02/2026", "zone", "thon-hua-ca");
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows).hasSize(3);
			assertThat(rows.get(0).getCellText(2)).isEqualTo("Giờ theo lịch");
			assertThat(rows.get(1).getCellText(4)).isEqualTo("Chuyển đổi số: thanh toán không dùng tiền mặt");
			assertThat(rows.get(2).getCellText(7)).isEqualTo("Lỗi");
		}
	}

	@Test
	void aBadFilterIsRefusedInVietnamese() throws Exception {
		mvc.perform(get("/broadcasts/export.csv").param("outcome", "<b>x</b>").with(user("canbo").roles("OFFICER")))
			.andExpect(status().is4xxClientError());
		mvc.perform(get("/broadcasts/export.csv").param("from", "10/03/2026").param("to", "01/03/2026")
				.with(user("canbo").roles("OFFICER")))
			.andExpect(status().isBadRequest());
	}
}
