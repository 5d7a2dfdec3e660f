package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.faults.FaultCommune;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.Await;
import vn.loaxa.support.LoaxaProcess;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * Bulletins down from end to end, every part its own process as in the field: the province's hub
 * on PostgreSQL and two communes' radio PCs (H2, file sinks), each holding its open request to the
 * hub. An EMERGENCY airs at both while Na Lay is in the middle of a slot, and the hub shows both
 * AIRED from their signed records; a NORMAL one waits at both, Na Lay's officer approves it (it
 * joins the queue), Hải Đông's rejects it and the hub shows why; an EMERGENCY sent while Hải Đông
 * is down reaches it after its validity: MISSED {@code expired} there, EXPIRED at the hub.
 */
class BulletinsEndToEndTests {

	static final String PASSWORD = "mat-khau-e2e-12345";
	static final Duration UP = Duration.ofSeconds(120);

	@Test
	void emergencyNormalAndTooLateBulletinsFromTheProvinceToTwoCommunes() throws Exception {
		Path naLayRoot = TestDirs.create("bulletins-na-lay");
		Path haiRoot = TestDirs.create("bulletins-hai-dong");
		String naLayKey = commune(naLayRoot);
		String haiKey = commune(haiRoot);
		String hubDb = TestDatabase.create();
		try (LoaxaProcess hub = new LoaxaProcess(TestDirs.create("bulletins-hub"), PASSWORD,
				List.of("--loaxa.mode=province", "--spring.profiles.active=postgres", "--spring.datasource.url=" + hubDb,
						"--spring.datasource.username=" + TestDatabase.user(),
						"--spring.datasource.password=" + TestDatabase.password()))) {
			Files.createDirectories(hub.root().resolve("media"));
			Files.createDirectories(hub.root().resolve("schedules"));
			hub.start().awaitUp(UP);
			String naLayToken = enrol(hub, "xa-na-lay", "Xã Na Lay", naLayKey);
			String haiToken = enrol(hub, "xa-hai-dong", "Xã Hải Đông", haiKey);
			try (LoaxaProcess naLay = linked(naLayRoot, "xa-na-lay", hub, naLayToken);
					LoaxaProcess hai = linked(haiRoot, "xa-hai-dong", hub, haiToken)) {
				naLay.start();
				hai.start();
				naLay.awaitUp(UP);
				hai.awaitUp(UP);
				String slot = onAir(naLay);

				long emergency = publish(hub, "Cảnh báo lũ quét", "EMERGENCY", "", Instant.now().plusSeconds(3600));
				Await.until("both communes AIRED at the hub", Duration.ofSeconds(90),
						() -> state(hub, emergency, "xa-na-lay").equals("AIRED")
								&& state(hub, emergency, "xa-hai-dong").equals("AIRED"));
				assertThat(records(naLay)).as("the slot on air is cut by the emergency").anySatisfy(r -> {
					assertThat(r.path("slot").asText()).isEqualTo(slot);
					assertThat(r.path("outcome").asText()).isEqualTo("INTERRUPTED");
					assertThat(r.path("reasonCode").asText()).isEqualTo("emergency");
				});
				JsonNode aired = target(hub, emergency, "xa-hai-dong");
				assertThat(aired.path("zonesAired").asInt()).isEqualTo(2);
				assertThat(aired.path("zones").asInt()).isEqualTo(2);
				assertThat(aired.path("firstAiredAt").isNull()).isFalse();

				long normal = publish(hub, "Thông báo họp dân", "NORMAL", "xa-na-lay,xa-hai-dong", null);
				Await.until("both communes RECEIVED the NORMAL one", Duration.ofSeconds(60),
						() -> state(hub, normal, "xa-na-lay").equals("RECEIVED")
								&& state(hub, normal, "xa-hai-dong").equals("RECEIVED"));
				long atNaLay = clipOf(naLay, normal);
				long atHai = clipOf(hai, normal);
				assertThat(naLay.admin().post("/api/clips/" + atNaLay + "/approve").status()).isEqualTo(200);
				assertThat(naLay.admin().get("/api/queue").json().path("clips")).as("approved: in the queue")
					.anySatisfy(c -> assertThat(c.path("id").asLong()).isEqualTo(atNaLay));
				assertThat(hai.admin().postJson("/api/clips/" + atHai + "/reject",
						Map.of("reason", "Xã đã thông báo trực tiếp")).status()).isEqualTo(200);
				Await.until("the rejection at the hub", Duration.ofSeconds(60),
						() -> state(hub, normal, "xa-hai-dong").equals("REJECTED"));
				assertThat(target(hub, normal, "xa-hai-dong").path("reason").asText()).isEqualTo("Xã đã thông báo trực tiếp");
				assertThat(state(hub, normal, "xa-na-lay")).isEqualTo("RECEIVED");

				hai.kill();
				Instant until = Instant.now().plusSeconds(15);
				long late = publish(hub, "Cảnh báo sạt lở", "EMERGENCY", "xa-hai-dong", until);
				Await.until("its validity over", Duration.ofSeconds(30), () -> Instant.now().isAfter(until.plusSeconds(1)));
				hai.start().awaitUp(UP);
				Await.until("EXPIRED at the hub", Duration.ofSeconds(90),
						() -> state(hub, late, "xa-hai-dong").equals("EXPIRED"));
				List<JsonNode> missed = records(hai).stream()
					.filter(r -> r.path("reasonCode").asText().equals("expired"))
					.toList();
				assertThat(missed).extracting(r -> r.path("zone").asText()).containsExactlyInAnyOrder("ban-1", "ban-2");
				assertThat(missed).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("MISSED"));
			}
		}
	}

	/** A commune on disk: two zones on file-sink channels, one approved 20 s clip, its key made beforehand. */
	private static String commune(Path root) throws Exception {
		FaultCommune.zones(root, 2);
		FaultCommune.clips(root, 20_000, 440);
		return CommuneKeys.writeNew(root.resolve("data"));
	}

	private static LoaxaProcess linked(Path root, String id, LoaxaProcess hub, String token) {
		return new LoaxaProcess(root, PASSWORD, List.of("--loaxa.commune.id=" + id, "--loaxa.province.url="
				+ hub.baseUrl(), "--loaxa.province.token=" + token, "--loaxa.province.push-delay=1s",
				"--loaxa.province.push-interval=2s", "--loaxa.province.listen=5s", "--loaxa.province.inbox-check=2s"));
	}

	private static String enrol(LoaxaProcess hub, String id, String name, String pem) throws Exception {
		ApiClient.Response enrolled = hub.admin().postJson("/api/province/communes",
				Map.of("id", id, "name", name, "publicKey", pem));
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		return enrolled.json().path("token").asText();
	}

	/** A slot of the 20 s clip a few seconds ahead on ban-1, waited for until the clip is on air. */
	private static String onAir(LoaxaProcess commune) throws Exception {
		ApiClient api = commune.admin();
		Await.until("the clip imported and approved", Duration.ofSeconds(60),
				() -> api.get("/api/clips?status=APPROVED").json().size() == 1);
		String name = "Bản tin trưa";
		FaultCommune.slot(commune.root(), "ban-1", "ban-1", name, FaultCommune.inSeconds(6), Duration.ofSeconds(40));
		assertThat(api.post("/api/schedule/reload").json().path("ok").asBoolean()).isTrue();
		Await.until("the slot on air", Duration.ofSeconds(40), () -> FaultCommune.wavs(commune.sinkDir()).size() > 0);
		Thread.sleep(3_000); // well inside the 20 s clip
		return name;
	}

	private static long publish(LoaxaProcess hub, String title, String level, String communes, Instant until)
			throws Exception {
		Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("title", title, "level", level, "communes",
				communes));
		if (until != null) {
			fields.put("validUntil", until.toString());
		}
		ApiClient.Response published = hub.admin().upload("/api/province/bulletins", "ban-tin.mp3",
				TestAudio.uniqueMp3(2, title), fields);
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return published.id();
	}

	private static JsonNode target(LoaxaProcess hub, long bulletin, String commune) throws Exception {
		for (JsonNode t : hub.admin().get("/api/province/bulletins/" + bulletin).json().path("targets")) {
			if (t.path("commune").asText().equals(commune)) {
				return t;
			}
		}
		throw new AssertionError("no " + commune + " for bulletin " + bulletin);
	}

	private static String state(LoaxaProcess hub, long bulletin, String commune) throws Exception {
		return target(hub, bulletin, commune).path("state").asText();
	}

	private static long clipOf(LoaxaProcess commune, long bulletin) throws Exception {
		for (JsonNode c : commune.admin().get("/api/clips").json()) {
			if (c.path("bulletinId").asLong() == bulletin) {
				assertThat(c.path("source").asText()).isEqualTo("PROVINCE");
				assertThat(c.path("level").asText()).isEqualTo("NORMAL");
				return c.path("id").asLong();
			}
		}
		throw new AssertionError("no clip of bulletin " + bulletin);
	}

	private static List<JsonNode> records(LoaxaProcess commune) throws Exception {
		List<JsonNode> list = new ArrayList<>();
		commune.admin().get("/api/broadcasts").json().forEach(list::add);
		return list;
	}
}
