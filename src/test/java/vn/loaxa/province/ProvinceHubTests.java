package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.province.internal.BundleHead;
import vn.loaxa.province.internal.RecordLine;
import vn.loaxa.report.Report;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.report.ReportService;
import vn.loaxa.security.CommuneKey;

/**
 * The province's hub (loaxa.mode=province) taking signed bundles over the API. Its own database also
 * holds a commune's log (this context's broadcast log, exported with this context's commune key),
 * so the province's sums can be compared with that commune's own report; a second commune signs
 * with a key of its own, a third sends nothing. Every tampering is refused and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceHubTests {

	static final Path ROOT = vn.loaxa.support.TestDirs.create("province");
	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final String PERIOD = "2026-11";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		HubContext.register(registry, ROOT);
		registry.add("loaxa.commune.id", () -> "xa-na-lay");
	}

	@Autowired BroadcastLog log;
	@Autowired EvidenceExport export;
	@Autowired CommuneKey key;
	@Autowired ReportService reports;
	@Autowired vn.loaxa.report.PlanTargets plans;
	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@Autowired JdbcTemplate jdbc;
	@Autowired org.springframework.test.web.servlet.MockMvc mvc;

	static byte[] first;
	static String tokenOfSecond;

	@Test
	@Order(1)
	void aBundleOfAnUnknownCommuneOrATruncatedZipIsRefusedAndNothingIsStored() throws Exception {
		communeLog();
		first = bundle(PERIOD);
		assertRefused(upload(first), 404, "unknown_commune", null);
		assertRefused(upload(java.util.Arrays.copyOf(first, first.length / 2)), 400, "bad_bundle", null);
		assertThat(held()).isZero();
		ResponseEntity<String> enrolled = enrol("xa-na-lay", "Xã Na Lay", key.publicKeyPem());
		assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
		assertThat(json.readTree(enrolled.getBody()).path("fingerprint").asText()).isEqualTo(key.fingerprint());
		assertThat(enrol("xa-na-lay", "Xã Na Lay", key.publicKeyPem()).getStatusCode().value()).isEqualTo(409);
		assertThat(enrol("Xã Sai", "Xã Sai", key.publicKeyPem()).getStatusCode().value()).isEqualTo(400);
		assertThat(enrol("xa-sai", "Xã Sai", "không phải khóa").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	@Order(2)
	void aVerifiedBundleIsTakenOnceAndTheSameBundleTwiceStoresNothingNew() throws Exception {
		ResponseEntity<String> taken = upload(first);
		assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(200);
		JsonNode receipt = json.readTree(taken.getBody());
		List<BroadcastRecord> inBundle = records(first);
		assertThat(receipt.path("commune").asText()).isEqualTo("xa-na-lay");
		assertThat(receipt.path("records").asInt()).isEqualTo(inBundle.size());
		assertThat(receipt.path("newRecords").asInt()).isEqualTo(inBundle.size());
		assertThat(receipt.path("firstId").asLong()).isEqualTo(inBundle.get(0).id());
		assertThat(receipt.path("lastId").asLong()).isEqualTo(inBundle.get(inBundle.size() - 1).id());
		JsonNode again = json.readTree(upload(first).getBody());
		assertThat(again.path("newRecords").asInt()).isZero();
		assertThat(held()).isEqualTo(inBundle.size());
	}

	@Test
	@Order(3)
	void oneChangedByteOfTheRecordsIsABadSignature() throws Exception {
		Map<String, byte[]> entries = entries(first);
		byte[] records = entries.get("records.jsonl");
		String text = new String(records, StandardCharsets.UTF_8).replaceFirst("\"playedMs\":60000", "\"playedMs\":60001");
		assertThat(text).isNotEqualTo(new String(records, StandardCharsets.UTF_8));
		entries.put("records.jsonl", text.getBytes(StandardCharsets.UTF_8));
		long before = held();
		assertRefused(upload(zip(entries)), 422, "bad_signature", null);
		assertThat(held()).isEqualTo(before);

		// the plan is signed too: a target raised from 150 to 15, or the plan left out, is refused
		Map<String, byte[]> plan = entries(first);
		String planText = new String(plan.get("plan.json"), StandardCharsets.UTF_8);
		assertThat(planText).contains("\"planned\" : 150");
		plan.put("plan.json", planText.replace("\"planned\" : 150", "\"planned\" : 15").getBytes(StandardCharsets.UTF_8));
		assertRefused(upload(zip(plan)), 422, "bad_signature", null);
		plan.remove("plan.json");
		assertRefused(upload(zip(plan)), 422, "bad_signature", null);
		assertThat(held()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void aRewrittenPastWithItsChainRecomputedAndReSignedIsCaughtByTheHub() throws Exception {
		List<BroadcastRecord> original = records(first);
		// the commune's PC edits its third record and recomputes every hash after it, then signs with its own key
		int edited = 2;
		List<BroadcastRecord> forged = new ArrayList<>();
		String previous = original.get(0).previousHash();
		for (int i = 0; i < original.size(); i++) {
			BroadcastRecord r = original.get(i);
			Airing a = r.airing();
			if (i == edited) {
				a = a.toBuilder()
					.started(a.scheduledStart())
					.ended(a.scheduledStart().plusMillis(a.clipDurationMs()))
					.playedMs(a.clipDurationMs())
					.outcome(Outcome.PLAYED)
					.reason(null)
					.reasonCode(null)
					.relay(null, null)
					.airCheck(null)
					.build();
			}
			BroadcastRecord unsigned = new BroadcastRecord(r.id(), a, r.correctsId(), r.recordedBy(), r.recordedAt(),
					previous, null);
			BroadcastRecord rehashed = new BroadcastRecord(r.id(), a, r.correctsId(), r.recordedBy(), r.recordedAt(),
					previous, unsigned.contentHash());
			forged.add(rehashed);
			previous = rehashed.hash();
		}
		byte[] bundle = signedBundle("xa-na-lay", forged, key::sign, key.publicKeyPem());
		long before = held();
		assertRefused(upload(bundle), 409, "history_rewritten", original.get(edited).id());
		assertThat(held()).isEqualTo(before);
	}

	@Test
	@Order(5)
	void aSecondCommunePushesWithItsTokenAndAThirdIsListedAsMissing() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		ResponseEntity<String> enrolled = enrol("xa-hai", "Xã Hải Đông", CommuneKey.pem(pair.getPublic()));
		tokenOfSecond = json.readTree(enrolled.getBody()).path("token").asText();
		assertThat(enrol("xa-ba", "Xã Bắc Ba", CommuneKey.pem(KeyPairGenerator.getInstance("Ed25519")
			.generateKeyPair().getPublic())).getStatusCode().value()).isEqualTo(201);
		List<BroadcastRecord> chain = chain(List.of(
				played("to-1", 11, "2026-11-03T06:00", 120_000, ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION),
				played("to-1", 12, "2026-11-03T06:02", 60_000, ClipKind.SLOGAN, Topic.PROCEDURES),
				played("to-2", 11, "2026-11-04T06:00", 120_000, ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)));
		byte[] bundle = signedBundle("xa-hai", chain, data -> sign(pair, data), CommuneKey.pem(pair.getPublic()));
		assertThat(push(bundle, "sai-token").getStatusCode().value()).isEqualTo(401);
		// a PC of the release before the province took over pushes to the old path: the same hub takes it
		assertThat(push("/api/district/push", bundle, "sai-token").getStatusCode().value()).isEqualTo(401);
		ResponseEntity<String> pushed = push("/api/district/push", bundle, tokenOfSecond);
		assertThat(pushed.getStatusCode().value()).as(pushed.getBody()).isEqualTo(200);
		assertThat(json.readTree(pushed.getBody()).path("newRecords").asInt()).isEqualTo(3);
	}

	@Test
	@Order(6)
	void theProvinceReportSumsEachCommuneAsItsOwnReportDoes() throws Exception {
		ResponseEntity<String> response = api().getForEntity("/api/province/reports?period=" + PERIOD, String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		JsonNode province = json.readTree(response.getBody());
		Report own = reports.compute(ReportPeriod.parse(PERIOD));
		JsonNode naLay = commune(province, "xa-na-lay");
		assertThat(naLay.path("name").asText()).isEqualTo("Xã Na Lay");
		assertThat(json.treeToValue(naLay.path("totals"), vn.loaxa.report.ReportFigures.Totals.class))
			.isEqualTo(own.figures().totals());
		assertThat(json.convertValue(naLay.path("byKind"),
				new com.fasterxml.jackson.core.type.TypeReference<List<vn.loaxa.report.ReportFigures.KindRow>>() {
				})).isEqualTo(own.figures().byKind());
		assertThat(json.convertValue(naLay.path("byTopic"),
				new com.fasterxml.jackson.core.type.TypeReference<List<vn.loaxa.report.ReportFigures.TopicRow>>() {
				})).isEqualTo(own.figures().byTopic());
		assertThat(own.figures().totals().airings()).as("the October record in the bundle's range is not counted")
			.isEqualTo(4);
		assertThat(own.figures().totals().missed()).isEqualTo(1);
		assertThat(own.figures().totals().failed()).isEqualTo(1);
		// each commune against its own plan: 1 distinct NEWS/ARTICLE clip in November (clip 2 aired in
		// October), 2 REPORTAGE airings against 2 a month; the commune's own report says the same
		assertThat(naLay.path("plan").asText()).isEqualTo("Kế hoạch tuyên truyền CCHC năm 2026");
		List<vn.loaxa.report.ReportFigures.TargetRow> targets = json.convertValue(naLay.path("targets"),
				new com.fasterxml.jackson.core.type.TypeReference<List<vn.loaxa.report.ReportFigures.TargetRow>>() {
				});
		assertThat(targets).as("the sample plan's targets and the two added").hasSize(5)
			.contains(new vn.loaxa.report.ReportFigures.TargetRow("150 tin, bài", 150, 1, 0.7),
				new vn.loaxa.report.ReportFigures.TargetRow("02 lượt phóng sự mỗi tháng", 2, 2, 100.0));
		assertThat(targets).isEqualTo(own.figures().targets());
		JsonNode hai = commune(province, "xa-hai");
		assertThat(hai.path("targets")).as("a bundle without a plan: no targets").isEmpty();
		assertThat(hai.path("totals").path("airings").asLong()).isEqualTo(3);
		assertThat(hai.path("totals").path("clips").asLong()).isEqualTo(2);
		assertThat(hai.path("totals").path("minutes").asDouble()).isEqualTo(5.0);
		assertThat(province.path("totals").path("airings").asLong())
			.isEqualTo(own.figures().totals().airings() + 3);
		assertThat(province.path("totals").path("clips").asLong()).isEqualTo(own.figures().totals().clips() + 2);
		assertThat(province.path("missing")).hasSize(1);
		assertThat(province.path("missing").get(0).path("name").asText()).isEqualTo("Xã Bắc Ba");
		// the old /api/district/ path is answered too, for scripts written before the province took over
		String csv = api().getForObject("/api/district/reports?period=" + PERIOD + "&format=csv", String.class);
		assertThat(csv).contains("Xã Hải Đông").contains("Xã Bắc Ba").contains("chưa gửi báo cáo")
			.contains("\"xa-na-lay\",\"Xã Na Lay\",\"target\",\"02 lượt phóng sự mỗi tháng\",,,,\"2/2\"");
		ResponseEntity<byte[]> xlsx = api().getForEntity("/api/province/reports?period=" + PERIOD + "&format=xlsx",
				byte[].class);
		assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
		Path file = Files.write(ROOT.resolve("tinh.xlsx"), xlsx.getBody());
		try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(file.toFile())) {
			assertThat(workbook.getEntry("xl/worksheets/sheet3.xml")).as("summary and one sheet per commune").isNotNull();
			// fastexcel writes non-ASCII letters as character references (&#x1ea3;)
			String strings = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
				.matcher(new String(workbook.getInputStream(workbook.getEntry("xl/sharedStrings.xml")).readAllBytes(),
						StandardCharsets.UTF_8))
				.replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
			assertThat(strings).contains("Xã Hải Đông").contains("Xã Bắc Ba: chưa gửi báo cáo")
				.contains("Chỉ tiêu: Kế hoạch tuyên truyền CCHC năm 2026").contains("Phóng sự").doesNotContain("REPORTAGE");
		}
		ResponseEntity<byte[]> pdf = api().getForEntity("/api/province/reports?period=" + PERIOD + "&format=pdf",
				byte[].class);
		assertThat(pdf.getStatusCode().value()).isEqualTo(200);
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("BÁO CÁO TỔNG HỢP").contains("Xã Na Lay").contains("Xã Hải Đông")
				.contains("Toàn tỉnh").contains("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH").doesNotContain("huyện")
				.contains("Chưa gửi báo cáo").contains("Xã Bắc Ba")
				.contains("Kết quả thực hiện chỉ tiêu kế hoạch").contains("02 lượt phóng sự mỗi tháng");
		}
		ResponseEntity<byte[]> word = api().getForEntity("/api/province/reports?period=" + PERIOD + "&format=docx",
				byte[].class);
		assertThat(word.getStatusCode().value()).isEqualTo(200);
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.getBody()))) {
			var communes = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Xã"))
				.findFirst().orElseThrow();
			java.util.Map<String, String> airings = new java.util.HashMap<>();
			communes.getRows().forEach(r -> airings.put(r.getCell(0).getText(), r.getCell(2).getText()));
			assertThat(airings).containsEntry("Xã Na Lay", naLay.path("totals").path("airings").asText())
				.containsEntry("Xã Hải Đông", "3")
				.containsEntry("Cộng", province.path("totals").path("airings").asText());
			String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
			assertThat(text).contains("Các xã chưa gửi báo cáo: Xã Bắc Ba.").contains("Xã Hải Đông đã phát 2 tin, bài");
		}
		assertThat(api().getForEntity("/api/province/reports?period=" + PERIOD + "&format=doc", String.class)
			.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	@Order(7)
	void theProvincePageListsCommunesAndBundlesInVietnameseAndTakesAFileFromAUsbDisk() throws Exception {
		var officer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("can-bo")
			.roles("OFFICER");
		var get = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/province").with(officer);
		String page = mvc.perform(get).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Xã Na Lay").contains("Xã Hải Đông").contains("Xã Bắc Ba")
			.contains("Tổng hợp của tỉnh").contains("Chữ ký không khớp").contains("Nhật ký của xã đã bị viết lại")
			.contains("tại bản ghi số").doesNotContain("huyện")
			.doesNotContain("Exception");
		// the report of a period on the page: each commune's figures and its targets, done against planned
		var november = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/district")
			.param("period", PERIOD).with(officer);
		String report = mvc.perform(november).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).as("the old /district page is the same page").contains("id=\"province-report\"").contains("02 lượt phóng sự mỗi tháng: 2/2 (100.0%)")
			.contains("Toàn tỉnh").contains("/api/province/reports?period=2026-11&amp;format=pdf");
		var bad = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/province")
			.param("period", "quý 5").with(officer);
		assertThat(mvc.perform(bad).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("alert-danger").doesNotContain("Exception");
		var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/province/evidence")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "q.zip", "application/zip",
					java.util.Arrays.copyOf(first, 100)))
			.with(officer)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
		var result = mvc.perform(upload).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(String.valueOf(result.getFlashMap().get("error"))).startsWith("Tệp bằng chứng hỏng");
		var home = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/").with(officer);
		assertThat(mvc.perform(home).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/province");
	}

	@Test
	@Order(8)
	void aRecordEditedInTheCommunesDatabaseWithItsChainRecomputedIsIntactThereAndRewrittenAtTheHub() throws Exception {
		List<BroadcastRecord> original = records(first);
		BroadcastRecord victim = original.get(1);
		// what someone with the database file can do: triggers off, the record made a full airing, every later hash redone
		vn.loaxa.support.LogTamperer.withTriggersOff(jdbc, () -> {
			List<BroadcastRecord> tail = new ArrayList<>();
			log.streamRange(new BroadcastLog.IdRange(victim.id(), log.head().lastId()), tail::add);
			String previous = victim.previousHash();
			for (BroadcastRecord r : tail) {
				long played = r.id() == victim.id() ? r.airing().playedMs() + 30_000 : r.airing().playedMs();
				Airing a = r.airing();
				Airing edited = a.toBuilder().playedMs(played).relay(null, null).airCheck(null).build();
				String hash = new BroadcastRecord(r.id(), edited, r.correctsId(), r.recordedBy(), r.recordedAt(), previous,
						null).contentHash();
				jdbc.update("UPDATE broadcast_record SET played_ms = ?, previous_hash = ?, hash = ? WHERE id = ?", played,
						previous, hash, r.id());
				previous = hash;
			}
			jdbc.update("UPDATE broadcast_chain_head SET last_hash = ? WHERE id = 1", previous);
		});
		assertThat(log.verify().intact()).as("the commune's own check cannot tell").isTrue();
		long before = held();
		assertRefused(upload(bundle(PERIOD)), 409, "history_rewritten", victim.id());
		assertThat(held()).isEqualTo(before);
	}

	@Test
	@Order(9)
	void aCommuneIsItsKeyWhateverIdItsSettingsGiveIt() throws Exception {
		// the commune's settings derive "xa-muong-phang" from its name; the province enrols it as "muong-phang"
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String keyFile = "LoaXa-Commune-Id: xa-muong-phang\nLoaXa-Commune-Name: Xã Mường Phăng\n"
				+ CommuneKey.pem(pair.getPublic());
		ResponseEntity<String> enrolled = enrolFile(keyFile.getBytes(StandardCharsets.UTF_8), "muong-phang", null);
		assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
		JsonNode commune = json.readTree(enrolled.getBody());
		assertThat(commune.path("id").asText()).as("the id typed wins").isEqualTo("muong-phang");
		assertThat(commune.path("name").asText()).as("the name read from the key file").isEqualTo("Xã Mường Phăng");
		assertThat(commune.path("fingerprint").asText()).isEqualTo(CommuneKey.fingerprint(pair.getPublic()));

		byte[] bundle = signedBundle("xa-muong-phang", chain(List.of(
				played("ban-1", 21, "2026-11-05T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES))),
				data -> sign(pair, data), CommuneKey.pem(pair.getPublic()));
		ResponseEntity<String> taken = upload(bundle);
		assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(200);
		assertThat(json.readTree(taken.getBody()).path("commune").asText()).isEqualTo("muong-phang");
		assertThat(jdbc.queryForObject("SELECT claimed_id FROM province_bundle WHERE commune_id = 'muong-phang' "
				+ "AND outcome = 'ACCEPTED'", String.class)).isEqualTo("xa-muong-phang");
		var officer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("can-bo").roles("OFFICER");
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/province")
			.with(officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("tệp ghi mã «xa-muong-phang»");

		// the same key cannot be enrolled as a second commune
		ResponseEntity<String> twice = enrolFile(keyFile.getBytes(StandardCharsets.UTF_8), "muong-phang-2", null);
		assertThat(twice.getStatusCode().value()).isEqualTo(409);
		assertThat(json.readTree(twice.getBody()).path("error").asText()).isEqualTo("key_enrolled");
		// a key no commune is enrolled with, whose id is enrolled, is that commune's impostor
		KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] forged = signedBundle("muong-phang", chain(List.of(
				played("ban-1", 22, "2026-11-06T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES))),
				data -> sign(stranger, data), CommuneKey.pem(stranger.getPublic()));
		assertRefused(upload(forged), 422, "bad_signature", null);
	}

	@Test
	@Order(10)
	void aCommuneIsEnrolledFromItsFirstBundleAloneAndItsRecordsAreTaken() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		List<BroadcastRecord> chain = chain(List.of(
				played("ban-2", 31, "2026-11-07T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES),
				played("ban-2", 32, "2026-11-07T06:01", 30_000, ClipKind.SLOGAN, Topic.OTHER)));
		byte[] bundle = signedBundle("xa-thanh-nua", chain, data -> sign(pair, data), CommuneKey.pem(pair.getPublic()));
		long before = held();
		ResponseEntity<String> enrolled = enrolFile(bundle, null, null);
		assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
		JsonNode commune = json.readTree(enrolled.getBody());
		assertThat(commune.path("id").asText()).isEqualTo("xa-thanh-nua");
		assertThat(commune.path("token").asText()).isNotBlank();
		assertThat(held()).as("the bundle's records are taken with the enrolment").isEqualTo(before + 2);

		// a bundle whose signature is not its own commune.pub's enrols nobody
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] mismatched = signedBundle("xa-khac", chain, data -> sign(other, data), CommuneKey.pem(pair.getPublic()));
		ResponseEntity<String> refused = enrolFile(mismatched, null, null);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM province_commune WHERE id = 'xa-khac'", Integer.class))
			.isZero();
		ResponseEntity<String> notAKey = enrolFile("không phải khóa".getBytes(StandardCharsets.UTF_8), "xa-x", "Xã X");
		assertThat(notAKey.getStatusCode().value()).isEqualTo(400);
		assertThat(json.readTree(notAKey.getBody()).path("error").asText()).isEqualTo("bad_public_key");
	}

	@Test
	@Order(11)
	void aRelaysStretchesAreNotCountedAsTheCommunesTinBaiHereNorAtTheHub() throws Exception {
		Airing clip = played("ban-na-lay", 41, "2031-01-05T06:00", 120_000, ClipKind.NEWS, Topic.PROCEDURES);
		Instant at = at("2031-01-05T06:10");
		Airing relay = Airing.of("ban-na-lay", "Tiếp sóng thời sự")
			.title("VOV1 - Thời sự")
			.scheduled(at)
			.started(at)
			.ended(at.plusSeconds(1_800))
			.playedMs(1_800_000)
			.dueMs(0)
			.outcome(Outcome.PLAYED)
			.relay("vov1", "http://127.0.0.1:1/vov1.mp3")
			// with its air-check's hash: the hub recomputes the record's hash with it (and keeps no file)
			.airCheck(new vn.loaxa.broadcast.AirCheckRef("aircheck/2031/01/05/061000-main-tiep-song-thoi-su.mp3",
					"a".repeat(64)))
			.build();
		log.append(clip);
		log.append(relay);
		var own = reports.compute(ReportPeriod.parse("2031-01")).figures().totals();
		assertThat(own.airings()).as("the clip's airing, not the relay's half hour").isEqualTo(1);
		assertThat(own.clips()).isEqualTo(1);
		assertThat(own.minutes()).isEqualTo(2.0);

		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		ResponseEntity<String> enrolled = enrol("xa-tiep-song", "Xã Tiếp Sóng", CommuneKey.pem(pair.getPublic()));
		assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
		byte[] bundle = signedBundle("xa-tiep-song", chain(List.of(clip, relay)), data -> sign(pair, data),
				CommuneKey.pem(pair.getPublic()));
		ResponseEntity<String> taken = upload(bundle);
		assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(200);
		JsonNode row = commune(json.readTree(api().getForObject("/api/province/reports?period=2031-01", String.class)),
				"xa-tiep-song");
		assertThat(row.path("totals").path("airings").asLong()).isEqualTo(1);
		assertThat(row.path("totals").path("minutes").asDouble()).isEqualTo(2.0);
	}

	// ------------------------------------------------------------------ the commune's own log

	/**
	 * Four PLAYED, one MISSED, one FAILED in November; one October record logged between them. And
	 * the commune's plan for 2026 with two targets, which its bundles carry to the province.
	 */
	private void communeLog() {
		plans.savePlan(2026, "Kế hoạch tuyên truyền CCHC năm 2026", "45/KH-UBND", "15/01/2026");
		plans.save(new vn.loaxa.report.PlanTarget(null, 2026, "150 tin, bài", 150, false,
				java.util.Set.of(ClipKind.NEWS, ClipKind.ARTICLE), java.util.Set.of(), vn.loaxa.report.Measure.CLIPS, 0));
		plans.save(new vn.loaxa.report.PlanTarget(null, 2026, "02 lượt phóng sự mỗi tháng", 2, true,
				java.util.Set.of(ClipKind.REPORTAGE), java.util.Set.of(), vn.loaxa.report.Measure.AIRINGS, 0));
		log.append(played("ban-na-lay", 1, "2026-11-02T05:30", 60_000, ClipKind.NEWS, Topic.PROCEDURES));
		log.append(played("to-dan-pho-1", 1, "2026-11-02T05:30", 60_000, ClipKind.NEWS, Topic.PROCEDURES));
		log.append(played("ban-na-lay", 2, "2026-10-30T17:00", 90_000, ClipKind.ARTICLE, Topic.DIGITAL_TRANSFORMATION));
		log.append(played("ban-na-lay", 3, "2026-11-09T05:30", 240_000, ClipKind.REPORTAGE, Topic.APPARATUS));
		log.append(played("to-dan-pho-1", 3, "2026-11-09T05:30", 240_000, ClipKind.REPORTAGE, Topic.APPARATUS));
		log.append(Airing.of("ban-na-lay", "Bản tin chiều")
			.scheduled(at("2026-11-10T17:00"))
			.outcome(Outcome.MISSED)
			.reason("PC off")
			.reasonCode(Reason.PC_OFF)
			.build());
		log.append(Airing.of("to-dan-pho-1", "Bản tin chiều")
			.clip(4L, sha(4), "Khẩu hiệu", ClipKind.SLOGAN, Topic.OTHER)
			.scheduled(at("2026-11-10T17:00"))
			.dueMs(20_000)
			.outcome(Outcome.FAILED)
			.reason("sink")
			.reasonCode(Reason.SINK_UNAVAILABLE)
			.build());
	}

	static Airing played(String zone, long clip, String at, long ms, ClipKind kind, Topic topic) {
		Instant start = at(at);
		return Airing.of(zone, "Bản tin sáng")
			.clip(clip, sha(clip), "Bản tin " + clip, kind, topic)
			.scheduled(start)
			.started(start.plusMillis(300))
			.ended(start.plusMillis(300 + ms))
			.playedMs(ms)
			.dueMs(ms)
			.outcome(Outcome.PLAYED)
			.build();
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(HCM).toInstant();
	}

	static String sha(long clip) {
		return HexFormat.of().formatHex(EvidenceExport.sha256().digest(("clip " + clip).getBytes(StandardCharsets.UTF_8)));
	}

	/** Records chained from the genesis, as a commune's log would hold them. */
	static List<BroadcastRecord> chain(List<Airing> airings) {
		List<BroadcastRecord> chain = new ArrayList<>();
		String previous = BroadcastRecord.genesisHash();
		long id = 1;
		for (Airing a : airings) {
			Instant recorded = a.scheduledStart().plusSeconds(600);
			String hash = new BroadcastRecord(id, a, null, "he-thong", recorded, previous, null).contentHash();
			chain.add(new BroadcastRecord(id++, a, null, "he-thong", recorded, previous, hash));
			previous = hash;
		}
		return chain;
	}

	// ------------------------------------------------------------------ bundles

	private byte[] bundle(String period) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(ReportPeriod.parse(period), out);
		return out.toByteArray();
	}

	interface Signer {
		String sign(byte[] data) throws Exception;
	}

	private byte[] signedBundle(String commune, List<BroadcastRecord> records, Signer signer, String pem)
			throws Exception {
		return signedBundle(json, commune, records, signer, pem);
	}

	/** A bundle as a commune's PC would make it, of these records, signed by {@code signer}. */
	static byte[] signedBundle(ObjectMapper json, String commune, List<BroadcastRecord> records, Signer signer,
			String pem) throws Exception {
		StringBuilder lines = new StringBuilder();
		for (BroadcastRecord r : records) {
			lines.append(json.writeValueAsString(RecordLine.of(r))).append('\n');
		}
		byte[] recordBytes = lines.toString().getBytes(StandardCharsets.UTF_8);
		BroadcastRecord last = records.get(records.size() - 1);
		BundleHead head = new BundleHead(1, commune, commune, new BundleHead.Period(PERIOD, null, null),
				records.get(0).id(), records.get(0).hash(), last.id(), last.hash(),
				new BundleHead.Head(last.id(), last.hash()), records.size(),
				HexFormat.of().formatHex(EvidenceExport.sha256().digest(recordBytes)), "", Instant.now(), null);
		byte[] headBytes = json.writeValueAsBytes(head);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("records.jsonl", recordBytes);
		entries.put("head.json", headBytes);
		entries.put("commune.pub", pem.getBytes(StandardCharsets.US_ASCII));
		entries.put("head.sig", signer.sign(headBytes).getBytes(StandardCharsets.US_ASCII));
		return zip(entries);
	}

	static String sign(KeyPair pair, byte[] data) throws Exception {
		Signature s = Signature.getInstance("Ed25519");
		s.initSign(pair.getPrivate());
		s.update(data);
		return Base64.getEncoder().encodeToString(s.sign());
	}

	private List<BroadcastRecord> records(byte[] bundle) throws Exception {
		List<BroadcastRecord> list = new ArrayList<>();
		for (String line : new String(entries(bundle).get("records.jsonl"), StandardCharsets.UTF_8).split("\n")) {
			list.add(json.readValue(line, RecordLine.class).toRecord());
		}
		return list;
	}

	static Map<String, byte[]> entries(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	static byte[] zip(Map<String, byte[]> entries) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	// ------------------------------------------------------------------ the hub's API

	private TestRestTemplate api() {
		return rest.withBasicAuth("admin", "test-admin-pw");
	}

	private ResponseEntity<String> enrol(String id, String name, String pem) {
		return api().postForEntity("/api/province/communes", Map.of("id", id, "name", name, "publicKey", pem),
				String.class);
	}

	private ResponseEntity<String> enrolFile(byte[] file, String id, String name) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return "khoa-xa.pem";
			}
		});
		if (id != null) {
			form.add("id", id);
		}
		if (name != null) {
			form.add("name", name);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return api().postForEntity("/api/province/communes", new HttpEntity<>(form, headers), String.class);
	}

	private ResponseEntity<String> upload(byte[] bundle) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(bundle) {
			@Override
			public String getFilename() {
				return "bang-chung.zip";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return api().postForEntity("/api/province/evidence", new HttpEntity<>(form, headers), String.class);
	}

	private ResponseEntity<String> push(byte[] bundle, String token) {
		return push("/api/province/push", bundle, token);
	}

	private ResponseEntity<String> push(String path, byte[] bundle, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/zip"));
		headers.setBearerAuth(token);
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(bundle, headers), String.class);
	}

	private void assertRefused(ResponseEntity<String> response, int status, String code, Long recordId) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.path("error").asText()).isEqualTo(code);
		assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
		if (recordId != null) {
			assertThat(body.path("recordId").asLong()).isEqualTo(recordId);
		}
	}

	private long held() {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM province_record", Long.class);
		return n == null ? 0 : n;
	}

	private static JsonNode commune(JsonNode province, String id) {
		for (JsonNode c : province.path("communes")) {
			if (c.path("commune").asText().equals(id)) {
				return c;
			}
		}
		throw new AssertionError("no commune " + id + " in " + province);
	}
}
