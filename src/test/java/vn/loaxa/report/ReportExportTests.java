package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every export of the fixture's 2026-Q1-statutory report, read back with a reader library, shows the
 * numbers of the JSON report, and keeps its diacritics.
 */
class ReportExportTests extends ReportTestSupport {

	static final String PERIOD = "2026-Q1-statutory";
	static final String[] SECTIONS = { "byKind", "byTopic", "byZone", "byMonth" };
	static final String[] KEYS = { "kind", "topic", "zone", "month" };
	static final String[] TOTALS = { "clips", "airings", "minutes", "partial", "interrupted", "missed", "failed",
			"onTimeRate" };

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	vn.loaxa.schedule.Schedule schedule;

	JsonNode json() throws Exception {
		byte[] body = download("json", "application/json");
		return mapper.readTree(body);
	}

	byte[] download(String format, String type) throws Exception {
		return mvc.perform(get("/api/reports").param("period", PERIOD).param("format", format)
				.with(httpBasic("admin", ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(type)))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString("bao-cao-loa-" + PERIOD + "." + format)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void jsonHasTheContractShape() throws Exception {
		JsonNode json = json();
		assertThat(json.get("period").get("code").asText()).isEqualTo(PERIOD);
		assertThat(json.get("period").get("from").asText()).isEqualTo("2025-12-15");
		assertThat(json.get("period").get("to").asText()).isEqualTo("2026-03-14");
		assertThat(json.get("totals").get("airings").asLong()).isEqualTo(8);
		assertThat(json.get("totals").get("minutes").asDouble()).isEqualTo(12.6);
		assertThat(json.get("totals").get("onTimeRate").asDouble()).isEqualTo(0.75);
		assertThat(json.get("byKind").get(0).get("kind").asText()).isEqualTo("NEWS");
		assertThat(json.get("byMonth").get(0).get("month").asText()).isEqualTo("2025-12");
		assertThat(json.get("targets").get(1).get("name").asText()).isEqualTo("02 bài mỗi tháng về chuyển đổi số");
		assertThat(json.get("targets").get(1).fieldNames()).toIterable()
			.containsExactly("name", "planned", "done", "percent", "forecast");
		assertThat(json.get("targets").get(1).get("forecast").fieldNames()).toIterable()
			.contains("done", "planned", "pacePerWeek", "projected", "periodEnd", "neededPerWeek", "onTrack");
	}

	@Test
	void xlsxSummaryAndEvidenceShowTheJsonFigures() throws Exception {
		JsonNode json = json();
		byte[] xlsx = download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		Map<String, Row> byCode = new HashMap<>();
		List<Row> evidence = new ArrayList<>();
		List<String> summaryTexts = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<String> sheets = wb.getSheets().map(s -> s.getName()).toList();
			assertThat(sheets).containsExactly("Tổng hợp", "Nhật ký phát sóng", "Kiểm chứng", "Dự báo");
			for (Row row : wb.getSheet(0).orElseThrow().read()) {
				for (int i = 0; i < row.getCellCount(); i++) {
					summaryTexts.add(row.getCellText(i));
				}
				if (row.getCellCount() > 3 && !row.getCellText(2).isEmpty()) {
					byCode.putIfAbsent(row.getCellText(2), row);
				}
			}
			evidence.addAll(wb.getSheet(1).orElseThrow().read());
		}
		for (String total : TOTALS) {
			assertThat(number(byCode.get(total), 3)).as(total).isEqualTo(json.get("totals").get(total).asDouble());
		}
		for (int s = 0; s < SECTIONS.length; s++) {
			for (JsonNode row : json.get(SECTIONS[s])) {
				Row cells = byCode.get(row.get(KEYS[s]).asText());
				assertThat(cells).as(row.toString()).isNotNull();
				assertThat(number(cells, 3)).isEqualTo(row.get("clips").asDouble());
				assertThat(number(cells, 4)).isEqualTo(row.get("airings").asDouble());
				assertThat(number(cells, 5)).isEqualTo(row.get("minutes").asDouble());
			}
		}
		JsonNode targets = json.get("targets");
		for (int i = 0; i < targets.size(); i++) {
			Row cells = byCode.get("T" + (i + 1));
			assertThat(cells.getCellText(1)).isEqualTo(targets.get(i).get("name").asText());
			assertThat(number(cells, 3)).isEqualTo(targets.get(i).get("planned").asDouble());
			assertThat(number(cells, 4)).isEqualTo(targets.get(i).get("done").asDouble());
			assertThat(number(cells, 5)).isEqualTo(targets.get(i).get("percent").asDouble());
		}
		assertThat(summaryTexts).contains("Người lập biểu", "Thủ trưởng đơn vị", "Kế hoạch 45/KH-UBND",
				"Chuyển đổi số", "Không tìm thấy tệp");

		Row head = evidence.get(0);
		assertThat(head.getCellText(2)).isEqualTo("Ngày");
		List<Row> rows = evidence.subList(1, evidence.size());
		// every record that counts: 8 PLAYED, 1 PARTIAL, 1 INTERRUPTED, 1 MISSED, 2 FAILED
		assertThat(rows).hasSize(13);
		assertThat(rows.stream().filter(r -> r.getCellText(10).equals("PLAYED")).count())
			.isEqualTo(json.get("totals").get("airings").asLong());
		double playedSeconds = rows.stream()
			.filter(r -> r.getCellText(10).equals("PLAYED"))
			.mapToDouble(r -> number(r, 9))
			.sum();
		assertThat(ReportFigures.minutes(Math.round(playedSeconds * 1000))).isEqualTo(json.get("totals").get("minutes").asDouble());
		Row last = rows.get(rows.size() - 1);
		assertThat(last.getCellText(1)).isEqualTo("thon-hua-ca");
		assertThat(last.getCellText(2)).isEqualTo("14/03/2026");
		assertThat(last.getCellText(3)).isEqualTo("23:59:00");
		assertThat(last.getCellText(4)).isEqualTo("23:59:01");
		assertThat(last.getCellText(6)).isEqualTo("Thông báo lịch tiếp công dân \"tháng 3\"");
		assertThat(last.getCellText(7)).isEqualTo("ANNOUNCEMENT");
		assertThat(last.getCellText(8)).isEqualTo("CIVIL_SERVICE");
		assertThat(last.getCellText(13)).isEqualTo(ReportFixture.sha(ReportFixture.C5));
		assertThat(last.getCellText(14)).matches("[0-9a-f]{64}");
		assertThat(rows.get(0).getCellText(2)).isEqualTo("15/12/2025");
		assertThat(rows.get(0).getCellText(3)).isEqualTo("00:00:00");
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.getCellText(11)).isEqualTo("Loa hỏng, phát lại sau");
			assertThat(r.getCellText(12)).isNotEmpty();
		});
	}

	@Test
	void csvShowsTheJsonFiguresWithABom() throws Exception {
		JsonNode json = json();
		byte[] csv = download("csv", "text/csv");
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		Map<String, CSVRecord> rows = new HashMap<>();
		List<CSVRecord> problems = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
				StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			for (CSVRecord r : parser) {
				rows.put(r.get("section") + "/" + r.get("code"), r);
				if (r.get("section").equals("problems")) {
					problems.add(r);
				}
			}
		}
		assertThat(rows.get("period/code").get("value")).isEqualTo(PERIOD);
		for (String total : TOTALS) {
			assertThat(Double.parseDouble(rows.get("totals/" + total).get("value"))).as(total)
				.isEqualTo(json.get("totals").get(total).asDouble());
		}
		for (int s = 0; s < SECTIONS.length; s++) {
			for (JsonNode row : json.get(SECTIONS[s])) {
				CSVRecord r = rows.get(SECTIONS[s] + "/" + row.get(KEYS[s]).asText());
				assertThat(Double.parseDouble(r.get("clips"))).isEqualTo(row.get("clips").asDouble());
				assertThat(Double.parseDouble(r.get("airings"))).isEqualTo(row.get("airings").asDouble());
				assertThat(Double.parseDouble(r.get("minutes"))).isEqualTo(row.get("minutes").asDouble());
			}
		}
		JsonNode targets = json.get("targets");
		for (int i = 0; i < targets.size(); i++) {
			CSVRecord r = rows.get("targets/T" + (i + 1));
			assertThat(r.get("label")).isEqualTo(targets.get(i).get("name").asText());
			assertThat(Double.parseDouble(r.get("planned"))).isEqualTo(targets.get(i).get("planned").asDouble());
			assertThat(Double.parseDouble(r.get("done"))).isEqualTo(targets.get(i).get("done").asDouble());
			assertThat(Double.parseDouble(r.get("percent"))).isEqualTo(targets.get(i).get("percent").asDouble());
		}
		assertThat(rows.get("byTopic/DIGITAL_TRANSFORMATION").get("label")).isEqualTo("Chuyển đổi số");
		assertThat(problems).extracting(r -> r.get("label")).contains("Loa hỏng, phát lại sau", "Mất điện");
		// texts are quoted, so a ; or , in a name stays in its cell
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		assertThat(text).contains("\"Loa hỏng, phát lại sau\"");
	}

	@Test
	void pdfShowsTheJsonFiguresInVietnamese() throws Exception {
		JsonNode json = json();
		byte[] pdf = download("pdf", "application/pdf");
		String text;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			text = stripper.getText(doc);
		}
		List<String> lines = text.lines().map(String::strip).toList();
		assertThat(text).contains("BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN TRÊN HỆ THỐNG LOA TRUYỀN THANH", "Người lập biểu",
				"Thủ trưởng đơn vị", "Kế hoạch 45/KH-UBND", "15/12/2025 – 14/03/2026", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "Chuyển đổi số", "Loa hỏng, phát lại sau");
		for (String total : TOTALS) {
			assertThat(lines).as(total).anyMatch(l -> l.endsWith(total + " " + json.get("totals").get(total).asText()));
		}
		for (int s = 0; s < SECTIONS.length; s++) {
			for (JsonNode row : json.get(SECTIONS[s])) {
				String expected = row.get(KEYS[s]).asText() + " " + row.get("clips").asText() + " "
						+ row.get("airings").asText() + " " + row.get("minutes").asText();
				assertThat(lines).as(expected).anyMatch(l -> l.endsWith(expected));
			}
		}
		JsonNode targets = json.get("targets");
		for (int i = 0; i < targets.size(); i++) {
			String expected = "T" + (i + 1) + " " + targets.get(i).get("planned").asText() + " "
					+ targets.get(i).get("done").asText() + " " + targets.get(i).get("percent").asText();
			assertThat(lines).as(expected).anyMatch(l -> l.endsWith(expected));
		}
	}

	@Test
	void aPeriodWithoutDataGivesValidFilesWithZeros() throws Exception {
		for (String format : List.of("xlsx", "csv", "pdf", "json")) {
			byte[] body = mvc.perform(get("/api/reports").param("period", "2031-Q2").param("format", format)
					.with(httpBasic("admin", ADMIN_PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(body).as(format).isNotEmpty();
			if (format.equals("xlsx")) {
				try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body))) {
					assertThat(wb.getSheet(1).orElseThrow().read()).hasSize(1);
				}
			}
			if (format.equals("pdf")) {
				try (PDDocument doc = Loader.loadPDF(body)) {
					assertThat(new PDFTextStripper().getText(doc)).contains("Không có.");
				}
			}
			if (format.equals("json")) {
				assertThat(mapper.readTree(body).get("totals").get("airings").asLong()).isZero();
			}
		}
	}

	/** The document number and the place-and-date line, from the commune settings; bad settings save nothing. */
	@Test
	void pdfHasTheAdministrativeFormLines() throws Exception {
		CommuneSettings before = settings.current();
		try {
			settings.save(new CommuneSettings(before.communeName(), before.superiorAuthority(), before.province(),
					before.officerName(), "12/BC-UBND", "Na Lay"), "test");
			String planName = plans.plan(2026).orElseThrow().name();
			plans.savePlan(2026, planName, "45/KH-UBND", "15/01/2026");
			for (String[] bad : new String[][] { { "<i>45</i>", "15/01/2026" }, { "x".repeat(101), "15/01/2026" },
					{ "46/KH-UBND", "32/01/2026" } }) {
				assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> plans.savePlan(2026, planName, bad[0], bad[1])))
					.isInstanceOf(vn.loaxa.config.UserError.class);
			}
			assertThat(plans.document(2026).number()).isEqualTo("45/KH-UBND");
			java.time.LocalDate today = java.time.LocalDate.now(ReportFixture.HCM);
			String text;
			try (PDDocument doc = Loader.loadPDF(download("pdf", "application/pdf"))) {
				text = new PDFTextStripper().getText(doc);
			}
			assertThat(text).contains("Căn cứ Kế hoạch số 45/KH-UBND ngày 15/01/2026", "Số: 12/BC-UBND", "Na Lay, ngày "
					+ String.format("%02d tháng %02d năm %d", today.getDayOfMonth(), today.getMonthValue(), today.getYear()),
					"Kế hoạch 45/KH-UBND");

			for (String[] bad : new String[][] { { "<b>12</b>/BC-UBND", "Na Lay" }, { "12/BC-UBND", "x".repeat(201) },
					{ "12/BC\u0007", "Na Lay" } }) {
				assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> settings.save(new CommuneSettings(
						before.communeName(), before.superiorAuthority(), before.province(), before.officerName(), bad[0], bad[1]),
						"test"))).isInstanceOf(vn.loaxa.config.UserError.class);
			}
			assertThat(settings.current().documentNumber()).isEqualTo("12/BC-UBND");
			assertThat(settings.current().place()).isEqualTo("Na Lay");

			String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/settings")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
					.locale(java.util.Locale.forLanguageTag("vi"))
					.param("communeName", before.communeName()).param("documentNumber", "<script>x</script>").param("place", "Na Lay"))
				.andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(refused).contains("Số văn bản").doesNotContain("Exception");
			assertThat(settings.current().documentNumber()).isEqualTo("12/BC-UBND");
		}
		finally {
			settings.save(before, "test");
		}
	}

	@Autowired
	CommuneSettingsStore settings;

	@Autowired
	PlanTargets plans;

	/** After the figures, one row per record that counts, like the XLSX evidence sheet; the anchor rows stay last. */
	@Test
	void csvCarriesTheEvidenceRowsAfterTheFigures() throws Exception {
		byte[] csv = download("csv", "text/csv");
		List<CSVRecord> all = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3),
				StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			parser.forEach(all::add);
		}
		List<String> sections = all.stream().map(r -> r.get("section")).toList();
		int heading = sections.indexOf("evidence");
		assertThat(sections.subList(0, heading)).doesNotContain("anchor");
		assertThat(sections.subList(sections.size() - 2, sections.size())).containsExactly("anchor", "anchor");
		CSVRecord columns = all.get(heading);
		assertThat(columns.toList()).containsExactly("evidence", "columns", "Cụm loa", "Giờ theo lịch", "Giờ phát thực tế",
				"Tiêu đề", "Loại", "Lĩnh vực", "Kết quả", "Mã băm chuỗi", "Văn bản đã đọc");
		List<CSVRecord> rows = all.stream().filter(r -> r.get("section").equals("evidence")).skip(1).toList();
		// the fixture's records that count: 8 PLAYED, 1 PARTIAL, 1 INTERRUPTED, 1 MISSED, 2 FAILED
		assertThat(rows).hasSize(13);
		assertThat(rows.stream().filter(r -> r.get(8).equals("Đã phát")).count()).isEqualTo(8);
		CSVRecord last = rows.get(rows.size() - 1);
		assertThat(last.toList().subList(2, 9)).containsExactly("thon-hua-ca", "14/03/2026 23:59:00",
				"14/03/2026 23:59:01", "Thông báo lịch tiếp công dân \"tháng 3\"", "Thông báo", "Cải cách chế độ công vụ",
				"Đã phát");
		assertThat(last.get(9)).matches("[0-9a-f]{64}");
		// an uploaded clip, not a text bulletin: nothing read out
		assertThat(last.get(10)).isEmpty();
		assertThat(rows.get(0).get(3)).isEqualTo("15/12/2025 00:00:00");
	}

	/** The plan in force names ban-na-lay "Bản Na Lay"; thon-hua-ca is no longer in it and keeps its id. */
	@Test
	void zonesAreShownByTheirNamesInEveryFormatAndJsonKeepsTheIds() throws Exception {
		java.nio.file.Path plans = DATA_DIR.resolve("no-schedules");
		java.nio.file.Files.createDirectories(plans);
		java.nio.file.Files.writeString(plans.resolve("zones.yaml"), """
				channels:
				  - id: main
				    name: Đường loa chính
				    output: file
				zones:
				  - id: ban-na-lay
				    name: Bản Na Lay
				    channel: main
				""");
		assertThat(schedule.reload().ok()).isTrue();
		JsonNode zoneRow = null;
		for (JsonNode row : json().get("byZone")) {
			if (row.get("zone").asText().equals("ban-na-lay")) {
				zoneRow = row;
			}
		}
		assertThat(zoneRow).isNotNull();
		assertThat(zoneRow.get("name").asText()).isEqualTo("Bản Na Lay");

		String csv = new String(download("csv", "text/csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("\"byZone\",\"ban-na-lay\",\"Bản Na Lay\"");

		List<String> summary = new ArrayList<>();
		List<String> evidenceZones = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(download("xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
			for (Row row : wb.getSheet(0).orElseThrow().read()) {
				if (row.getCellCount() > 2 && row.getCellText(2).equals("ban-na-lay")) {
					summary.add(row.getCellText(1));
				}
			}
			for (Row row : wb.getSheet(1).orElseThrow().read()) {
				evidenceZones.add(row.getCellText(1));
			}
		}
		assertThat(summary).containsExactly("Bản Na Lay");
		assertThat(evidenceZones).contains("Bản Na Lay", "thon-hua-ca").doesNotContain("ban-na-lay");

		try (PDDocument doc = Loader.loadPDF(download("pdf", "application/pdf"))) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			assertThat(stripper.getText(doc)).contains("Bản Na Lay ban-na-lay");
		}

		String page = mvc.perform(get("/reports").param("period", PERIOD)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(">Bản Na Lay</td>");
	}

	private static double number(Row row, int column) {
		try {
			return row.getCellAsNumber(column).map(BigDecimal::doubleValue).orElseThrow();
		}
		catch (RuntimeException e) {
			throw new AssertionError("not a number in column " + column + " of " + row, e);
		}
	}

}
