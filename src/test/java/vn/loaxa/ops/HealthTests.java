package vn.loaxa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;

import vn.loaxa.IntegrationTest;
import vn.loaxa.playout.Playout;
import vn.loaxa.security.Role;
import vn.loaxa.security.UserAccounts;
import vn.loaxa.support.ApiClient;

/**
 * {@code /actuator/health}: status only for anyone; each part for a technician or administrator:
 * the database, disk space of the data dir, the scheduler and the audio outputs. Prometheus has the
 * log and clip store sizes.
 */
class HealthTests extends IntegrationTest {

	@Autowired
	UserAccounts accounts;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	vn.loaxa.broadcast.BroadcastLog log;

	@Test
	void thePublicSeesTheStatusOnly() throws Exception {
		ApiClient.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asText()).isEqualTo("UP");
		assertThat(health.json().has("components")).isFalse();
	}

	@Test
	void aTechnicianSeesDatabaseDiskSchedulerAndAudio() throws Exception {
		JsonNode health = admin.get("/actuator/health").json();
		JsonNode parts = health.path("components");
		assertThat(parts.path("db").path("status").asText()).isEqualTo("UP");
		assertThat(parts.path("diskSpace").path("status").asText()).isEqualTo("UP");
		assertThat(parts.path("diskSpace").path("details").path("path").asText())
			.isEqualTo(DATA_DIR.toAbsolutePath().toString());

		JsonNode scheduler = parts.path("scheduler");
		assertThat(scheduler.path("status").asText()).isEqualTo("UP");
		assertThat(scheduler.path("details").path("started").asBoolean()).isTrue();
		assertThat(scheduler.path("details").path("standby").asBoolean()).isFalse();
		assertThat(scheduler.path("details").has("triggers")).isTrue();
		assertThat(scheduler.path("details").has("nextFireTime")).isTrue();
		assertThat(scheduler.path("details").path("clustered").asBoolean())
			.isEqualTo(vn.loaxa.support.TestDatabase.postgres());

		JsonNode audio = parts.path("audio");
		assertThat(audio.path("status").asText()).isEqualTo("UP");
		// this shared context has no plan in force (its media folder lacks the sample plan's tune)
		assertThat(audio.path("details").path("channels").isObject()).isTrue();
		audio.path("details").path("channels").forEach(c -> assertThat(c.path("sink").asText()).isEqualTo("file"));

		String user = "ky-thuat-" + System.nanoTime() % 100000;
		accounts.create(user, "Kỹ thuật", "mat-khau-ky-thuat-1", EnumSet.of(Role.TECHNICIAN), "test");
		assertThat(as(user, "mat-khau-ky-thuat-1").get("/actuator/health").json().has("components")).isTrue();
		String officer = "van-hoa-" + System.nanoTime() % 100000;
		accounts.create(officer, "Văn hóa", "mat-khau-van-hoa-1", EnumSet.of(Role.OFFICER), "test");
		assertThat(as(officer, "mat-khau-van-hoa-1").get("/actuator/health").json().has("components"))
			.as("an officer sees the status only").isFalse();
	}

	@Test
	void theLogAndClipStoreSizesAreMetrics() throws Exception {
		// tests run without the Prometheus registry (Spring Boot leaves exporters out of tests), so
		// the meters are read from the registry that /actuator/prometheus renders in production
		ApiClient.Response upload = admin.upload("do-lon.mp3", vn.loaxa.support.TestAudio.uniqueMp3(1, "Đo kho"));
		assertThat(upload.status()).isEqualTo(201);
		assertThat(meters.get("loaxa.broadcast.records").gauge().value()).isEqualTo((double) log.count());
		assertThat(meters.get("loaxa.clip.store").gauge().value()).isPositive();
		assertThat(meters.get("loaxa.clip.store.files").gauge().value()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void eachRecordAppendedCountsByItsOutcomeAndAnAiringsStartLagIsTimed() {
		double played = meters.get("loaxa.broadcasts").tag("outcome", "played").counter().count();
		double missed = meters.get("loaxa.broadcasts").tag("outcome", "missed").counter().count();
		double failed = meters.get("loaxa.broadcasts").tag("outcome", "failed").counter().count();
		long lags = meters.get("loaxa.start.lag").timer().count();
		double lagSeconds = meters.get("loaxa.start.lag").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS);
		// far in the future, so no report of the shared context counts them
		java.time.Instant at = java.time.Instant.parse("2041-05-17T22:30:00Z");
		log.append(vn.loaxa.broadcast.Airing.of("ban-do-luong", "Đo lường")
			.title("Bản tin đo")
			.scheduled(at)
			.started(at.plusSeconds(2))
			.ended(at.plusSeconds(62))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(vn.loaxa.broadcast.Outcome.PLAYED)
			.build());
		log.append(vn.loaxa.broadcast.Airing.slotLevel("ban-do-luong", "Đo lường", at.plusSeconds(3600),
				vn.loaxa.broadcast.Outcome.MISSED, "PC off", vn.loaxa.broadcast.Reason.PC_OFF));

		assertThat(meters.get("loaxa.broadcasts").tag("outcome", "played").counter().count()).isEqualTo(played + 1);
		assertThat(meters.get("loaxa.broadcasts").tag("outcome", "missed").counter().count()).isEqualTo(missed + 1);
		assertThat(meters.get("loaxa.broadcasts").tag("outcome", "failed").counter().count()).isEqualTo(failed);
		assertThat(meters.get("loaxa.start.lag").timer().count()).as("only what aired has a start lag").isEqualTo(lags + 1);
		assertThat(meters.get("loaxa.start.lag").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS) - lagSeconds)
			.isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
		assertThat(meters.get("loaxa.broadcast.records").gauge().value()).isEqualTo((double) log.count());
	}

	@Test
	void aChannelThatFellBackToTheFileSinkIsDegraded() {
		Playout playout = Mockito.mock(Playout.class);
		Mockito.when(playout.audioOutputs()).thenReturn(List.of(
				new Playout.AudioOutput("main", "Kênh chính", "default", "line", "line default"),
				new Playout.AudioOutput("second", "Kênh hai", "USB Audio", "file-fallback", "file data/sink")));
		Health health = new AudioHealth(playout).health();
		assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
		Mockito.when(playout.audioOutputs()).thenReturn(List.of(
				new Playout.AudioOutput("main", "Kênh chính", "file", "file", "file data/sink")));
		assertThat(new AudioHealth(playout).health().getStatus().getCode()).isEqualTo("UP");
	}
}
