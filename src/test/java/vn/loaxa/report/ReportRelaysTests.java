package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.schedule.PlanEditor;

/**
 * Tiếp sóng in the report of March 2029: two relays' records written through the broadcast log
 * (occasions relayed to two zones, outages, a stream that never came, a cut-in, a switch failure)
 * beside one clip, and the relayed time counted by occasion in every format, apart from the clip's
 * figures; targets of relayed minutes. Expected figures are worked out by hand below.
 *
 * <pre>
 * vov1-bc "VOV1 - Thời sự", slot 30 min (due 1 800 000 ms), zones BNL and THC:
 *   05/03 PLAYED 30 min in each zone                           relayed 30    lost 0   outages 0
 *   06/03 BNL PARTIAL stream_lost 10 + PLAYED 18 (28 min);
 *         THC PARTIAL stream_lost 10 + PLAYED 17.5 (27.5)      relayed 28    lost 2   outages 1
 *   07/03 FAILED stream_unavailable in each zone               relayed 0     lost 30  outages 1
 *   08/03 PARTIAL silence 5 + PARTIAL stream_lost 5 + PLAYED 15 relayed 25   lost 5   outages 2
 *   09/03 INTERRUPTED play_now after 12 min in each zone       relayed 12    lost 18  outages 0
 *   → 4 airings, 95.0 min, 4 outages, 55.0 min lost
 * dai-tinh-bc, slot 15 min (due 900 000 ms), zone BNL only:
 *   10/03 PLAYED 15 min ("Đài PT-TH tỉnh")                     relayed 15
 *   11/03 PARTIAL without a code 7.25 min ("Đài tỉnh Điện Biên") relayed 7.25 lost 7.75 outages 1
 *   12/03 FAILED switch_failed (no due time)                    nothing
 *   → 2 airings, 22.25 → 22.3 min, 1 outage, 7.75 → 7.8 min lost, named by its latest record
 * one clip C1 (1 min) PLAYED at BNL on 05/03.
 * </pre>
 */
class ReportRelaysTests extends ReportTestSupport {

	static final String PERIOD = "2029-03";
	static final int YEAR = 2029;
	static final String VOV = "vov1-bc";
	static final String TINH = "dai-tinh-bc";
	static final long HALF_HOUR = 1_800_000;
	static final long QUARTER = 900_000;
	private static boolean relaysLoaded;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	PlanEditor planEditor;

	@Autowired
	PlanTargets plans;

	@Autowired
	ReportService reports;

	@Autowired
	PlanForecasts forecasts;

	@Autowired
	ReportVerifier verifier;

