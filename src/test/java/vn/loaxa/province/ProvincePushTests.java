package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.province.internal.InboxStore;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.report.ReportService;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.LoaxaProcess;
import vn.loaxa.support.TestDirs;

/**
 * A commune's PC (this context) sends its log to the province's hub running as a child process: the
 * hub is down at first (the records wait, nothing is lost), then up (everything arrives once, in
 * batches, and the province's report equals the commune's own), then more records follow.
 * <p>
 * Both sides are set up as before the province took over from the district, to prove the upgrade
 * keeps them working: the hub starts with {@code loaxa.mode=district}, the commune sends with its
 * {@code loaxa.district.*} settings; and an upgraded commune still reaches a hub of the earlier
 * release, which knows only {@code /api/district/push}.
 */
@SpringBootTest
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvincePushTests {

	static final Path ROOT = TestDirs.create("province-push");
	static final Path HUB = TestDirs.create("province-hub");
	static final String PASSWORD = "mat-khau-huyen-123";
	static final LoaxaProcess hub = new LoaxaProcess(HUB, PASSWORD, List.of("--loaxa.mode=district"));
	static String token;

	/** The commune's key made beforehand, so the hub can enrol it before the commune's PC starts. */
	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		String publicKey = CommuneKeys.writeNew(ROOT.resolve("data"));
		Files.createDirectories(HUB.resolve("media"));
		Files.createDirectories(HUB.resolve("schedules"));
		hub.start().awaitUp(Duration.ofSeconds(90));
		ApiClient.Response enrolled = hub.admin().postJson("/api/district/communes",
				Map.of("id", "xa-na-lay", "name", "Xã Na Lay", "publicKey", publicKey));
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		token = enrolled.json().path("token").asText();
		hub.kill();
		registry.add("loaxa.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> ROOT.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> ROOT.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
		registry.add("loaxa.commune.id", () -> "xa-na-lay");
		registry.add("loaxa.district.url", hub::baseUrl);
		registry.add("loaxa.district.token", () -> token);
		registry.add("loaxa.district.push-delay", () -> "1h");
		registry.add("spring.quartz.scheduler-name", () -> "loaxa-" + ROOT.getFileName());
		vn.loaxa.support.TestDatabase.register(registry);
	}

	@AfterAll
	static void stopHub() throws InterruptedException {
		hub.close();
	}

	@Autowired BroadcastLog log;
	@Autowired ProvincePush push;
	@Autowired ReportService reports;
	@Autowired EvidenceExport export;
	@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
	@Autowired com.fasterxml.jackson.databind.ObjectMapper json;
	@Autowired vn.loaxa.config.LoaxaClock clock;
	@Autowired InboxStore inbox;
	@Autowired org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	@Order(1)
	void recordsWaitWhileTheHubIsDownAndArriveOnceWhenItIsUp() throws Exception {
		assertThat(push.configured()).as("the loaxa.district.* settings are read").isTrue();
		for (int day = 1; day <= 20; day++) {
			for (String zone : List.of("ban-na-lay", "to-dan-pho-1")) {
				log.append(ProvinceHubTests.played(zone, day % 3 + 1, "2026-11-%02dT05:30".formatted(day), 60_000 + day,
						ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION));
			}
		}
		assertThat(push.pushNow()).as("the hub is down").isZero();
		ProvincePush.Status down = push.status();
		assertThat(down.sentUpTo()).isZero();
		assertThat(down.waiting()).isEqualTo(40);
		assertThat(down.lastError()).isNotBlank();
		assertThat(down.lastSuccess()).isNull();

		hub.start().awaitUp(Duration.ofSeconds(90));
		assertThat(push.pushNow()).isEqualTo(40);
		assertThat(push.pushNow()).as("nothing twice").isZero();
		log.append(ProvinceHubTests.played("ban-na-lay", 9, "2026-11-25T05:30", 30_000, ClipKind.SLOGAN, Topic.OTHER));
		assertThat(push.pushNow()).isEqualTo(1);
		ProvincePush.Status up = push.status();
		assertThat(up.sentUpTo()).isEqualTo(log.head().lastId());
		assertThat(up.waiting()).isZero();
		assertThat(up.lastError()).isNull();
		assertThat(up.lastSuccess()).isNotNull();

		JsonNode province = hub.admin().get("/api/province/reports?period=2026-11").json();
		JsonNode commune = province.path("communes").get(0);
		var own = reports.compute(ReportPeriod.parse("2026-11")).figures().totals();
		assertThat(commune.path("commune").asText()).isEqualTo("xa-na-lay");
		assertThat(commune.path("totals").path("airings").asLong()).isEqualTo(own.airings()).isEqualTo(41);
		assertThat(commune.path("totals").path("clips").asLong()).isEqualTo(own.clips());
		assertThat(commune.path("totals").path("minutes").asDouble()).isEqualTo(own.minutes());
	}

	@Test
	@Order(3)
	void theSettingsPageShowsTheHubsPinnedKeyAndTheStripARefusedBulletin() throws Exception {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> inbox.link().fingerprint() != null);
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("admin").roles("ADMIN");
		String settings = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/settings").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(settings).contains("id=\"hub-key\"").contains(inbox.link().fingerprint())
			.doesNotContain("id=\"bulletin-refused\"");
		inbox.refusal("Bản tin #7 «Thử» bị từ chối: chữ ký không phải của máy chủ tỉnh đã ghim", java.time.Instant.now());
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/settings").with(admin)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"bulletin-refused\"").contains("Bản tin #7 «Thử» bị từ chối");
	}

	@Test
	@Order(2)
	void anUpgradedCommuneStillReachesAHubOfTheEarlierReleaseAtTheOldPath() throws Exception {
		List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		com.sun.net.httpserver.HttpServer oldHub = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		oldHub.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			asked.add(path);
			byte[] bundle = exchange.getRequestBody().readAllBytes();
			String body;
			int status;
			if (path.equals("/api/district/push")) {
				// what the earlier release answers: the receipt naming the last record of the bundle
				JsonNode head;
				try {
					head = json.readTree(ProvinceHubTests.entries(bundle).get("head.json"));
				}
				catch (Exception e) {
					throw new java.io.IOException(e);
				}
				body = "{\"commune\":\"xa-na-lay\",\"lastId\":" + head.path("lastId").asLong() + "}";
				status = 200;
			}
			else {
				body = "{\"error\":\"not_found\",\"message\":\"Không có trang này\"}";
				status = 404;
			}
			byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		oldHub.start();
		try {
			log.append(ProvinceHubTests.played("ban-na-lay", 9, "2026-11-26T05:30", 30_000, ClipKind.SLOGAN, Topic.OTHER));
			ProvincePush upgraded = new ProvincePush(export, log, jdbc, json, clock,
					"http://127.0.0.1:" + oldHub.getAddress().getPort(), token, vn.loaxa.config.LoaxaMode.COMMUNE);
			assertThat(upgraded.pushNow()).isEqualTo(1);
			assertThat(asked).containsExactly("/api/province/push", "/api/district/push");
			log.append(ProvinceHubTests.played("ban-na-lay", 9, "2026-11-27T05:30", 30_000, ClipKind.SLOGAN, Topic.OTHER));
			assertThat(upgraded.pushNow()).isEqualTo(1);
			assertThat(asked).as("the old path kept once found").endsWith("/api/district/push", "/api/district/push");
			assertThat(upgraded.status().waiting()).isZero();
		}
		finally {
			oldHub.stop(0);
		}
	}
}
