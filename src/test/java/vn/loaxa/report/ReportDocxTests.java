package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.support.Requires;

/**
 * The filed report of 2026-Q1 (the fixture's log, {@link ReportFixture}) as a Word document: the
 * decree's title block from the commune settings, the subject, and every number of its sentences
 * and tables read back from the DOCX and compared with the JSON report of the same period; the
 * evidence it names is the anchor's and the bundle's; LibreOffice opens it.
 */
class ReportDocxTests extends ReportTestSupport {

	static final Map<String, String> KINDS = Map.of("Tin", "NEWS", "Bài", "ARTICLE", "Phóng sự", "REPORTAGE",
			"Khẩu hiệu", "SLOGAN", "Thông báo", "ANNOUNCEMENT");
	static final Map<String, String> TOPICS = Map.of("Cải cách thể chế", "INSTITUTIONS", "Cải cách thủ tục hành chính",
			"PROCEDURES", "Cải cách tổ chức bộ máy", "APPARATUS", "Cải cách chế độ công vụ", "CIVIL_SERVICE",
			"Cải cách tài chính công", "PUBLIC_FINANCE", "Chính quyền điện tử, chính quyền số", "DIGITAL_GOVERNMENT",
			"Chuyển đổi số", "DIGITAL_TRANSFORMATION", "Khác", "OTHER");

	@Autowired
	MockMvc mvc;

	@Autowired
	CommuneSettingsStore settings;

	@Autowired
	ObjectMapper mapper;

	CommuneSettings before;

	@BeforeEach
	void fileAs() {
		before = settings.current();
		settings.save(new CommuneSettings("Xã Na Lay", "UBND tỉnh Điện Biên", "Tỉnh Điện Biên", "Nguyễn Thị Hoa", "",
				"Na Lay", "- Như trên;\n- UBND tỉnh (để b/c);\n- Lưu: VT, VHXH.",
				"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Lò Văn Thắng"), "test");
	}

	@AfterEach
	void restore() {
		settings.save(before, "test");
	}

