package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.media.ClipLibrary;
import vn.loaxa.security.CommuneKey;
import vn.loaxa.support.Requires;

/**
 * CAP 1.2, the format alerting authorities exchange, at the province's hub with a real speech
 * engine (espeak-ng): an Extreme alert in Vietnamese becomes an EMERGENCY bulletin spoken from its
 * description and instruction, an Update replaces it, a Cancel withdraws it; a test message,
 * malformed XML (a DTD too), an info-less alert and an unknown reference are refused, storing nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Requires.Present(Requires.Os.ESPEAK_NG)
class BulletinCapTests {

	static final Path ROOT = vn.loaxa.support.TestDirs.create("bulletin-cap");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		HubContext.register(registry, ROOT);
		registry.add("loaxa.tts.engine", () -> "espeak-ng");
	}

	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@Autowired JdbcTemplate jdbc;
	@Autowired ClipLibrary library;

	static long flood;

	@Test
	@Order(1)
	void anExtremeAlertInVietnameseBecomesAnEmergencySpokenFromItsDescriptionAndInstruction() throws Exception {
		for (String id : new String[] { "xa-na-lay", "xa-hai-dong" }) {
			ResponseEntity<String> r = rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/communes",
					Map.of("id", id, "name", id, "publicKey",
							CommuneKey.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic())),
					String.class);
			assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
		}
		ResponseEntity<String> made = cap(alert("KTTV-01", "Alert", "Actual", "", info("Extreme")));
		assertThat(made.getStatusCode().value()).as(made.getBody()).isEqualTo(201);
		JsonNode b = json.readTree(made.getBody());
		flood = b.path("id").asLong();
		assertThat(b.path("level").asText()).isEqualTo("EMERGENCY");
		assertThat(b.path("title").asText()).as("the vi-VN info, not the English one")
			.isEqualTo("Cảnh báo lũ quét trên suối Nậm Lay");
		assertThat(b.path("communes")).extracting(JsonNode::asText).containsExactly("xa-na-lay");
		assertThat(b.path("validUntil").asText()).isEqualTo("2099-03-03T16:00:00Z");
		assertThat(b.path("durationMs").asLong()).as("spoken, so it has length").isPositive();
		String spoken = library.findBySha256(b.path("sha256").asText()).orElseThrow().getText();
		assertThat(spoken).isEqualTo("Mưa lớn có thể gây lũ quét trong đêm nay.\nBà con ven suối di chuyển lên vùng cao ngay.");
		assertThat(cap(alert("KTTV-01", "Alert", "Actual", "", info("Extreme"))).getStatusCode().value())
			.as("the same message twice").isEqualTo(409);
	}

	@Test
	@Order(2)
	void anUpdateReplacesTheBulletinItReferencesAndACancelWithdrawsIt() throws Exception {
		String reference = "<references>kttv@dienbien.gov.vn,KTTV-01,2026-03-03T17:00:00+07:00</references>";
		ResponseEntity<String> updated = cap(alert("KTTV-02", "Update", "Actual", reference, info("Moderate")));
		assertThat(updated.getStatusCode().value()).as(updated.getBody()).isEqualTo(201);
		long replacement = json.readTree(updated.getBody()).path("id").asLong();
		assertThat(json.readTree(updated.getBody()).path("level").asText()).isEqualTo("HIGH");
		assertThat(bulletin(flood).path("cancelledAt").isNull()).as("the first is withdrawn").isFalse();
		assertThat(bulletin(replacement).path("cancelledAt").isNull()).isTrue();

		String second = "<references>kttv@dienbien.gov.vn,KTTV-02,2026-03-03T18:00:00+07:00</references>";
		ResponseEntity<String> cancelled = cap(alert("KTTV-03", "Cancel", "Actual", second, ""));
		assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(201);
		assertThat(bulletin(replacement).path("cancelledAt").isNull()).isFalse();
		assertThat(bulletin(replacement).path("targets").get(0).path("state").asText()).isEqualTo("CANCELLED");
	}

	@Test
	@Order(3)
	void testMessagesMalformedXmlAndUnknownReferencesAreRefusedAndStoreNothing() throws Exception {
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM province_bulletin", Long.class);
		assertRefused(cap(alert("T-1", "Alert", "Test", "", info("Extreme"))), 422, "cap_not_actual");
		assertRefused(cap(alert("T-2", "Alert", "Exercise", "", info("Extreme"))), 422, "cap_not_actual");
		assertRefused(cap("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x"), 400, "cap_malformed");
		assertRefused(cap("<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ alert("T-3", "Alert", "Actual", "", info("Extreme")).substring(38)), 400, "cap_malformed");
		assertRefused(cap(alert("T-4", "Alert", "Actual", "", "")), 400, "cap_no_info");
		assertRefused(cap(alert("T-5", "Cancel", "Actual",
				"<references>kttv@dienbien.gov.vn,KHONG-CO,2026-03-03T17:00:00+07:00</references>", "")), 404,
				"cap_unknown_reference");
		assertRefused(cap("<alert/>"), 400, "cap_malformed");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM province_bulletin", Long.class)).isEqualTo(before);
	}

	// ------------------------------------------------------------------ helpers

	private static String alert(String identifier, String type, String status, String references, String infos) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
				  <identifier>%s</identifier>
				  <sender>kttv@dienbien.gov.vn</sender>
				  <sent>2026-03-03T17:00:00+07:00</sent>
				  <status>%s</status>
				  <msgType>%s</msgType>
				  <scope>Public</scope>
				  %s
				  %s
				</alert>
				""".formatted(identifier, status, type, references, infos);
	}

	private static String info(String severity) {
		return """
				<info>
				  <language>en-US</language>
				  <category>Met</category><event>Flash flood</event><urgency>Immediate</urgency>
				  <severity>%1$s</severity><certainty>Likely</certainty>
				  <headline>Flash flood warning</headline>
				  <description>Heavy rain may cause flash floods tonight.</description>
				</info>
				<info>
				  <language>vi-VN</language>
				  <category>Met</category><event>Lũ quét</event><urgency>Immediate</urgency>
				  <severity>%1$s</severity><certainty>Likely</certainty>
				  <expires>2099-03-03T23:00:00+07:00</expires>
				  <headline>Cảnh báo lũ quét trên suối Nậm Lay</headline>
				  <description>Mưa lớn có thể gây lũ quét trong đêm nay.</description>
				  <instruction>Bà con ven suối di chuyển lên vùng cao ngay.</instruction>
				  <area><areaDesc>Xã Na Lay</areaDesc>
				    <geocode><valueName>commune</valueName><value>xa-na-lay</value></geocode></area>
				</info>
				""".formatted(severity);
	}

	private ResponseEntity<String> cap(String xml) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/cap+xml"));
		return rest.withBasicAuth("admin", "test-admin-pw").postForEntity("/api/province/bulletins/cap",
				new HttpEntity<>(xml.strip().getBytes(StandardCharsets.UTF_8), headers), String.class);
	}

	private JsonNode bulletin(long id) throws Exception {
		return json.readTree(rest.withBasicAuth("admin", "test-admin-pw").getForObject("/api/province/bulletins/" + id,
				String.class));
	}

	private void assertRefused(ResponseEntity<String> r, int status, String code) throws Exception {
		assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
		JsonNode body = json.readTree(r.getBody());
		assertThat(body.path("error").asText()).isEqualTo(code);
		assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
	}
}
