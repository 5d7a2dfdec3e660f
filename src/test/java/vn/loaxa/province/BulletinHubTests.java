package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.security.CommuneKey;
import vn.loaxa.support.TestAudio;

/**
 * Bulletins down at the province's hub, over its API as the province officer and the communes' PCs
 * use it: bad input refused with its field and nothing stored; a published bulletin signed with the
 * hub's key (checked here with the JDK alone) and its audio the very bytes uploaded; a commune's
 * open request answered the moment a bulletin is published; signed receipts; AIRED from the
 * commune's signed records; a withdrawal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinHubTests {

	static final Path ROOT = vn.loaxa.support.TestDirs.create("bulletin-hub");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		HubContext.register(registry, ROOT);
	}

	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@Autowired JdbcTemplate jdbc;
	@Autowired org.springframework.test.web.servlet.MockMvc mvc;

	static final KeyPair naLay = pair();
	static final KeyPair haiDong = pair();
	static final KeyPair bacBa = pair();
	static final Map<String, String> tokens = new java.util.HashMap<>();
	static byte[] sound;
	static long emergency;
	static long high;

	@Test
	@Order(1)
	void badBulletinsAreRefusedWithTheirFieldAndNothingIsStored() throws Exception {
		tokens.put("xa-na-lay", enrol("xa-na-lay", "Xã Na Lay", naLay));
		tokens.put("xa-hai-dong", enrol("xa-hai-dong", "Xã Hải Đông", haiDong));
		tokens.put("xa-bac-ba", enrol("xa-bac-ba", "Xã Bắc Ba", bacBa));
		sound = TestAudio.uniqueMp3(2, "Cảnh báo lũ");
		long clipsBefore = count("clip");
		String until = Instant.now().plus(1, ChronoUnit.HOURS).toString();
		assertRefused(publish(null, null, Map.of("title", "Không có tiếng", "level", "NORMAL")), 400, "bad_audio");
		assertRefused(publish(sound, "Cả hai", Map.of("title", "Cả hai", "level", "NORMAL")), 400, "bad_audio");
		assertRefused(publish(sound, null, Map.of("title", "Không mức")), 400, "bad_level", "level");
		assertRefused(publish(sound, null, Map.of("title", "Mức lạ", "level", "RAT_GAP")), 400, "bad_level", "level");
		assertRefused(publish(sound, null, Map.of("title", "Khẩn", "level", "EMERGENCY")), 400, "valid_until_required",
				"validUntil");
		assertRefused(publish(sound, null, Map.of("title", "Hết hạn", "level", "HIGH", "validUntil",
				"2020-01-01T00:00:00+07:00")), 400, "bad_validity", "validUntil");
		assertRefused(publish(sound, null, Map.of("title", "Ngày sai", "level", "HIGH", "validUntil", "31/12/2026")),
				400, "bad_validUntil", "validUntil");
		assertRefused(publish(sound, null, Map.of("title", "Xã lạ", "level", "NORMAL", "communes", "xa-khong-co")), 400,
				"unknown_commune", "communes");
		assertRefused(publish(sound, null, Map.of("title", "Lặp", "level", "HIGH", "repeat", "2h", "validUntil", until)),
				400, "repeat_not_emergency", "repeat");
		assertRefused(publish(sound, null, Map.of("title", "Lặp", "level", "EMERGENCY", "repeat", "1m", "validUntil",
				until)), 400, "bad_repeat", "repeat");
		assertRefused(publish(sound, null, Map.of("title", "Nhóm", "level", "EMERGENCY", "validUntil", until, "groups",
				"Toàn xã")), 400, "bad_groups", "groups");
		assertRefused(publish("không phải âm thanh".getBytes(StandardCharsets.UTF_8), null, Map.of("title", "Hỏng",
				"level", "NORMAL")), 415, null);
		assertRefused(publish(null, "Đây là bản tin chữ", Map.of("title", "Bản tin chữ", "level", "NORMAL")), 503,
				"tts_unavailable");
		assertThat(count("province_bulletin")).isZero();
		assertThat(count("province_bulletin_target")).isZero();
		assertThat(count("clip")).as("a refused bulletin leaves no clip").isEqualTo(clipsBefore);
	}

	@Test
	@Order(2)
	void aPublishedBulletinIsSignedByTheHubAndItsAudioIsTheFileUploaded() throws Exception {
		String until = "2099-03-03T18:00:00+07:00";
		ResponseEntity<String> published = publish(sound, null, Map.of("title", "Cảnh báo lũ quét", "level", "EMERGENCY",
				"kind", "ANNOUNCEMENT", "topic", "OTHER", "communes", "xa-na-lay, xa-hai-dong", "validUntil", until,
				"repeat", "2h"));
		assertThat(published.getStatusCode().value()).as(published.getBody()).isEqualTo(201);
		JsonNode b = json.readTree(published.getBody());
		emergency = b.path("id").asLong();
		assertThat(b.path("title").asText()).isEqualTo("Cảnh báo lũ quét");
		assertThat(b.path("level").asText()).isEqualTo("EMERGENCY");
		assertThat(b.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(sound)));
		assertThat(b.path("durationMs").asLong()).isBetween(1_900L, 2_200L);
		assertThat(b.path("validUntil").asText()).isEqualTo("2099-03-03T11:00:00Z");
		assertThat(b.path("communes")).hasSize(2);
		assertThat(state(emergency, "xa-na-lay")).isEqualTo("SENT");

		List<JsonNode> inbox = inbox("xa-na-lay", 0);
		assertThat(inbox).hasSize(1);
		String manifest = inbox.get(0).path("manifest").asText();
		PublicKey hubKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
			.decode(rest.getForObject("/api/province/public-key", String.class).replaceAll("-----[A-Z ]+-----", ""))));
		Signature check = Signature.getInstance("Ed25519");
		check.initVerify(hubKey);
		check.update(manifest.getBytes(StandardCharsets.UTF_8));
		assertThat(check.verify(Base64.getDecoder().decode(inbox.get(0).path("signature").asText())))
			.as("the manifest is signed by the hub's published key").isTrue();
		JsonNode m = json.readTree(manifest);
		assertThat(m.path("id").asLong()).isEqualTo(emergency);
		assertThat(m.path("audio").path("sha256").asText()).isEqualTo(b.path("sha256").asText());
		assertThat(m.path("validity").path("repeatSeconds").asLong()).isEqualTo(7200);
		ResponseEntity<byte[]> audio = asCommune("xa-na-lay", "/api/province/inbox/" + emergency + "/audio", byte[].class);
		assertThat(audio.getBody()).isEqualTo(sound);
		assertThat(asCommune("xa-bac-ba", "/api/province/inbox/" + emergency + "/audio", String.class).getStatusCode()
			.value()).as("not a target").isEqualTo(404);
		assertThat(inbox("xa-bac-ba", 0)).isEmpty();
		assertThat(rest.exchange("/api/province/inbox", HttpMethod.GET, null, String.class).getStatusCode().value())
			.as("no token").isEqualTo(401);
	}

	@Test
	@Order(3)
	void aWaitingCommuneIsAnsweredTheMomentABulletinIsPublished() throws Exception {
		assertThat(receipt("xa-hai-dong", haiDong, emergency, "RECEIVED", null).getStatusCode().value()).isEqualTo(204);
		assertThat(state(emergency, "xa-hai-dong")).isEqualTo("RECEIVED");
		long asked = System.nanoTime();
		CompletableFuture<List<JsonNode>> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return inbox("xa-hai-dong", 30);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(1_000); // the request is open at the hub before the bulletin is published
		assertThat(waiting).isNotDone();
		ResponseEntity<String> published = publish(TestAudio.uniqueMp3(1, "Lịch tiêm"), null, Map.of("title",
				"Lịch tiêm chủng", "level", "HIGH", "communes", "xa-hai-dong,xa-bac-ba"));
		assertThat(published.getStatusCode().value()).as(published.getBody()).isEqualTo(201);
		high = json.readTree(published.getBody()).path("id").asLong();
		List<JsonNode> answer = waiting.get(20, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("answered before its 30 s wait ran out")
			.isLessThan(Duration.ofSeconds(25));
		assertThat(answer).hasSize(1);
		assertThat(json.readTree(answer.get(0).path("manifest").asText()).path("id").asLong()).isEqualTo(high);
	}

	@Test
	@Order(4)
	void receiptsAreTheCommunesSignedWordAndAiredComesFromItsRecords() throws Exception {
		assertThat(receipt("xa-na-lay", bacBa, emergency, "RECEIVED", null).getStatusCode().value())
			.as("signed by another commune's key").isEqualTo(422);
		assertThat(receipt("xa-na-lay", naLay, 999_999, "RECEIVED", null).getStatusCode().value()).isEqualTo(404);
		assertThat(receipt("xa-na-lay", naLay, emergency, "RECEIVED", null).getStatusCode().value()).isEqualTo(204);
		assertThat(inbox("xa-na-lay", 0)).as("nothing left to fetch").isEmpty();
		JsonNode naLayRow = target(emergency, "xa-na-lay");
		assertThat(naLayRow.path("state").asText()).isEqualTo("RECEIVED");
		assertThat(naLayRow.path("zones").asInt()).isEqualTo(3);
		assertThat(naLayRow.path("name").asText()).isEqualTo("Xã Na Lay");
		assertThat(naLayRow.path("lastContactAt").isNull()).isFalse();

		// the commune's signed records of the bulletin's audio make it AIRED, with when and where
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sound));
		Instant aired = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<vn.loaxa.broadcast.BroadcastRecord> chain = ProvinceHubTests.chain(List.of(
				emergencyAiring("ban-na-lay", sha, aired), emergencyAiring("to-dan-pho-1", sha, aired.plusMillis(40))));
		ResponseEntity<String> pushed = push("xa-na-lay", ProvinceHubTests.signedBundle(json, "xa-na-lay", chain,
				data -> ProvinceHubTests.sign(naLay, data), CommuneKey.pem(naLay.getPublic())));
		assertThat(pushed.getStatusCode().value()).as(pushed.getBody()).isEqualTo(200);
		naLayRow = target(emergency, "xa-na-lay");
		assertThat(naLayRow.path("state").asText()).isEqualTo("AIRED");
		assertThat(Instant.parse(naLayRow.path("firstAiredAt").asText())).isEqualTo(aired);
		assertThat(naLayRow.path("zonesAired").asInt()).isEqualTo(2);

		assertThat(receipt("xa-hai-dong", haiDong, high, "REJECTED", "Trùng với bản tin xã đã phát").getStatusCode()
			.value()).isEqualTo(204);
		JsonNode rejected = target(high, "xa-hai-dong");
		assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
		assertThat(rejected.path("reason").asText()).isEqualTo("Trùng với bản tin xã đã phát");
	}

	@Test
	@Order(5)
	void aWithdrawalReachesTheCommunesThatTookItAndCancelsTheRest() throws Exception {
		ResponseEntity<String> cancelled = rest.withBasicAuth("admin", "test-admin-pw")
			.postForEntity("/api/province/bulletins/" + emergency + "/cancel", null, String.class);
		assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(200);
		assertThat(json.readTree(cancelled.getBody()).path("cancelledAt").isNull()).isFalse();
		List<JsonNode> naLayInbox = inbox("xa-na-lay", 0);
		assertThat(naLayInbox).hasSize(1);
		JsonNode withdrawal = json.readTree(naLayInbox.get(0).path("manifest").asText());
		assertThat(withdrawal.path("id").asLong()).isEqualTo(emergency);
		assertThat(withdrawal.path("cancelled").asBoolean()).isTrue();
		assertThat(receipt("xa-na-lay", naLay, emergency, "CANCEL_SEEN", null).getStatusCode().value()).isEqualTo(204);
		assertThat(inbox("xa-na-lay", 0)).isEmpty();
		assertThat(state(high, "xa-bac-ba")).isEqualTo("SENT");
		rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/bulletins/" + high + "/cancel", null,
				String.class);
		assertThat(state(high, "xa-bac-ba")).as("withdrawn before it was fetched").isEqualTo("CANCELLED");
		assertThat(inbox("xa-bac-ba", 0)).isEmpty();
		assertThat(rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/bulletins/" + high
				+ "/cancel", null, String.class).getStatusCode().value()).isEqualTo(409);
	}

	@Test
	@Order(6)
	void thePageShowsEachCommunesStateInVietnameseAndPublishesFromTheForm() throws Exception {
		var officer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("can-bo").roles("OFFICER");
		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/province/bulletins").with(officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Bản tin gửi xã").contains("Cảnh báo lũ quét").contains("Khẩn cấp")
			.contains("Đã phát").contains("Xã từ chối").contains("Trùng với bản tin xã đã phát").contains("Đã thu hồi")
			.contains("Xã Na Lay").doesNotContain("Exception");
		var form = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/province/bulletins")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "hop-dan.mp3", "audio/mpeg",
					TestAudio.uniqueMp3(1, "Họp dân")))
			.param("title", "Thông báo họp dân").param("level", "NORMAL").param("communes", "xa-bac-ba")
			.param("validUntil", "2099-01-01T08:00")
			.with(officer).with(csrf);
		var done = mvc.perform(form).andReturn();
		assertThat(String.valueOf(done.getFlashMap().get("info"))).contains("Thông báo họp dân").contains("1 xã");
		Long id = jdbc.queryForObject("SELECT MAX(id) FROM province_bulletin", Long.class);
		JsonNode b = json.readTree(rest.withBasicAuth("admin", "test-admin-pw").getForObject("/api/province/bulletins/"
				+ id, String.class));
		assertThat(b.path("validUntil").asText()).as("the form's local time is commune time").isEqualTo(
				"2099-01-01T01:00:00Z");
		var bad = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/province/bulletins")
			.param("title", "Không tệp").param("level", "HIGH").with(officer).with(csrf);
		assertThat(String.valueOf(mvc.perform(bad).andReturn().getFlashMap().get("error")))
			.isEqualTo("Gửi kèm đúng một trong hai: tệp âm thanh hoặc nội dung chữ để đọc");
	}

	// ------------------------------------------------------------------ helpers

	private static Airing emergencyAiring(String zone, String sha, Instant at) {
		return Airing.of(zone, "Khẩn cấp")
			.clip(7L, sha, "Cảnh báo lũ quét", ClipKind.ANNOUNCEMENT, Topic.OTHER)
			.scheduled(at)
			.started(at)
			.ended(at.plusMillis(2_000))
			.playedMs(2_000)
			.dueMs(2_000)
			.outcome(Outcome.PLAYED)
			.build();
	}

	private String enrol(String id, String name, KeyPair pair) throws Exception {
		ResponseEntity<String> r = rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/communes",
				Map.of("id", id, "name", name, "publicKey", CommuneKey.pem(pair.getPublic())), String.class);
		assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
		return json.readTree(r.getBody()).path("token").asText();
	}

	private ResponseEntity<String> publish(byte[] file, String text, Map<String, String> fields) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		if (file != null) {
			form.add("file", new ByteArrayResource(file) {
				@Override
				public String getFilename() {
					return "ban-tin.mp3";
				}
			});
		}
		if (text != null) {
			form.add("text", text);
		}
		fields.forEach(form::add);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/bulletins",
				new HttpEntity<>(form, headers), String.class);
	}

	private List<JsonNode> inbox(String commune, int wait) throws Exception {
		ResponseEntity<String> r = asCommune(commune, "/api/province/inbox?wait=" + wait, String.class);
		assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
		List<JsonNode> list = new java.util.ArrayList<>();
		json.readTree(r.getBody()).forEach(list::add);
		return list;
	}

	private <T> ResponseEntity<T> asCommune(String commune, String path, Class<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(tokens.get(commune));
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
	}

	private ResponseEntity<String> receipt(String commune, KeyPair signer, long bulletin, String state, String reason)
			throws Exception {
		Map<String, Object> receipt = new java.util.LinkedHashMap<>();
		receipt.put("format", 1);
		receipt.put("bulletinId", bulletin);
		receipt.put("state", state);
		receipt.put("at", Instant.now().toString());
		receipt.put("zones", 3);
		receipt.put("reason", reason);
		String text = json.writeValueAsString(receipt);
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(tokens.get(commune));
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.exchange("/api/province/inbox/receipts", HttpMethod.POST, new HttpEntity<>(Map.of("receipt", text,
				"signature", ProvinceHubTests.sign(signer, text.getBytes(StandardCharsets.UTF_8))), headers), String.class);
	}

	private ResponseEntity<String> push(String commune, byte[] bundle) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/zip"));
		headers.setBearerAuth(tokens.get(commune));
		return rest.exchange("/api/province/push", HttpMethod.POST, new HttpEntity<>(bundle, headers), String.class);
	}

	private JsonNode target(long bulletin, String commune) throws Exception {
		JsonNode b = json.readTree(rest.withBasicAuth("admin", "test-admin-pw").getForObject("/api/province/bulletins/"
				+ bulletin, String.class));
		for (JsonNode t : b.path("targets")) {
			if (t.path("commune").asText().equals(commune)) {
				return t;
			}
		}
		throw new AssertionError("no " + commune + " in " + b);
	}

	private String state(long bulletin, String commune) throws Exception {
		return target(bulletin, commune).path("state").asText();
	}

	private void assertRefused(ResponseEntity<String> r, int status, String code) throws Exception {
		assertRefused(r, status, code, null);
	}

	private void assertRefused(ResponseEntity<String> r, int status, String code, String field) throws Exception {
		assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
		JsonNode body = json.readTree(r.getBody());
		if (code != null) {
			assertThat(body.path("error").asText()).isEqualTo(code);
		}
		assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
		if (field != null) {
			assertThat(body.path("field").asText()).isEqualTo(field);
		}
	}

	private long count(String table) {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return n == null ? 0 : n;
	}

	private static KeyPair pair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
