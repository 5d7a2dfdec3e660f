package vn.loaxa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.security.Role;
import vn.loaxa.security.UserAccounts;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestDirs;
import vn.loaxa.support.WebSession;

/**
 * The whole plan over the API on a commune of its own: a technician adds a channel, a zone on it, a
 * group and a slot, renames and moves them, and is refused (4xx with the field, nothing changed)
 * where the plan files would be: bad ids, unknown references, duplicates, retiring what is in use,
 * slots that would overlap on a channel. The export then carries the changes, and reading that export
 * back gives the same plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD, "loaxa.audio.sink=file",
				"loaxa.media.import-on-start=false" })
class PlanApiTests extends ApiTestSupport {

	static final Path ROOT = TestDirs.create("plan-api");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(ROOT.resolve("schedules"));
		Files.createDirectories(ROOT.resolve("media"));
		Files.writeString(ROOT.resolve("schedules/zones.yaml"), """
				channels:
				  - id: chinh
				    name: Kênh chính
				    output: file
				zones:
				  - id: ban-na-lay
				    name: Bản Na Lay
				    channel: chinh
				""");
		registry.add("loaxa.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> ROOT.resolve("media").toString());
		registry.add("loaxa.schedules-dir", () -> ROOT.resolve("schedules").toString());
		registry.add("spring.quartz.scheduler-name", () -> "loaxa-" + ROOT.getFileName());
		vn.loaxa.support.TestDatabase.properties(ROOT.toString()).forEach((k, v) -> registry.add(k, () -> v));
	}

	@Autowired UserAccounts users;
	@Autowired Schedule schedule;

	@Override
	protected Path dataDir() {
		return ROOT.resolve("data");
	}

	@Test
	void aTechnicianBuildsTheWholePlanOverTheApiAndTheExportCarriesIt() throws Exception {
		ApiClient technician = as(account("ky-thuat", Role.TECHNICIAN), "mat-khau-ky-thuat-1");
		assertThat(technician.postJson("/api/channels", Map.of("id", "vung-cao", "name", "Kênh vùng cao", "output",
				"file")).status()).isEqualTo(201);
		ApiClient.Response zone = technician.postJson("/api/zones", Map.of("id", "ban-pa-khoang", "name",
				"Bản Pá Khoang", "channel", "vung-cao", "switchOn", List.of("relay", "on", "3"), "settle", "1s"));
		assertThat(zone.status()).as(zone.body()).isEqualTo(201);
		assertThat(zone.json().path("switchOn")).hasSize(3);
		assertThat(technician.postJson("/api/groups", Map.of("id", "toan-xa", "name", "Toàn xã", "zones",
				List.of("ban-na-lay", "ban-pa-khoang"))).status()).isEqualTo(201);
		String date = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString();
		ApiClient.Response slot = technician.postJson("/api/slots", slot("toan-xa", "Bản tin sáng", date, "05:30"));
		assertThat(slot.status()).as(slot.body()).isEqualTo(201);
		assertThat(slot.json().path("key").asText()).isEqualTo("toan-xa/Bản tin sáng");
		// what GET gives is what PUT takes: read the slot, change its start and length, send it back
		com.fasterxml.jackson.databind.JsonNode read = admin.get("/api/slots").json().get(0);
		assertThat(read.path("dates").get(0).asText()).isEqualTo(date);
		assertThat(read.path("start").asText()).isEqualTo("05:30");
		assertThat(read.path("length").asText()).isEqualTo("15m");
		assertThat(read.path("lengthSeconds").asLong()).isEqualTo(900);
		assertThat(read.path("next").asText()).as("the next firing").isNotBlank();
		Map<String, Object> changed = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(read,
				new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
				});
		changed.put("start", "05:45");
		changed.put("length", "20m");
		String readKey = URLEncoder.encode(read.path("key").asText(), StandardCharsets.UTF_8);
		ApiClient.Response put = technician.putJson("/api/slots?key=" + readKey, changed);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(schedule.current().slot("toan-xa/Bản tin sáng").orElseThrow().length()).isEqualTo(
				java.time.Duration.ofMinutes(20));
		assertThat(put.json().path("start").asText()).isEqualTo("05:45");

		assertThat(technician.putJson("/api/channels/vung-cao", Map.of("name", "Kênh Pá Khoang", "output", "file"))
			.json().path("name").asText()).isEqualTo("Kênh Pá Khoang");
		// PUT replaces the zone as a whole, as its entry in zones.yaml would be
		assertThat(technician.putJson("/api/zones/ban-pa-khoang", Map.of("name", "Bản Pá Khoang (mới)", "channel",
				"vung-cao", "switchOn", List.of("relay", "on", "3"), "switchOff", List.of("relay", "off", "3")))
			.status()).isEqualTo(200);

		assertThat(admin.get("/api/channels").json().findValuesAsText("name")).contains("Kênh Pá Khoang");
		assertThat(admin.get("/api/groups").json().get(0).path("zoneIds")).hasSize(2);
		assertThat(admin.get("/api/slots").json().findValuesAsText("target")).contains("toan-xa");

		Map<String, String> files = schedule.export();
		assertThat(files.get("zones.yaml")).contains("Kênh Pá Khoang", "Bản Pá Khoang (mới)", "toan-xa", "relay");
		PlanReader.Result reread = readBack(files);
		assertThat(reread.errors()).isEmpty();
		assertThat(reread.plan().zones()).isEqualTo(schedule.current().zones());
		assertThat(reread.plan().channels()).isEqualTo(schedule.current().channels());
		assertThat(reread.plan().groups()).isEqualTo(schedule.current().groups());

		String key = URLEncoder.encode("toan-xa/Bản tin sáng", StandardCharsets.UTF_8);
		assertThat(technician.delete("/api/zones/ban-pa-khoang").error()).isEqualTo("in_use");
		assertThat(technician.delete("/api/groups/toan-xa").error()).isEqualTo("in_use");
		assertThat(technician.delete("/api/slots?key=" + key).status()).isEqualTo(204);
		assertThat(technician.delete("/api/groups/toan-xa").status()).isEqualTo(204);
		assertThat(technician.delete("/api/channels/vung-cao").error()).as("a zone still plays on it").isEqualTo("in_use");
		assertThat(technician.delete("/api/zones/ban-pa-khoang").status()).isEqualTo(204);
		assertThat(technician.delete("/api/channels/vung-cao").status()).isEqualTo(204);
		assertThat(schedule.current().channels()).extracting(OutputChannel::id).containsExactly("chinh");
	}

	@Test
	void badChangesAreRefusedWithTheFieldAndChangeNothing() throws Exception {
		Plan before = schedule.current();
		assertRefused(admin.postJson("/api/zones", Map.of("id", "Bản A", "channel", "chinh")), 400, "invalid_id", "id");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-a")), 400, "missing_channel", "channel");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-a", "channel", "khong-co")), 400,
				"unknown_channel", "channel");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-na-lay", "channel", "chinh")), 409,
				"duplicate_id", "id");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-a", "name", "x".repeat(101), "channel", "chinh")),
				400, "invalid_name", "name");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-a", "name", "Bản\nA", "channel", "chinh")), 400,
				"invalid_name", "name");
		assertRefused(admin.postJson("/api/zones", Map.of("id", "ban-a", "channel", "chinh", "settle", "2h")), 400,
				"invalid_settle", "settle");
		assertRefused(admin.postJson("/api/groups", Map.of("id", "nhom", "zones", List.of("khong-co"))), 400,
				"unknown_zone", "zones");
		assertRefused(admin.postJson("/api/groups", Map.of("id", "nhom", "zones", List.of())), 400, "missing_zones",
				"zones");
		assertRefused(admin.putJson("/api/zones/ban-na-lay", Map.of("id", "ban-khac", "channel", "chinh")), 400,
				"invalid_id", "id");
		assertThat(admin.putJson("/api/zones/khong-co", Map.of("channel", "chinh")).status()).isEqualTo(404);
		assertThat(admin.delete("/api/channels/khong-co").status()).isEqualTo(404);
		assertRefused(admin.postJson("/api/slots", slot("khong-co", "Tin", LocalDate.now().plusDays(3).toString(),
				"06:00")), 400, "schedule_unknownZone", "target");
		assertRefused(admin.postJson("/api/slots", slot("ban-na-lay", "Tin", LocalDate.now().plusDays(3).toString(),
				"25:00")), 400, "schedule_start", "start");
		assertThat(admin.delete("/api/slots?key=ban-na-lay%2Fkhong-co").status()).isEqualTo(404);
		// an officer may edit slots, not channels
		ApiClient officer = as(account("can-bo", Role.OFFICER), "mat-khau-can-bo-12");
		assertThat(officer.postJson("/api/channels", Map.of("id", "kenh-2")).status()).isEqualTo(403);
		assertThat(anonymous.postJson("/api/channels", Map.of("id", "kenh-2")).status()).isEqualTo(401);
		assertThat(schedule.current()).as("nothing changed").isEqualTo(before);
	}

	@Test
	void relaysOverTheApiWithRefusalsThatStoreNothingAndARelaySlot() throws Exception {
		Plan before = schedule.current();
		assertRefused(admin.postJson("/api/relays", Map.of("id", "VOV 1", "urls", List.of("http://a.example.vn/x.mp3"))),
				400, "invalid_id", "id");
		assertRefused(admin.postJson("/api/relays", Map.of("id", "vov1", "name", "VOV1")), 400, "missing_urls", "urls");
		assertRefused(admin.postJson("/api/relays", Map.of("id", "vov1", "urls", List.of("ftp://a.example.vn/x.mp3"))),
				400, "invalid_urls", "urls");
		assertRefused(admin.postJson("/api/relays", Map.of("id", "vov1", "urls", List.of("http://a.example.vn/x.mp3"),
				"input", "default")), 400, "invalid_input", "input");
		assertRefused(admin.postJson("/api/slots", relaySlot("khong-co")), 400, "schedule_unknownRelay", "relay");
		assertThat(admin.putJson("/api/relays/khong-co", Map.of("input", "default")).status()).isEqualTo(404);
		assertThat(admin.delete("/api/relays/khong-co").status()).isEqualTo(404);
		ApiClient officer = as(account("can-bo-tiep-song", Role.OFFICER), "mat-khau-can-bo-12");
		assertThat(officer.postJson("/api/relays", Map.of("id", "vov1", "input", "default")).status()).isEqualTo(403);
		assertThat(schedule.current()).as("nothing stored").isEqualTo(before);

		ApiClient.Response added = admin.postJson("/api/relays", Map.of("id", "vov1", "name", "VOV1 Thời sự", "urls",
				List.of("https://stream.example.vn/vov1.m3u8", "http://radio.example.vn:8000/vov1.mp3")));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().path("urls")).hasSize(2);
		assertRefused(admin.postJson("/api/relays", Map.of("id", "vov1", "input", "default")), 409, "duplicate_id", "id");
		assertThat(admin.get("/api/relays").json().findValuesAsText("name")).containsExactly("VOV1 Thời sự");
		ApiClient.Response slot = admin.postJson("/api/slots", relaySlot("vov1"));
		assertThat(slot.status()).as(slot.body()).isEqualTo(201);
		assertThat(slot.json().path("relay").asText()).isEqualTo("vov1");
		assertThat(admin.get("/api/slots").json().findValuesAsText("relay")).contains("vov1");
		assertThat(schedule.export().get("zones.yaml")).contains("relays:", "id: vov1", "VOV1 Thời sự");
		assertThat(schedule.export().get("ban-na-lay.yaml")).contains("relay: vov1");
		ApiClient.Response changed = admin.putJson("/api/relays/vov1", Map.of("name", "Đài tỉnh", "input", "default"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(schedule.current().relay("vov1").orElseThrow().isInput()).isTrue();
		assertThat(admin.delete("/api/relays/vov1").error()).as("a slot relays it").isEqualTo("in_use");
		String key = URLEncoder.encode("ban-na-lay/Tiếp sóng", StandardCharsets.UTF_8);
		assertThat(admin.delete("/api/slots?key=" + key).status()).isEqualTo(204);
		assertThat(admin.delete("/api/relays/vov1").status()).isEqualTo(204);
		assertThat(schedule.current().relays()).isEmpty();
	}

	private static Map<String, Object> relaySlot(String relay) {
		Map<String, Object> slot = slot("ban-na-lay", "Tiếp sóng", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
			.plusDays(30).toString(), "06:00");
		slot.put("relay", relay);
		return slot;
	}

	@Test
	void movingAZoneOntoABusyChannelIsRefusedWhereTheSlotsWouldOverlap() throws Exception {
		String date = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(20).toString();
		assertThat(admin.postJson("/api/channels", Map.of("id", "kenh-phu", "output", "file")).status()).isEqualTo(201);
		assertThat(admin.postJson("/api/zones", Map.of("id", "to-3", "name", "Tổ 3", "channel", "kenh-phu")).status())
			.isEqualTo(201);
		assertThat(admin.postJson("/api/slots", slot("to-3", "Tin tổ 3", date, "18:00")).status()).isEqualTo(201);
		assertThat(admin.postJson("/api/slots", slot("ban-na-lay", "Tin bản", date, "18:05")).status()).isEqualTo(201);
		Plan before = schedule.current();
		ApiClient.Response moved = admin.putJson("/api/zones/to-3", Map.of("name", "Tổ 3", "channel", "chinh"));
		assertRefused(moved, 400, "schedule_overlap", "start");
		assertThat(moved.message()).contains("Tin tổ 3", "Tin bản");
		assertThat(schedule.current()).isEqualTo(before);
	}

	@Test
	void theFormsGiveTheSameChecksInVietnameseAndChangeNothingOnRefusal() throws Exception {
		WebSession web = WebSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		assertThat(web.page("/zones/plan")).contains("Kênh, vùng loa và nhóm vùng", "Bản Na Lay");
		Plan before = schedule.current();
		web.post("/zones/plan/zones", "id=" + enc("Bản B") + "&channel=chinh");
		assertThat(web.page("/zones/plan")).contains("Mã chỉ được gồm chữ thường không dấu");
		web.post("/zones/plan/zones", "id=ban-b&name=" + enc("x".repeat(101)) + "&channel=chinh");
		assertThat(web.page("/zones/plan")).contains("«tên» dài quá 100");
		web.post("/zones/plan/zones", "id=ban-b&channel=khong-co");
		assertThat(web.page("/zones/plan")).contains("Không có kênh phát «khong-co»");
		web.post("/zones/plan/channels/chinh/retire", "");
		assertThat(web.page("/zones/plan")).contains("«Kênh chính» đang được dùng bởi: Bản Na Lay");
		assertThat(schedule.current()).as("nothing changed").isEqualTo(before);

		web.post("/zones/plan/zones", "id=ban-huoi-lech&name=" + enc("Bản Huổi Lếch") + "&channel=chinh");
		assertThat(web.page("/zones/plan")).contains("Đã lưu «Bản Huổi Lếch»");
		web.post("/zones/plan/zones", "existing=ban-huoi-lech&name=" + enc("Bản Huổi Lếch 2") + "&channel=chinh&switchOn="
				+ enc("relay on 2") + "&settle=1s");
		assertThat(web.page("/zones/plan")).contains("Đã lưu «Bản Huổi Lếch 2»");
		assertThat(schedule.current().zone("ban-huoi-lech").orElseThrow().switchOn()).containsExactly("relay", "on", "2");
		web.post("/zones/plan/zones/ban-huoi-lech/retire", "");
		assertThat(web.page("/zones/plan")).contains("Đã bỏ «Bản Huổi Lếch 2»");
		assertThat(schedule.current().zone("ban-huoi-lech")).isEmpty();
	}

	@Test
	void relaysOnThePlanPageAndTheSlotFormInVietnamese() throws Exception {
		WebSession web = WebSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		assertThat(web.page("/zones/plan")).contains("Nguồn tiếp sóng mới");
		Plan before = schedule.current();
		web.post("/zones/plan/relays", "id=dai-tinh&name=" + enc("Đài tỉnh") + "&urls=" + enc("ftp://x.example.vn/a"));
		assertThat(web.page("/zones/plan")).contains("không phải địa chỉ http hay https");
		web.post("/zones/plan/relays", "id=dai-tinh&name=" + enc("Đài tỉnh"));
		assertThat(web.page("/zones/plan")).contains("«địa chỉ luồng»");
		assertThat(schedule.current()).as("nothing changed").isEqualTo(before);

		web.post("/zones/plan/relays", "id=dai-tinh&name=" + enc("Đài tỉnh") + "&urls="
				+ enc("http://a.example.vn/live.mp3 https://b.example.vn/live.m3u8"));
		assertThat(web.page("/zones/plan")).contains("Đã lưu «Đài tỉnh»");
		assertThat(schedule.current().relay("dai-tinh").orElseThrow().urls()).containsExactly(
				"http://a.example.vn/live.mp3", "https://b.example.vn/live.m3u8");
		assertThat(web.page("/zones/slots/new")).contains("Tiếp sóng", "value=\"dai-tinh\"");
		web.post("/zones/plan/relays/dai-tinh/retire", "");
		assertThat(web.page("/zones/plan")).contains("Đã bỏ «Đài tỉnh»");
		assertThat(schedule.current().relays()).isEmpty();
	}

	private static String enc(String s) {
		return WebSession.enc(s);
	}

	private static Map<String, Object> slot(String target, String name, String date, String start) {
		Map<String, Object> slot = new HashMap<>();
		slot.put("target", target);
		slot.put("name", name);
		slot.put("dates", date);
		slot.put("start", start);
		slot.put("length", "15m");
		return slot;
	}

	private static void assertRefused(ApiClient.Response r, int status, String error, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.error()).as(r.body()).isEqualTo(error);
		assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
		assertThat(r.message()).as("a message for people").isNotBlank().doesNotContain("Exception");
	}

	private final java.util.Set<String> made = new java.util.HashSet<>();

	private String account(String name, Role role) {
		if (made.add(name)) {
			users.create(name, name, name.equals("ky-thuat") ? "mat-khau-ky-thuat-1" : "mat-khau-can-bo-12",
					java.util.EnumSet.of(role), "test");
		}
		return name;
	}

	private static PlanReader.Result readBack(Map<String, String> files) throws Exception {
		Path dir = Files.createDirectories(TestDirs.create("plan-api-export"));
		for (Map.Entry<String, String> f : files.entrySet()) {
			Files.writeString(dir.resolve(f.getKey()), f.getValue());
		}
		return new PlanReader(ROOT.resolve("media")).readDirectory(dir);
	}
}
