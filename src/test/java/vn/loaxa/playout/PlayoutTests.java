package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotOccurrence;

/**
 * The whole path with real parts: H2 file DB, Quartz with the JDBC store, ffmpeg import, the file
 * sink in real time. The JVM runs in UTC (surefire), the commune in Asia/Ho_Chi_Minh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class PlayoutTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("playout"));
	static final long PAUSE_MS = 300;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
	}

	@Autowired ClipLibrary library;
	@Autowired Schedule schedule;
	@Autowired BroadcastLog log;
	@Autowired Playout playout;
	@Autowired SlotRunner runner;
	@Autowired Sinks sinks;
	@Autowired LoaxaClock clock;
	@Autowired TestRestTemplate rest;
	@Autowired org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void aSlotFiredByQuartzAirsGaplesslyIntoTheFileSink() throws Exception {
		assertThat(java.util.TimeZone.getDefault().getID()).isEqualTo("UTC");
		Clip normal = PlayoutFixture.tone(library, ROOT, "thu-tuc-1", 440, 1000, Topic.PROCEDURES, Priority.NORMAL);
		Clip high = PlayoutFixture.tone(library, ROOT, "thu-tuc-2", 660, 700, Topic.PROCEDURES, Priority.HIGH);
		Clip tooLong = PlayoutFixture.tone(library, ROOT, "thu-tuc-3", 880, 5000, Topic.PROCEDURES, Priority.EMERGENCY);
		ZonedDateTime start = clock.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-a", "Thử Quartz", start, Duration.ofSeconds(4),
				List.of("PROCEDURES"), "tune.wav"), null);
		try {
			awaitRun(slot, "DONE");
			Path wav = latestWav("main");
			long tuneFrames = TestAudio.frames(library.signatureTune("tune.wav"));
			long expected = tuneFrames + TestAudio.frames(library.canonicalAudio(high))
					+ TestAudio.frames(library.canonicalAudio(normal)) + 2 * pauseFrames();
			assertThat(TestAudio.frames(wav)).as("sink WAV = tune + pause + clip + pause + clip").isEqualTo(expected);
			List<Integer> gaps = TestAudio.silences(TestAudio.samples(wav), 10);
			assertThat(gaps).as("the two pauses, nothing else").hasSize(2);
			assertThat(gaps).allSatisfy(g -> assertThat(TestAudio.ms(g)).isLessThanOrEqualTo(PAUSE_MS + 20));

			List<BroadcastRecord> records = records(slot, "ban-a");
			assertThat(records).extracting(r -> r.airing().clipId()).containsExactly(high.getId(), normal.getId());
			assertThat(records).extracting(r -> r.airing().outcome()).containsOnly(Outcome.PLAYED);
			assertThat(records).noneMatch(r -> r.airing().clipId().equals(tooLong.getId()));
			var first = records.get(0).airing();
			var second = records.get(1).airing();
			Instant plannedFirst = start.toInstant().plusMillis(400 + PAUSE_MS);
			assertThat(first.scheduledStart()).isEqualTo(plannedFirst);
			assertThat(Duration.between(first.scheduledStart(), first.actualStart()).toMillis()).isBetween(-5L, 500L);
			assertThat(Duration.between(first.actualStart(), first.actualEnd()).toMillis()).isCloseTo(700L,
					org.assertj.core.data.Offset.offset(5L));
			assertThat(Duration.between(first.actualEnd(), second.actualStart()).toMillis()).isCloseTo(PAUSE_MS,
					org.assertj.core.data.Offset.offset(5L));
			assertThat(second.playedMs()).isCloseTo(1000L, org.assertj.core.data.Offset.offset(5L));
			assertThat(first.clipSha256()).isEqualTo(high.getSha256());
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aVanishedClipIsFailedAndTheRestPlaysInEveryZoneOfTheGroup() throws Exception {
		Clip gone = PlayoutFixture.tone(library, ROOT, "tai-chinh-1", 500, 600, Topic.PUBLIC_FINANCE, Priority.HIGH);
		Clip kept = PlayoutFixture.tone(library, ROOT, "tai-chinh-2", 700, 800, Topic.PUBLIC_FINANCE, Priority.NORMAL);
		Files.delete(library.canonicalAudio(gone));
		ZonedDateTime start = clock.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(PlayoutFixture.slotAt("ab", "Thử tệp mất", start, Duration.ofSeconds(5),
				List.of("PUBLIC_FINANCE"), null), null);
		try {
			awaitRun(slot, "DONE");
			for (String zone : List.of("ban-a", "ban-b")) {
				List<BroadcastRecord> records = records(slot, zone);
				assertThat(records).extracting(r -> r.airing().clipId() + ":" + r.airing().outcome())
					.containsExactly(gone.getId() + ":FAILED", kept.getId() + ":PLAYED");
				assertThat(records.get(0).airing().reason()).contains("missing");
			}
			assertThat(TestAudio.frames(latestWav("main"))).isEqualTo(TestAudio.frames(library.canonicalAudio(kept)));
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aSlotWithNoEligibleClipLeavesAFailedRecordPerZone() {
		ZonedDateTime start = clock.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
		// saved inside its own window: the save itself hands it to playout, which finds the queue empty
		Slot slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-c", "Thử trống", start, Duration.ofSeconds(10),
				List.of("APPARATUS"), null), null);
		try {
			awaitRun(slot, "EMPTY");
			runner.handle(occurrence(slot), clock.now().toInstant());
			assertThat(records(slot, "ban-c")).as("one slot-level record, the second handle claims nothing")
				.singleElement()
				.satisfies(r -> {
					assertThat(r.airing().outcome()).isEqualTo(Outcome.FAILED);
					assertThat(r.airing().reasonCode()).isEqualTo(vn.loaxa.broadcast.Reason.EMPTY_QUEUE);
					assertThat(r.airing().clipId()).isNull();
					assertThat(r.airing().scheduledStart()).isEqualTo(start.toInstant());
				});
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aSlotSavedInsideItsWindowAirsTrimmedWithinGraceAndIsMissedPastIt() throws Exception {
		PlayoutFixture.tone(library, ROOT, "the-che-1", 300, 2000, Topic.INSTITUTIONS, Priority.NORMAL);
		PlayoutFixture.tone(library, ROOT, "the-che-2", 350, 2000, Topic.INSTITUTIONS, Priority.NORMAL);
		// 2-3 s late into a 6 s slot: 3-4 s are left, room for one 2 s clip (with a second of slack
		// for a busy machine) and never for two (2 + 0.3 pause + 2 s)
		ZonedDateTime start = clock.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		Slot late = schedule.saveSlot(PlayoutFixture.slotAt("ban-d", "Thử trễ", start, Duration.ofSeconds(6),
				List.of("INSTITUTIONS"), null), null);
		try {
			SlotOccurrence occurrence = occurrence(late);
			awaitRun(late, "DONE");
			List<BroadcastRecord> records = records(late, "ban-d");
			assertThat(records).hasSize(1);
			assertThat(records.get(0).airing().outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(records.get(0).airing().reason()).contains("late start");
			assertThat(records.get(0).airing().actualEnd()).isBefore(occurrence.endInstant());
		}
		finally {
			schedule.deleteSlot(late.key());
		}
		ZonedDateTime longAgo = clock.now().minusMinutes(6).truncatedTo(ChronoUnit.SECONDS);
		Slot missed = schedule.saveSlot(PlayoutFixture.slotAt("ab", "Thử lỡ giờ", longAgo, Duration.ofMinutes(30),
				List.of("INSTITUTIONS"), null), null);
		try {
			awaitRun(missed, "MISSED");
			for (String zone : List.of("ban-a", "ban-b")) {
				assertThat(records(missed, zone)).singleElement().satisfies(r -> {
					assertThat(r.airing().outcome()).isEqualTo(Outcome.MISSED);
					assertThat(r.airing().reasonCode()).isEqualTo(vn.loaxa.broadcast.Reason.SAVED_LATE);
					assertThat(r.airing().clipId()).isNull();
					assertThat(r.airing().scheduledStart()).isEqualTo(longAgo.toInstant());
				});
			}
		}
		finally {
			schedule.deleteSlot(missed.key());
		}
	}

	@Test
	void aBadPlanFileKeepsThePreviousPlanAndNamesFileAndLine() throws IOException {
		int before = schedule.current().slots().size();
		Path bad = ROOT.resolve("schedules/hong.yaml");
		Files.writeString(bad, "target: ban-a\nslots:\n  - name: Sai\n    days: [MON]\n    start: \"24:00\"\n    length: 15m\n",
				StandardCharsets.UTF_8);
		try {
			Schedule.ReloadOutcome outcome = schedule.reload();
			assertThat(outcome.ok()).isFalse();
			assertThat(outcome.errors()).singleElement().satisfies(e -> {
				assertThat(e.file()).isEqualTo("hong.yaml");
				assertThat(e.line()).isEqualTo(5);
				assertThat(e.code()).isEqualTo("schedule_start24");
			});
			assertThat(schedule.current().slots()).hasSize(before);
			ResponseEntity<String> reload = rest.withBasicAuth("admin", "test-admin-pw")
				.postForEntity("/api/schedule/reload", null, String.class);
			assertThat(reload.getBody()).contains("hong.yaml").contains("dòng 5").contains("24:00");
		}
		finally {
			Files.delete(bad);
		}
	}

	@Test
	void zonesAndProgrammesApi() {
		TestRestTemplate api = rest.withBasicAuth("admin", "test-admin-pw");
		ResponseEntity<String> zones = api.getForEntity("/api/zones", String.class);
		assertThat(zones.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zones.getBody()).contains("\"id\":\"ban-a\"").contains("Bản D");
		ResponseEntity<String> day = api.getForEntity("/api/programmes?date=" + clock.today(), String.class);
		assertThat(day.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(day.getBody()).contains("\"programmes\"");
		ResponseEntity<String> bad = api.getForEntity("/api/programmes?date=khong-phai-ngay", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("\"error\"");
	}

	@Test
	void skipEndsTheClipPartialAndPlayNowInterruptsTheChannel() throws Exception {
		Clip a = PlayoutFixture.tone(library, ROOT, "cong-vu-1", 400, 3000, Topic.CIVIL_SERVICE, Priority.HIGH);
		Clip b = PlayoutFixture.tone(library, ROOT, "cong-vu-2", 600, 3000, Topic.CIVIL_SERVICE, Priority.NORMAL);
		Clip urgent = PlayoutFixture.tone(library, ROOT, "khan-cap", 900, 500, Topic.OTHER, Priority.EMERGENCY);
		ZonedDateTime start = clock.now().truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-c", "Thử dừng", start, Duration.ofSeconds(20),
				List.of("CIVIL_SERVICE"), null), null);
		try {
			SlotOccurrence occurrence = occurrence(slot);
			Thread airing = new Thread(() -> runner.handle(occurrence, clock.now().toInstant()));
			airing.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> playout.nowPlaying().stream()
				.anyMatch(n -> a.getId().equals(n.clipId())));
			Thread.sleep(500);
			assertThat(playout.skip("second", "test")).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> playout.nowPlaying().stream()
				.anyMatch(n -> b.getId().equals(n.clipId())));
			Thread.sleep(700);
			playout.playNow(urgent.getId(), List.of("ban-c"), "test");
			airing.join(10_000);
			await().atMost(Duration.ofSeconds(5)).until(() -> !records(Playout.PLAY_NOW, "ban-c").isEmpty());
			List<BroadcastRecord> records = records(slot, "ban-c");
			assertThat(records).extracting(r -> r.airing().clipId() + ":" + r.airing().outcome())
				.containsExactly(a.getId() + ":PARTIAL", b.getId() + ":INTERRUPTED");
			assertThat(records.get(0).airing().playedMs()).isBetween(300L, 2500L);
			assertThat(records.get(1).airing().reason()).contains("Phát ngay");
			assertThat(records(Playout.PLAY_NOW, "ban-c")).singleElement().satisfies(r -> {
				assertThat(r.airing().clipId()).isEqualTo(urgent.getId());
				assertThat(r.airing().outcome()).isEqualTo(Outcome.PLAYED);
			});
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aFailingZoneSwitchIsRecordedAndTheOtherZonesStillHearTheProgramme() {
		Clip clip = PlayoutFixture.tone(library, ROOT, "cq-so-1", 520, 500, Topic.DIGITAL_GOVERNMENT, Priority.NORMAL);
		ZonedDateTime start = clock.now().truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(PlayoutFixture.slotAt("def", "Thử rơ-le", start, Duration.ofSeconds(10),
				List.of("DIGITAL_GOVERNMENT"), null), null);
		try {
			awaitRun(slot, "DONE");
			assertThat(records(slot, "ban-e")).singleElement().satisfies(r -> {
				assertThat(r.airing().outcome()).isEqualTo(Outcome.FAILED);
				assertThat(r.airing().reasonCode()).isEqualTo(vn.loaxa.broadcast.Reason.SWITCH_FAILED);
				assertThat(r.airing().reason()).contains("zone switch failed").contains("exit 1");
			});
			for (String zone : List.of("ban-d", "ban-f")) {
				assertThat(records(slot, zone)).singleElement().satisfies(r -> {
					assertThat(r.airing().outcome()).isEqualTo(Outcome.PLAYED);
					assertThat(r.airing().clipId()).isEqualTo(clip.getId());
				});
			}
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void pagesRenderInVietnamese() throws Exception {
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
			.roles("ADMIN");
		for (String page : List.of("/zones", "/schedule", "/schedule?view=week", "/on-air", "/zones/slots/new")) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page).with(admin))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		}
		String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/zones/slots")
			.with(admin).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("target", "ban-a").param("name", "Sai giờ").param("days", "MON").param("start", "24:00").param("length", "15m"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("24:00").contains("không tồn tại");
	}

	// ------------------------------------------------------------------ helpers

	private List<BroadcastRecord> records(String slotName, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().slotName().equals(slotName))
			.toList();
	}

	private long pauseFrames() {
		return Math.round(TestAudio.RATE * PAUSE_MS / 1000.0);
	}

	private SlotOccurrence occurrence(Slot slot) {
		return schedule.occurrencesOn(clock.today()).stream()
			.filter(o -> o.slot().key().equals(slot.key()))
			.findFirst()
			.orElseThrow();
	}

	private String state(Slot slot) {
		return playout.recentRuns(100).stream()
			.filter(r -> r.slotKey().equals(slot.key()))
			.map(Playout.SlotRunView::state)
			.findFirst()
			.orElse(null);
	}

	private void awaitRun(Slot slot, String state) {
		await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
			.until(() -> state.equals(state(slot)));
	}

	private List<BroadcastRecord> records(Slot slot, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().slotName().equals(slot.name()))
			.toList();
	}

	private Path latestWav(String channel) throws IOException {
		try (Stream<Path> files = Files.list(sinks.fileDir())) {
			return files.filter(f -> f.getFileName().toString().contains("-" + channel + "-"))
				.max(Comparator.comparing(Path::getFileName))
				.orElseThrow();
		}
	}
}
