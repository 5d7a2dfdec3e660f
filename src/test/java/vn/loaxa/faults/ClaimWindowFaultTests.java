package vn.loaxa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.support.ApiClient;
import vn.loaxa.support.Await;
import vn.loaxa.support.LoaxaProcess;
import vn.loaxa.support.TestDirs;

/**
 * The windows where a record could vanish, closed for real in a LoaXa child process: the PC killed
 * after a slot was claimed and before its first clip (the zone's relay still switching on), and
 * records that a previous run left in the durable journal, applied once after the restart.
 */
class ClaimWindowFaultTests {

	private static final String PASSWORD = "mat-khau-thu-loi-123";
	private static final Duration UP = Duration.ofSeconds(90);

	@Test
	void killedBetweenClaimAndFirstClipLeavesInterruptedAndTheJournalIsAppliedOnceAfterTheRestart() throws Exception {
		Path root = TestDirs.create("faults-claim");
		Files.createDirectories(root.resolve("schedules"));
		// the relay takes 8 s to switch on: the slot is claimed, its programme filled, nothing aired yet
		Files.writeString(root.resolve("schedules/zones.yaml"), """
				channels:
				  - id: kenh-1
				    name: Kênh 1
				    output: file
				zones:
				  - id: ban-1
				    name: Bản 1
				    channel: kenh-1
				    switch:
				      on: ["sleep", "8"]
				      off: ["true"]
				      settle: 0s
				""", StandardCharsets.UTF_8);
		FaultCommune.clips(root, 3000, 440);
		try (LoaxaProcess app = new LoaxaProcess(root, PASSWORD, List.of())) {
			app.start().awaitUp(UP);
			ApiClient api = app.admin();
			Await.until("the clip imported and approved", Duration.ofSeconds(60),
					() -> api.get("/api/clips?status=APPROVED").json().size() == 1);
			ZonedDateTime start = FaultCommune.inSeconds(8);
			FaultCommune.slot(root, "ban-1", "ban-1", "Bản tin rơ-le chậm", start, Duration.ofSeconds(60));
			ApiClient.Response planned = api.post("/api/schedule/reload");
			assertThat(planned.json().path("ok").asBoolean()).as(planned.toString()).isTrue();
			Await.until("the slot claimed", Duration.ofSeconds(30), () -> "STARTED".equals(runState(api, start)));
			assertThat(FaultCommune.wavs(app.sinkDir())).as("no audio yet: the relay is still switching on").isEmpty();
			app.kill();

			String pendingId = UUID.randomUUID().toString();
			writeJournalLeftByAPreviousRun(app.dataDir(), pendingId, start.toInstant().minusSeconds(60));

			app.start().awaitUp(UP);
			List<JsonNode> cut = records(api, "Bản tin rơ-le chậm");
			assertThat(cut).as("the claimed slot's zone has its record: " + cut).singleElement().satisfies(r -> {
				assertThat(r.path("outcome").asText()).isEqualTo("INTERRUPTED");
				assertThat(r.path("reasonCode").asText()).isEqualTo("crash");
				assertThat(r.path("zone").asText()).isEqualTo("ban-1");
				assertThat(r.path("clipId").isNull()).isTrue();
			});
			List<JsonNode> pending = records(api, "Bản tin trong sổ chờ");
			assertThat(pending).as("the journal's batch, written twice, appended once").singleElement()
				.satisfies(r -> {
					assertThat(r.path("outcome").asText()).isEqualTo("FAILED");
					assertThat(r.path("reasonCode").asText()).isEqualTo("write_failed");
					assertThat(r.path("reason").asText()).isEqualTo("Lỗi ghi thử");
				});
			assertThat(pending.get(0).path("id").asLong()).as("journal first, then recovery")
				.isLessThan(cut.get(0).path("id").asLong());
			assertThat(app.dataDir().resolve("journal/airings.jsonl")).doesNotExist();
			ApiClient.Response verify = api.get("/api/broadcasts/verify");
			assertThat(verify.json().path("intact").asBoolean()).as(verify.toString()).isTrue();
			// nothing is left that could air it again: up means playout's recovery and catch-up are done
			// and Quartz runs (health "scheduler"), the run is closed, and no trigger of it remains
			assertThat(runState(api, start)).as("the claimed run, closed by the recovery").isEqualTo("INTERRUPTED");
			JsonNode scheduler = api.get("/actuator/health").json().path("components").path("scheduler");
			assertThat(scheduler.path("details").path("triggers").asInt(-1)).as(scheduler.toString()).isZero();
			assertThat(api.get("/api/playout").json().path("nowPlaying")).as("nothing on air").isEmpty();
			assertThat(records(api, "Bản tin rơ-le chậm")).as("the claimed slot is not aired again").hasSize(1);
			assertThat(FaultCommune.wavs(app.sinkDir())).as("and no audio was written").isEmpty();
		}
	}

	/** What the recorder writes when the database refuses a batch: the same entry twice, as a crash mid-clean-up leaves it. */
	private static void writeJournalLeftByAPreviousRun(Path dataDir, String id, Instant scheduled) throws Exception {
		String line = """
				{"id":"%s","channelId":null,"onAirStart":null,"airings":[{"zoneId":"ban-1","slotName":"Bản tin trong sổ chờ",\
				"clipId":null,"clipSha256":null,"clipTitle":null,"kind":null,"topic":null,"scheduledStart":"%s",\
				"actualStart":null,"actualEnd":null,"playedMs":0,"clipDurationMs":0,"outcome":"FAILED",\
				"reason":"Lỗi ghi thử","reasonCode":"WRITE_FAILED"}]}
				""".formatted(id, scheduled);
		Path journal = Files.createDirectories(dataDir.resolve("journal")).resolve("airings.jsonl");
		Files.writeString(journal, line + line, StandardCharsets.UTF_8);
	}

	private static List<JsonNode> records(ApiClient api, String slot) throws Exception {
		LocalDate today = LocalDate.now(FaultCommune.HCM);
		ApiClient.Response response = api.get("/api/broadcasts?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		response.json().forEach(r -> {
			if (r.path("slot").asText().equals(slot)) {
				list.add(r);
			}
		});
		return list;
	}

	/** The state of the slot's run that starts at {@code start} ({@code /api/playout}'s recent runs), null before its claim. */
	private static String runState(ApiClient api, ZonedDateTime start) throws Exception {
		for (JsonNode run : api.get("/api/playout").json().path("recent")) {
			if (run.path("slotKey").asText().endsWith("/Bản tin rơ-le chậm")
					&& Instant.parse(run.path("scheduledStart").asText()).equals(start.toInstant())) {
				return run.path("state").asText();
			}
		}
		return null;
	}
}