	@BeforeEach
	void loadRelaysOnce() {
		synchronized (ReportRelaysTests.class) {
			if (relaysLoaded) {
				return;
			}
			planEditor.saveRelay(new PlanEditor.RelayDraft(VOV, "VOV1 - Thời sự",
					List.of("http://127.0.0.1:9/vov1.mp3"), null), null);
			for (String zone : List.of(ReportFixture.BNL, ReportFixture.THC)) {
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-05T06:00", 0, 30, Outcome.PLAYED, null, HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-06T06:00", 0, 10, Outcome.PARTIAL,
						Reason.STREAM_LOST, HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-06T06:00", 12,
						zone.equals(ReportFixture.BNL) ? 18 : 17.5, Outcome.PLAYED, null, HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-07T06:00", 0, 0, Outcome.FAILED,
						Reason.STREAM_UNAVAILABLE, HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-08T06:00", 0, 5, Outcome.PARTIAL, Reason.SILENCE,
						HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-08T06:00", 7, 5, Outcome.PARTIAL,
						Reason.STREAM_LOST, HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-08T06:00", 15, 15, Outcome.PLAYED, null,
						HALF_HOUR));
				log.append(relay(zone, VOV, "VOV1 - Thời sự", "2029-03-09T06:00", 0, 12, Outcome.INTERRUPTED,
						Reason.PLAY_NOW, HALF_HOUR));
			}
			log.append(relay(ReportFixture.BNL, TINH, "Đài PT-TH tỉnh", "2029-03-10T18:00", 0, 15, Outcome.PLAYED, null,
					QUARTER));
			log.append(relay(ReportFixture.BNL, TINH, "Đài tỉnh Điện Biên", "2029-03-11T18:00", 0, 7.25,
					Outcome.PARTIAL, null, QUARTER));
			log.append(relay(ReportFixture.BNL, TINH, "Đài tỉnh Điện Biên", "2029-03-12T18:00", 0, 0, Outcome.FAILED,
					Reason.SWITCH_FAILED, 0));
			log.append(ReportFixture.played(ReportFixture.BNL, ReportFixture.C1, "2029-03-05T07:00", 0));
			relaysLoaded = true;
		}
	}

	/** A relay's record as RelayPlayer writes it: no clip, the relay's name as title, the occasion's start and length. */
	private static Airing relay(String zone, String relay, String name, String occasion, double fromMinute,
			double minutes, Outcome outcome, Reason reason, long dueMs) {
		Instant at = ReportFixture.local(occasion);
		long played = Math.round(minutes * 60_000);
		Instant start = played == 0 ? null : at.plus(Duration.ofMillis(Math.round(fromMinute * 60_000)));
		return Airing.of(zone, "Tiếp sóng " + relay)
			.title(name)
			.scheduled(at)
			.started(start)
			.ended(start == null ? null : start.plusMillis(played))
			.playedMs(played)
			.dueMs(dueMs)
			.outcome(outcome)
			.reason("relay " + relay)
			.reasonCode(reason)
			.relay(relay, outcome == Outcome.FAILED ? null : "http://127.0.0.1:9/" + relay + ".mp3")
			.build();
	}

	MockHttpServletResponse fetch(String path, String... params) throws Exception {
		var request = get(path).with(httpBasic("admin", ADMIN_PASSWORD));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
	}

	@Test
	void jsonCountsEachRelayByOccasionApartFromTheClips() throws Exception {
		JsonNode json = mapper.readTree(fetch("/api/reports", "period", PERIOD).getContentAsByteArray());
		JsonNode relays = json.path("relays");
		assertThat(relays).hasSize(2);
		assertRelay(relays.get(0), TINH, "Đài tỉnh Điện Biên", 2, 22.3, 1, 7.8);
		assertRelay(relays.get(1), VOV, "VOV1 - Thời sự", 4, 95.0, 4, 55.0);
		assertThat(relays.get(0).fieldNames()).toIterable()
			.containsExactly("relay", "name", "airings", "minutes", "outages", "lostMinutes");
		// the commune's own tin, bài: the one clip, as if no relay had aired
		JsonNode totals = json.path("totals");
		assertThat(totals.path("clips").asLong()).isEqualTo(1);
		assertThat(totals.path("airings").asLong()).isEqualTo(1);
		assertThat(totals.path("minutes").asDouble()).isEqualTo(1.0);
		assertThat(json.path("byZone")).hasSize(1);
		assertThat(json.path("byZone").get(0).path("airings").asLong()).isEqualTo(1);
		assertThat(json.path("byKind").findValues("airings").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);

		assertThat(mapper.readTree(fetch("/api/reports", "period", "2029-02").getContentAsByteArray()).path("relays"))
			.as("a period without relays lists none").isEmpty();
	}

	private static void assertRelay(JsonNode row, String id, String name, long airings, double minutes, long outages,
			double lost) {
		assertThat(row.path("relay").asText()).isEqualTo(id);
		assertThat(row.path("name").asText()).isEqualTo(name);
		assertThat(row.path("airings").asLong()).as(id + " airings").isEqualTo(airings);
		assertThat(row.path("minutes").asDouble()).as(id + " minutes").isEqualTo(minutes);
		assertThat(row.path("outages").asLong()).as(id + " outages").isEqualTo(outages);
		assertThat(row.path("lostMinutes").asDouble()).as(id + " lostMinutes").isEqualTo(lost);
	}

	@Test
	void theWorkbookHasATiepSongSheetAndNamesTheRelayInItsEvidence() throws Exception {
		byte[] xlsx = fetch("/api/reports", "period", PERIOD, "format", "xlsx").getContentAsByteArray();
		List<Row> sheet;
		List<Row> evidence;
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheets().map(s -> s.getName()).toList()).contains("Tiếp sóng");
			sheet = wb.findSheet("Tiếp sóng").orElseThrow().read();
			evidence = wb.findSheet("Nhật ký phát sóng").orElseThrow().read();
		}
		assertThat(texts(row(sheet, XlsxRelaySheet.HEADINGS))).containsExactly("STT", "Nguồn tiếp sóng", "Mã",
				"Lượt tiếp sóng", "Số phút", "Số lần mất sóng", "Số phút mất sóng");
		assertCells(row(sheet, 3), "Đài tỉnh Điện Biên", TINH, 2, 22.3, 1, 7.8);
		assertCells(row(sheet, 4), "VOV1 - Thời sự", VOV, 4, 95.0, 4, 55.0);
		assertCells(row(sheet, 5), "Cộng", "total", 6, 117.3, 5, 62.8);

		List<Row> relayRows = evidence.stream().filter(r -> r.getCellCount() > 7 && "Tiếp sóng".equals(r.getCellText(7)))
			.toList();
		assertThat(relayRows).as("every relay record is evidence").hasSize(19);
		assertThat(relayRows.stream().map(r -> r.getCellText(6)).distinct()).containsExactlyInAnyOrder("VOV1 - Thời sự",
				"Đài PT-TH tỉnh", "Đài tỉnh Điện Biên");
	}

	/** The row of a 0-based index (the reader numbers rows from 1 and leaves empty ones out). */
	private static Row row(List<Row> sheet, int index) {
		return sheet.stream().filter(r -> r.getRowNum() == index + 1).findFirst().orElseThrow();
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			texts.add(row.getCellText(i));
		}
		return texts;
	}

	private static void assertCells(Row row, String name, String code, long airings, double minutes, long outages,
			double lost) {
		assertThat(row.getCellText(1)).isEqualTo(name);
		assertThat(row.getCellText(2)).isEqualTo(code);
		assertThat(number(row, 3)).isEqualTo(airings);
		assertThat(number(row, 4)).isEqualTo(minutes);
		assertThat(number(row, 5)).isEqualTo(outages);
		assertThat(number(row, 6)).isEqualTo(lost);
	}

	private static double number(Row row, int column) {
		return row.getCellAsNumber(column).map(BigDecimal::doubleValue).orElseThrow();
	}

	@Test
	void theCsvHasARelaysRowPerRelayAndEvidenceRowsWithTheRelaysName() throws Exception {
		byte[] bytes = fetch("/api/reports", "period", PERIOD, "format", "csv").getContentAsByteArray();
		List<CSVRecord> records;
		try (var parser = CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3,
				bytes.length - 3), StandardCharsets.UTF_8))) {
			records = parser.getRecords();
		}
		List<List<String>> relays = records.stream().filter(r -> r.get(0).equals("relays")).map(CSVRecord::toList)
			.toList();
		// section, code, label, clips, airings, minutes, planned, done, percent, count (outages), value (minutes lost)
		assertThat(relays).containsExactly(List.of("relays", TINH, "Đài tỉnh Điện Biên", "", "2", "22.3", "", "", "", "1",
				"7.8"), List.of("relays", VOV, "VOV1 - Thời sự", "", "4", "95.0", "", "", "", "4", "55.0"));
		Map<String, String> totals = new HashMap<>();
		records.stream().filter(r -> r.get(0).equals("totals")).forEach(r -> totals.put(r.get(1), r.get(10)));
		assertThat(totals).containsEntry("clips", "1").containsEntry("airings", "1").containsEntry("minutes", "1.0");

		List<String> heading = records.stream().filter(r -> r.get(0).equals("evidence") && r.get(1).equals("columns"))
			.findFirst().orElseThrow().toList();
		int title = heading.indexOf("Tiêu đề");
		int kind = heading.indexOf("Loại");
		List<CSVRecord> relayEvidence = records.stream()
			.filter(r -> r.get(0).equals("evidence") && r.get(kind).equals("Tiếp sóng")).toList();
		assertThat(relayEvidence).hasSize(19);
		assertThat(relayEvidence.stream().filter(r -> r.get(title).equals("VOV1 - Thời sự"))).hasSize(16);
	}

	@Test
	void theWordReportSaysTheRelayedHoursInOneSentence() throws Exception {
		byte[] docx = fetch("/api/reports", "period", PERIOD, "format", "docx").getContentAsByteArray();
		List<String> body;
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			body = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
		}
		// 22.3 + 95.0 = 117.3 min = 1 giờ 57,3 phút; 95 min = 1 giờ 35 phút; lost 7.8 + 55.0 = 62.8 = 1 giờ 2,8 phút
		assertThat(body).contains("Tiếp sóng 1 giờ 57,3 phút (Đài tỉnh Điện Biên: 2 lượt, 22,3 phút; VOV1 - Thời sự: "
				+ "4 lượt, 1 giờ 35 phút); mất sóng 5 lần, 1 giờ 2,8 phút.");
		assertThat(body.stream().filter(p -> p.startsWith("Trong kỳ, Đài truyền thanh xã đã phát 1 tin, bài"))).hasSize(1);

		byte[] noRelays = fetch("/api/reports", "period", "2029-02", "format", "docx").getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(noRelays))) {
			assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(p -> p.startsWith("Tiếp sóng")))
				.as("no sentence when nothing was relayed").isEmpty();
		}
	}

	@Test
	void theReportPageAndThePdfShowTheTiepSongTable() throws Exception {
		String page = mvc.perform(get("/reports").param("period", PERIOD).with(ReportPagesTests.OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher table = Pattern.compile("(?s)<table[^>]*id=\"relays\".*?</table>").matcher(page);
		assertThat(table.find()).as("the Tiếp sóng table").isTrue();
		List<List<String>> rows = new ArrayList<>();
		Matcher tr = Pattern.compile("(?s)<tr data-relay=\"([^\"]+)\">(.*?)</tr>").matcher(table.group());
		while (tr.find()) {
			List<String> cells = new ArrayList<>(List.of(tr.group(1)));
			Matcher td = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(tr.group(2));
			while (td.find()) {
				cells.add(td.group(1).strip());
			}
			rows.add(cells);
		}
		assertThat(rows).containsExactly(List.of(TINH, "Đài tỉnh Điện Biên", "2", "22.3", "1", "7.8"),
				List.of(VOV, "VOV1 - Thời sự", "4", "95.0", "4", "55.0"));
		assertThat(page).contains("Tiếp sóng (ngoài tin, bài của xã)");

		byte[] pdf = fetch("/api/reports", "period", PERIOD, "format", "pdf").getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("Tiếp sóng (ngoài tin, bài của xã)");
			assertThat(text.replaceAll("\\s+", " ")).contains("1 Đài tỉnh Điện Biên dai-tinh-bc 2 22.3 1 7.8")
				.contains("2 VOV1 - Thời sự vov1-bc 4 95.0 4 55.0").contains("Cộng total 6 117.3 5 62.8");
		}
	}

	@Test
	void aTargetOfRelayedMinutesCountsItsRelayOrAllOfThem() throws Exception {
		if (plans.plan(YEAR).isEmpty()) {
			plans.savePlan(YEAR, "Kế hoạch tuyên truyền " + YEAR);
		}
		String targets = "/api/plans/" + YEAR + "/targets";
		MockHttpServletResponse vov = postJson(targets, Map.of("name", "Tiếp sóng VOV1 90 phút mỗi tháng", "planned",
				"90", "perMonth", true, "measure", "relayMinutes", "relay", VOV));
		assertThat(vov.getStatus()).as(vov.getContentAsString()).isEqualTo(201);
		JsonNode stored = mapper.readTree(vov.getContentAsByteArray());
		assertThat(stored.path("measure").asText()).isEqualTo("relayMinutes");
		assertThat(stored.path("relay").asText()).isEqualTo(VOV);
		PlanTarget back = mapper.treeToValue(stored, PlanTarget.class);
		assertThat(back.measure()).as("as the hub reads plan.json").isEqualTo(Measure.RELAY_MINUTES);
		assertThat(back.relay()).isEqualTo(VOV);
		assertThat(postJson(targets, Map.of("name", "Tiếp sóng 100 phút", "planned", "100", "measure",
				"RELAY_MINUTES")).getStatus()).isEqualTo(201);
		assertThat(postJson(targets, Map.of("name", "01 tin", "planned", "1")).getStatus()).isEqualTo(201);

		int before = plans.targets(YEAR).size();
		assertRefused(postJson(targets, Map.of("name", "Tiếp sóng", "planned", "5", "measure", "relayMinutes", "relay",
				"khong-co")), "unknown_relay", "relay");
		assertRefused(postJson(targets, Map.of("name", "Tiếp sóng", "planned", "5", "measure", "relayMinutes", "kinds",
				List.of("NEWS"))), "invalid_target", "kinds");
		assertRefused(postJson(targets, Map.of("name", "Tin", "planned", "5", "measure", "CLIPS", "relay", VOV)),
				"invalid_target", "relay");
		assertThat(plans.targets(YEAR)).as("nothing stored").hasSize(before);

		// 95 min of vov1-bc; all relays 95 + 22.25 = 117.25 → 117 whole minutes; the clip target its one clip
		Map<String, Long> done = new HashMap<>();
		reports.compute(ReportPeriod.parse(PERIOD)).figures().targets().forEach(t -> done.put(t.name(), t.done()));
		assertThat(done).containsEntry("Tiếp sóng VOV1 90 phút mỗi tháng", 95L).containsEntry("Tiếp sóng 100 phút", 117L)
			.containsEntry("01 tin", 1L);
		List<TargetForecast> ahead = forecasts.of(ReportPeriod.parse(String.valueOf(YEAR)), LocalDate.of(YEAR, 3, 31));
		assertThat(ahead.get(0).done()).as("the forecast counts relayed minutes too").isEqualTo(95);
		assertThat(ahead.get(0).planned()).isEqualTo(90 * 12);

		String plan = mvc.perform(get("/reports/plan").param("year", String.valueOf(YEAR))
			.with(ReportPagesTests.OFFICER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(plan).contains("<option value=\"RELAY_MINUTES\">Phút tiếp sóng</option>")
			.contains("<option value=\"vov1-bc\">VOV1 - Thời sự</option>");
	}

	private MockHttpServletResponse postJson(String path, Map<String, Object> body) throws Exception {
		return mvc.perform(post(path).with(httpBasic("admin", ADMIN_PASSWORD)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(mapper.writeValueAsBytes(body))).andReturn().getResponse();
	}

	private void assertRefused(MockHttpServletResponse response, String error, String field) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		JsonNode json = mapper.readTree(response.getContentAsByteArray());
		assertThat(json.path("error").asText()).isEqualTo(error);
		assertThat(json.path("field").asText()).isEqualTo(field);
		assertThat(json.path("message").asText()).isNotBlank();
	}

	@Test
	void aSignedReportWithRelaysVerifiesAgainstTheLog() throws Exception {
		Path dir = Files.createTempDirectory("loaxa-relay-verify");
		Path json = dir.resolve("report.json");
		Path xlsx = dir.resolve("report.xlsx");
		Files.write(json, fetch("/api/reports", "period", PERIOD).getContentAsByteArray());
		Files.write(xlsx, fetch("/api/reports", "period", PERIOD, "format", "xlsx").getContentAsByteArray());
		assertThat(verifier.verify(json).problems()).isEmpty();
		assertThat(verifier.verify(xlsx).problems()).isEmpty();
		// the Tiếp sóng sheet's total of minutes changed, as Excel would save it
		Path edited = dir.resolve("report-sua.xlsx");
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
			for (var e : java.util.Collections.list(zip.entries())) {
				entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
			}
		}
		List<String> edits = new ArrayList<>();
		entries.replaceAll((name, bytes) -> {
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (!name.startsWith("xl/worksheets/") || !text.contains("<v>117.3</v>")) {
				return bytes;
			}
			edits.add(name);
			return text.replace("<v>117.3</v>", "<v>118.3</v>").getBytes(StandardCharsets.UTF_8);
		});
		assertThat(edits).as("one sheet holds the relays' total").hasSize(1);
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(edited))) {
			for (var e : entries.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		assertThat(verifier.verify(edited).problems()).as("a relay figure changed in Excel")
			.anyMatch(p -> p.startsWith("ô E6: 118.3"));

		String tampered = Files.readString(json).replace("\"outages\" : 4", "\"outages\" : 3");
		assertThat(tampered).isNotEqualTo(Files.readString(json));
		Files.writeString(json, tampered);
		assertThat(verifier.verify(json).ok()).as("a relay figure changed in the file").isFalse();
	}
}
