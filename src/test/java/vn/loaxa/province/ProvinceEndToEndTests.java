package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.faults.FaultCommune;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.Await;
import vn.loaxa.support.LoaxaProcess;
import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * The province's evidence from end to end, every part its own process as in the field: two
 * communes' radio PCs (H2, file sink) each air a slot through Quartz; the province's hub runs on
 * PostgreSQL. Xã Na Lay pushes: the hub is down while it airs (its records wait), then up (they
 * arrive once). Xã Hải Đông sends a bundle file, as on a USB stick, twice (taken once). The
 * province report then gives each commune the figures of that commune's own report, targets
 * included.
 */
class ProvinceEndToEndTests {

	static final String PASSWORD = "mat-khau-e2e-12345";
	static final Duration UP = Duration.ofSeconds(120);

	@Test
	void twoCommunesAirAndTheProvinceSumsWhatTheySendByPushAndByFile() throws Exception {
		Path naLayRoot = TestDirs.create("e2e-na-lay");
		Path haiRoot = TestDirs.create("e2e-hai-dong");
		String naLayKey = commune(naLayRoot, 440);
		String haiKey = commune(haiRoot, 660);
		String hubDb = TestDatabase.create();
		try (LoaxaProcess hub = new LoaxaProcess(TestDirs.create("e2e-hub"), PASSWORD, List.of("--loaxa.mode=province",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + hubDb,
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password()))) {
			Files.createDirectories(hub.root().resolve("media"));
			Files.createDirectories(hub.root().resolve("schedules"));
			hub.start().awaitUp(UP);
			String token = enrol(hub, "xa-na-lay", "Xã Na Lay", naLayKey).path("token").asText();
			enrol(hub, "xa-hai-dong", "Xã Hải Đông", haiKey);
			hub.kill();

			try (LoaxaProcess naLay = new LoaxaProcess(naLayRoot, PASSWORD, List.of("--loaxa.commune.id=xa-na-lay",
					"--loaxa.province.url=" + hub.baseUrl(), "--loaxa.province.token=" + token,
					"--loaxa.province.push-delay=1s", "--loaxa.province.push-interval=2s"));
					LoaxaProcess hai = new LoaxaProcess(haiRoot, PASSWORD, List.of("--loaxa.commune.id=xa-hai-dong"))) {
				naLay.start();
				hai.start();
				naLay.awaitUp(UP);
				hai.awaitUp(UP);
				airASlot(naLay, "Bản tin sáng Na Lay");
				airASlot(hai, "Bản tin sáng Hải Đông");
				JsonNode waiting = naLay.admin().get("/api/province/send").json();
				assertThat(waiting.path("waiting").asLong()).as("the hub is down: Na Lay's records wait").isPositive();
				assertThat(waiting.path("lastError").asText()).as(waiting.toString())
					.startsWith("Không kết nối được máy chủ của tỉnh");
				assertThat(waiting.path("sentUpTo").asLong()).isZero();

				hub.start().awaitUp(UP);
				String period = YearMonth.now(FaultCommune.HCM).toString();
				long naLayAirings = ownReport(naLay, period).path("totals").path("airings").asLong();
				Await.until("Na Lay's pushed records at the hub", Duration.ofSeconds(60),
						() -> airingsAtHub(hub, period, "xa-na-lay") == naLayAirings);
				Await.until("Na Lay's send status", Duration.ofSeconds(20),
						() -> naLay.admin().get("/api/province/send").json().path("waiting").asLong() == 0);

				byte[] bundle = hai.admin().download("/api/evidence?period=" + period);
				ApiClient.Response taken = hub.admin().upload("/api/province/evidence", "xa-hai-dong.zip", bundle, Map.of());
				assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
				assertThat(taken.json().path("newRecords").asInt()).isPositive();
				ApiClient.Response again = hub.admin().upload("/api/province/evidence", "xa-hai-dong.zip", bundle, Map.of());
				assertThat(again.json().path("newRecords").asInt()).as("the same file twice").isZero();

				JsonNode province = hub.admin().get("/api/province/reports?period=" + period).json();
				for (LoaxaProcess commune : List.of(naLay, hai)) {
					JsonNode own = ownReport(commune, period);
					String id = commune == naLay ? "xa-na-lay" : "xa-hai-dong";
					JsonNode row = row(province, id);
					assertThat(row.path("totals")).as(id + " totals").isEqualTo(own.path("totals"));
					assertThat(row.path("byKind")).as(id + " by kind").isEqualTo(own.path("byKind"));
					assertThat(row.path("byTopic")).as(id + " by topic").isEqualTo(own.path("byTopic"));
					// the commune's own report adds where each target is heading (forecast): the hub sums what was done
					JsonNode ownTargets = own.path("targets").deepCopy();
					ownTargets.forEach(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t).remove("forecast"));
					assertThat(row.path("targets")).as(id + " targets").isEqualTo(ownTargets);
					assertThat(own.path("totals").path("airings").asLong()).as(id + " aired").isPositive();
					assertThat(own.path("targets")).as(id + " has the sample plan's targets").isNotEmpty();
					assertThat(own.path("byKind")).hasSize(5);
				}
				assertThat(province.path("totals").path("airings").asLong()).isEqualTo(
						naLayAirings + ownReport(hai, period).path("totals").path("airings").asLong());
				assertThat(province.path("missing")).isEmpty();
			}
		}
	}

	/** A commune on disk: one zone on a file-sink channel, one approved tone clip, its key made beforehand. */
	private static String commune(Path root, double hz) throws Exception {
		FaultCommune.zones(root, 1);
		FaultCommune.clips(root, 3_000, hz);
		return CommuneKeys.writeNew(root.resolve("data"));
	}

	private static JsonNode enrol(LoaxaProcess hub, String id, String name, String pem) throws Exception {
		ApiClient.Response enrolled = hub.admin().postJson("/api/province/communes",
				Map.of("id", id, "name", name, "publicKey", pem));
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		return enrolled.json();
	}

	/** Plans a slot a few seconds ahead once the clip is in, and waits until it has aired. */
	private static void airASlot(LoaxaProcess commune, String name) throws Exception {
		ApiClient api = commune.admin();
		Await.until("the clip imported and approved", Duration.ofSeconds(60),
				() -> api.get("/api/clips?status=APPROVED").json().size() == 1);
		ZonedDateTime start = FaultCommune.inSeconds(6);
		FaultCommune.slot(commune.root(), "ban-1", "ban-1", name, start, Duration.ofSeconds(10));
		ApiClient.Response planned = api.post("/api/schedule/reload");
		assertThat(planned.json().path("ok").asBoolean()).as(planned.toString()).isTrue();
		Await.until("a PLAYED record of «" + name + "»", Duration.ofSeconds(60), () -> {
			for (JsonNode r : api.get("/api/broadcasts").json()) {
				if (r.path("slot").asText().equals(name) && r.path("outcome").asText().equals("PLAYED")) {
					return true;
				}
			}
			return false;
		});
	}

	private static JsonNode ownReport(LoaxaProcess commune, String period) throws Exception {
		ApiClient.Response report = commune.admin().get("/api/reports?period=" + period);
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		return report.json();
	}

	private static long airingsAtHub(LoaxaProcess hub, String period, String commune) throws Exception {
		JsonNode row = row(hub.admin().get("/api/province/reports?period=" + period).json(), commune);
		return row == null ? -1 : row.path("totals").path("airings").asLong();
	}

	private static JsonNode row(JsonNode province, String commune) {
		for (JsonNode c : province.path("communes")) {
			if (c.path("commune").asText().equals(commune)) {
				return c;
			}
		}
		return null;
	}
}
