package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.security.CommuneKey;

/**
 * The hub's own failures while it takes a bundle, made real in its database: a constraint that the
 * third record of a bundle breaks, an enrolled key damaged in its table. The bundle is booked as
 * refused with the reason {@code hub_error}, none of its records is kept, and the sender gets a 500
 * JSON answer it can retry on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ProvinceHubFaultTests {

	static final Path ROOT = vn.loaxa.support.TestDirs.create("province-fault");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		HubContext.register(registry, ROOT);
	}

	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@Autowired JdbcTemplate jdbc;
	@Autowired MockMvc mvc;

	@Test
	void aBundleWhoseRecordsTheDatabaseRefusesIsBookedAsRefusedAndNothingOfItIsKept() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String token = enrol("xa-loi-ghi", "Xã Lỗi Ghi", pair);
		List<BroadcastRecord> chain = ProvinceHubTests.chain(List.of(
				ProvinceHubTests.played("ban-1", 51, "2026-11-03T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES),
				ProvinceHubTests.played("ban-1", 52, "2026-11-03T06:01", 30_000, ClipKind.SLOGAN, Topic.OTHER),
				ProvinceHubTests.played("ban-2", 51, "2026-11-04T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES)));
		byte[] bundle = bundle("xa-loi-ghi", chain, pair);

		// the fault: the province_record table refuses the bundle's last record, after the two before it
		jdbc.execute("ALTER TABLE province_record ADD CONSTRAINT fault_injected CHECK (NOT (commune_id = 'xa-loi-ghi' "
				+ "AND record_id = " + chain.get(2).id() + "))");
		ResponseEntity<String> pushed;
		try {
			pushed = push(bundle, token);
		}
		finally {
			jdbc.execute("ALTER TABLE province_record DROP CONSTRAINT fault_injected");
		}
		assertHubError(pushed);
		assertThat(held("xa-loi-ghi")).as("the records stored before the fault are rolled back").isZero();
		Map<String, Object> booked = lastBooking("xa-loi-ghi");
		assertThat(booked).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR", "hub_error")
			.containsEntry("SOURCE", "push").containsEntry("RECORDS", 3).containsEntry("NEW_RECORDS", 0);
		String page = mvc.perform(MockMvcRequestBuilders.get("/province")
			.with(SecurityMockMvcRequestPostProcessors.user("can-bo").roles("OFFICER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Máy chủ tỉnh gặp lỗi khi lưu tệp bằng chứng này").doesNotContain("Exception");

		// the fault gone, the same bundle is taken whole
		ResponseEntity<String> again = push(bundle, token);
		assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
		assertThat(json.readTree(again.getBody()).path("newRecords").asInt()).isEqualTo(3);
		assertThat(held("xa-loi-ghi")).isEqualTo(3);
		assertThat(lastBooking("xa-loi-ghi")).containsEntry("OUTCOME", "ACCEPTED");
	}

	@Test
	void aBundleOfACommuneWhoseEnrolledKeyIsDamagedInTheHubsTableIsBookedAsRefused() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String token = enrol("xa-khoa-hong", "Xã Khóa Hỏng", pair);
		byte[] bundle = bundle("xa-khoa-hong", ProvinceHubTests.chain(List.of(
				ProvinceHubTests.played("ban-1", 61, "2026-11-05T06:00", 60_000, ClipKind.NEWS, Topic.PROCEDURES))), pair);
		jdbc.update("UPDATE province_commune SET public_key = '-----BEGIN PUBLIC KEY-----\nhỏng\n-----END PUBLIC KEY-----' "
				+ "WHERE id = 'xa-khoa-hong'");

		assertHubError(push(bundle, token));
		assertThat(held("xa-khoa-hong")).isZero();
		assertThat(lastBooking("xa-khoa-hong")).containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR", "hub_error")
			.containsEntry("RECORDS", 1);
	}

	private void assertHubError(ResponseEntity<String> response) throws Exception {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(500);
		assertThat(response.getHeaders().getContentType()).isNotNull();
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		JsonNode body = json.readTree(response.getBody());
		assertThat(body.path("error").asText()).isEqualTo("hub_error");
		assertThat(body.path("message").asText()).contains("Máy chủ tỉnh gặp lỗi").doesNotContain("Exception");
	}

	/** Enrols a commune over the API; its push token. */
	private String enrol(String id, String name, KeyPair pair) throws Exception {
		ResponseEntity<String> enrolled = rest.withBasicAuth("admin", HubContext.ADMIN_PASSWORD)
			.postForEntity("/api/province/communes",
					Map.of("id", id, "name", name, "publicKey", CommuneKey.pem(pair.getPublic())), String.class);
		assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
		return json.readTree(enrolled.getBody()).path("token").asText();
	}

	private byte[] bundle(String commune, List<BroadcastRecord> chain, KeyPair pair) throws Exception {
		return ProvinceHubTests.signedBundle(json, commune, chain, data -> ProvinceHubTests.sign(pair, data),
				CommuneKey.pem(pair.getPublic()));
	}

	private ResponseEntity<String> push(byte[] bundle, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/zip"));
		headers.setBearerAuth(token);
		return rest.exchange("/api/province/push", HttpMethod.POST, new HttpEntity<>(bundle, headers), String.class);
	}

	private long held(String commune) {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM province_record WHERE commune_id = ?", Long.class, commune);
		return n == null ? 0 : n;
	}

	private Map<String, Object> lastBooking(String commune) {
		return jdbc.queryForMap("SELECT outcome, error, source, records, new_records FROM province_bundle "
				+ "WHERE commune_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", commune);
	}
}