	MockHttpServletResponse fetch(String path) throws Exception {
		return mvc.perform(get(path).with(httpBasic("admin", ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	@Test
	void theQuarterAsAWordDocumentInTheDecreesFormWithTheJsonReportsFigures() throws Exception {
		MockHttpServletResponse word = fetch("/api/reports?period=2026-Q1&format=docx");
		assertThat(word.getContentType())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(word.getHeader("Content-Disposition")).startsWith("attachment").contains("bao-cao-loa-2026-Q1.docx");
		JsonNode json = mapper.readTree(fetch("/api/reports?period=2026-Q1").getContentAsByteArray());

		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word.getContentAsByteArray()))) {
			List<String> body = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			XWPFTable header = doc.getTables().get(0);
			assertThat(lines(header.getRow(0).getCell(0).getParagraphs())).containsExactly("UBND TỈNH ĐIỆN BIÊN",
					"UBND XÃ NA LAY", "———");
			assertThat(lines(header.getRow(0).getCell(1).getParagraphs())).startsWith(
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
			assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: …/BC-UBND");
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
			assertThat(header.getRow(1).getCell(1).getText()).isEqualTo(String.format(
					"Na Lay, ngày %02d tháng %02d năm %d", today.getDayOfMonth(), today.getMonthValue(), today.getYear()));
			assertThat(body).containsSubsequence("BÁO CÁO",
					"Kết quả tuyên truyền trên hệ thống loa truyền thanh quý I năm 2026");

			totalsSentence(json.path("totals"), json.path("byZone").size(), body);
			kindTable(json, table(doc, "Loại"));
			topics(json, table(doc, "Lĩnh vực"), body);
			zoneTable(json, table(doc, "Cụm loa"));
			targets(json, table(doc, "Chỉ tiêu"), body);
			problems(json, body);
			evidence(json.path("anchor"), body);
			signature(doc.getTables().get(doc.getTables().size() - 1));
		}
	}

	/** "… đã phát 6 tin, bài, gồm …; tổng thời lượng 12,8 phút; 9 lượt phát tại 3 cụm loa; tỷ lệ … 77,8%." */
	private static void totalsSentence(JsonNode totals, int zones, List<String> body) {
		String sentence = paragraph(body, "Trong kỳ, Đài truyền thanh xã đã phát");
		assertThat(count(find(sentence, "đã phát (\\S+) tin, bài"))).isEqualTo(totals.path("clips").asLong());
		assertThat(decimal(find(sentence, "tổng thời lượng (\\S+) phút"))).isEqualTo(totals.path("minutes").asDouble());
		assertThat(count(find(sentence, "(\\S+) lượt phát tại"))).isEqualTo(totals.path("airings").asLong());
		assertThat(count(find(sentence, "tại (\\S+) cụm loa"))).isEqualTo(zones);
		assertThat(decimal(find(sentence, "đúng giờ (\\S+)%"))).isEqualTo(
				Math.round(totals.path("onTimeRate").asDouble() * 1000) / 10.0);
	}

	private static void kindTable(JsonNode json, XWPFTable table) {
		Map<String, List<String>> rows = rows(table);
		assertThat(rows).hasSize(json.path("byKind").size() + 1);
		for (JsonNode k : json.path("byKind")) {
			String label = KINDS.entrySet().stream().filter(e -> e.getValue().equals(k.path("kind").asText()))
				.findFirst().orElseThrow().getKey();
			sameFigures(rows.get(label), k);
		}
		sameFigures(rows.get("Cộng"), json.path("totals"));
	}

	private static void topics(JsonNode json, XWPFTable table, List<String> body) {
		Map<String, List<String>> rows = rows(table);
		String sentence = paragraph(body, "Theo lĩnh vực:");
		assertThat(rows).hasSize(json.path("byTopic").size());
		for (JsonNode t : json.path("byTopic")) {
			String label = TOPICS.entrySet().stream().filter(e -> e.getValue().equals(t.path("topic").asText()))
				.findFirst().orElseThrow().getKey();
			sameFigures(rows.get(label), t);
			if (t.path("airings").asLong() == 0 && t.path("clips").asLong() == 0) {
				continue; // a topic that did not air is in the table, not in the sentence
			}
			String lower = label.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + label.substring(1);
			Matcher m = Pattern.compile(Pattern.quote(lower) + " (\\S+) tin, bài \\((\\S+) lượt phát, (\\S+) phút\\)")
				.matcher(sentence);
			assertThat(m.find()).as(lower + " in: " + sentence).isTrue();
			assertThat(count(m.group(1))).isEqualTo(t.path("clips").asLong());
			assertThat(count(m.group(2))).isEqualTo(t.path("airings").asLong());
			assertThat(decimal(m.group(3))).isEqualTo(t.path("minutes").asDouble());
		}
	}

	private static void zoneTable(JsonNode json, XWPFTable table) {
		Map<String, List<String>> rows = rows(table);
		assertThat(rows).hasSize(json.path("byZone").size());
		json.path("byZone").forEach(z -> sameFigures(rows.get(z.path("name").asText()), z));
	}

	private static void targets(JsonNode json, XWPFTable table, List<String> body) {
		Map<String, List<String>> rows = rows(table);
		assertThat(json.path("targets").size()).isEqualTo(3);
		for (JsonNode t : json.path("targets")) {
			List<String> row = rows.get(t.path("name").asText());
			assertThat(count(row.get(0))).isEqualTo(t.path("planned").asLong());
			assertThat(count(row.get(1))).isEqualTo(t.path("done").asLong());
			assertThat(decimal(row.get(2).replace("%", ""))).isEqualTo(t.path("percent").asDouble());
			String sentence = paragraph(body, "Chỉ tiêu «" + t.path("name").asText() + "»: thực hiện");
			assertThat(count(find(sentence, "thực hiện (\\d[\\d.]*)/"))).isEqualTo(t.path("done").asLong());
			assertThat(count(find(sentence, "/(\\d[\\d.]*),"))).isEqualTo(t.path("planned").asLong());
			assertThat(t.path("forecast").path("periodEnd").asText()).isEqualTo("2026-12-31");
		}
	}

	/** "Có 4 lượt không phát trọn vẹn: 1 lượt phát một phần, …. Nguyên nhân: mất điện (bị ngắt): 1 lượt; …" */
	private static void problems(JsonNode json, List<String> body) {
		JsonNode t = json.path("totals");
		String sentence = paragraph(body, "Có ");
		long all = t.path("partial").asLong() + t.path("interrupted").asLong() + t.path("missed").asLong()
				+ t.path("failed").asLong();
		assertThat(count(find(sentence, "Có (\\S+) lượt không phát trọn vẹn"))).isEqualTo(all);
		assertThat(count(find(sentence, "(\\S+) lượt bị lỡ"))).isEqualTo(t.path("missed").asLong());
		assertThat(count(find(sentence, "(\\S+) lượt bị ngắt"))).isEqualTo(t.path("interrupted").asLong());
		for (JsonNode p : json.path("problems")) {
			String reason = p.path("reason").asText();
			String lower = reason.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + reason.substring(1);
			assertThat(count(find(sentence, Pattern.quote(lower) + " \\([^)]*\\): (\\S+) lượt")))
				.isEqualTo(p.path("count").asLong());
		}
	}

	private void evidence(JsonNode anchor, List<String> body) throws Exception {
		String text = String.join("\n", body);
		assertThat(text).contains(anchor.path("firstId").asText() + "–" + anchor.path("lastId").asText(),
				anchor.path("headId").asText() + " " + anchor.path("headHash").asText(),
				anchor.path("keyFingerprint").asText());
		assertThat(text).containsPattern("Chữ ký của xã \\(Ed25519\\): [A-Za-z0-9+/=]{80,}");
		String bundle = fetch("/api/evidence?period=2026-Q1").getHeader("Content-Disposition");
		String named = find(text, "Tệp bằng chứng gửi kèm: (\\S+)\\.\\n?");
		assertThat(org.springframework.http.ContentDisposition.parse(bundle).getFilename()).isEqualTo(named);
	}

	private static void signature(XWPFTable last) {
		assertThat(lines(last.getRow(0).getCell(0).getParagraphs())).containsExactly("Nơi nhận:", "- Như trên;",
				"- UBND tỉnh (để b/c);", "- Lưu: VT, VHXH.");
		assertThat(lines(last.getRow(0).getCell(1).getParagraphs())).containsSubsequence("TM. ỦY BAN NHÂN DÂN",
				"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Thắng");
	}

	@Test
	void libreOfficeOpensItAndWritesAPdf(@TempDir Path dir) throws Exception {
		Path soffice = Requires.soffice();
		Path docx = dir.resolve("bao-cao.docx");
		Files.write(docx, fetch("/api/reports?period=2026-Q1&format=docx").getContentAsByteArray());
		Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
				"--headless", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("soffice.log").toFile())
			.start();
		assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
		Path pdf = dir.resolve("bao-cao.pdf");
		assertThat(pdf).exists();
		assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
		// kept for a look, as the browser tests keep their screenshots
		Path kept = Files.createDirectories(Path.of("target", "docx"));
		Files.copy(docx, kept.resolve("bao-cao-loa-2026-Q1.docx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.copy(pdf, kept.resolve("bao-cao-loa-2026-Q1.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	// --- reading the document back: numbers parsed in Vietnamese style, not formatted by the code under test

	static long count(String text) {
		assertThat(text).matches("\\d{1,3}(\\.\\d{3})*");
		return Long.parseLong(text.replace(".", ""));
	}

	static double decimal(String text) {
		assertThat(text).matches("\\d{1,3}(\\.\\d{3})*(,\\d)?");
		return Double.parseDouble(text.replace(".", "").replace(',', '.'));
	}

	private static void sameFigures(List<String> row, JsonNode figures) {
		assertThat(row).as("row for " + figures).isNotNull();
		assertThat(count(row.get(0))).isEqualTo(figures.path("clips").asLong());
		assertThat(count(row.get(1))).isEqualTo(figures.path("airings").asLong());
		assertThat(decimal(row.get(2))).isEqualTo(figures.path("minutes").asDouble());
	}

	static String find(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(regex + " in: " + text).isTrue();
		return m.group(1);
	}

	static String paragraph(List<String> body, String start) {
		return body.stream().filter(p -> p.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
				"no paragraph starting «" + start + "» in " + body));
	}

	private static List<String> lines(List<XWPFParagraph> paragraphs) {
		return paragraphs.stream().map(XWPFParagraph::getText).toList();
	}

	/** The data table whose first heading is this, as label → the other cells. */
	static XWPFTable table(XWPFDocument doc, String firstHeading) {
		return doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals(firstHeading))
			.findFirst().orElseThrow(() -> new AssertionError("no table headed " + firstHeading));
	}

	static Map<String, List<String>> rows(XWPFTable table) {
		Map<String, List<String>> rows = new HashMap<>();
		for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
			rows.put(row.getCell(0).getText(), row.getTableCells().subList(1, row.getTableCells().size()).stream()
				.map(c -> c.getText()).toList());
		}
		return rows;
	}
}
