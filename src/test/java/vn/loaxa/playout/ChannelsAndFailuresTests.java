package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;

/**
 * Channels air together through real Quartz triggers, and every failure leaves its records: a
 * sink that cannot open, a database that refuses the log's writes for a while. H2 file DB, the
 * file sink in real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsAndFailuresTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("channels"));
	private static final DateTimeFormatter SINK_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
	}

	@Autowired ClipLibrary library;
	@Autowired Schedule schedule;
	@Autowired BroadcastLog log;
	@Autowired Playout playout;
	@Autowired Sinks sinks;
	@Autowired LoaxaClock clock;
	@Autowired DataSource dataSource;
	@Autowired RecordJournal journal;
	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;

	@Test
	void threeChannelsAirTheSameSecondTogetherThroughQuartz() throws Exception {
		Clip clip = PlayoutFixture.tone(library, ROOT, "cds-1", 440, 2000, Topic.DIGITAL_TRANSFORMATION, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
		Map<String, String> zoneOfChannel = new LinkedHashMap<>();
		zoneOfChannel.put("main", "ban-a");
		zoneOfChannel.put("second", "ban-c");
		zoneOfChannel.put("third", "ban-d");
		List<Slot> slots = new java.util.ArrayList<>();
		zoneOfChannel.forEach((channel, zone) -> slots.add(schedule.saveSlot(PlayoutFixture.slotAt(zone,
				"Cùng giây " + channel, start, Duration.ofSeconds(5), List.of("DIGITAL_TRANSFORMATION"), null), null)));
		try {
			for (Slot slot : slots) {
				awaitRun(slot, "DONE");
			}
			for (Map.Entry<String, String> e : zoneOfChannel.entrySet()) {
				Path wav = latestWav(e.getKey());
				Instant opened = LocalDateTime.parse(wav.getFileName().toString().substring(0, 19), SINK_NAME)
					.atZone(clock.zone())
					.toInstant();
				BroadcastRecord first = records("Cùng giây " + e.getKey(), e.getValue()).get(0);
				long openMs = Duration.between(start.toInstant(), opened).toMillis();
				long startMs = Duration.between(first.airing().scheduledStart(), first.airing().actualStart()).toMillis();
				System.out.printf("concurrent channels: %s opened its sink %+d ms from the start, first clip %+d ms%n",
						e.getKey(), openMs, startMs);
				assertThat(openMs).as(e.getKey() + ": sink opened within 1 s of the start").isLessThanOrEqualTo(1000);
				assertThat(first.airing().clipId()).isEqualTo(clip.getId());
				assertThat(first.airing().outcome()).isEqualTo(Outcome.PLAYED);
				assertThat(first.airing().scheduledStart()).isEqualTo(start.toInstant());
				assertThat(startMs).as(e.getKey() + ": first clip on time").isBetween(-5L, 500L);
				assertThat(TestAudio.frames(wav)).isEqualTo(TestAudio.frames(library.canonicalAudio(clip)));
			}
			try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
					ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM on_air")) {
				rs.next();
				assertThat(rs.getInt(1)).as("each clip's on_air row went with its record").isZero();
			}
		}
		finally {
			slots.forEach(s -> schedule.deleteSlot(s.key()));
		}
	}

	@Test
	void aSinkThatCannotOpenLeavesAFailedRecordPerClipAndZoneAndTheReportCountsThem() throws Exception {
		Clip one = PlayoutFixture.tone(library, ROOT, "tc-1", 500, 700, Topic.PUBLIC_FINANCE, Priority.HIGH);
		Clip two = PlayoutFixture.tone(library, ROOT, "tc-2", 600, 700, Topic.PUBLIC_FINANCE, Priority.NORMAL);
		Path sinkDir = sinks.fileDir();
		Path aside = sinkDir.resolveSibling("sink-aside");
		if (Files.isDirectory(sinkDir)) {
			Files.move(sinkDir, aside);
		}
		Files.writeString(sinkDir, "a plain file where the sink folder should be");
		Slot slot = null;
		try {
			ZonedDateTime start = clock.now().truncatedTo(ChronoUnit.SECONDS);
			slot = schedule.saveSlot(PlayoutFixture.slotAt("ab", "Thử đường ra hỏng", start, Duration.ofSeconds(10),
					List.of("PUBLIC_FINANCE"), null), null);
			awaitRun(slot, "DONE");
			for (String zone : List.of("ban-a", "ban-b")) {
				List<BroadcastRecord> records = records("Thử đường ra hỏng", zone);
				assertThat(records).extracting(r -> r.airing().clipId()).containsExactly(one.getId(), two.getId());
				assertThat(records).allSatisfy(r -> {
					assertThat(r.airing().outcome()).isEqualTo(Outcome.FAILED);
					assertThat(r.airing().reasonCode()).isEqualTo(Reason.SINK_UNAVAILABLE);
					assertThat(r.airing().reason()).contains(sinkDir.getFileName().toString());
					assertThat(r.airing().actualStart()).isNull();
				});
			}
			playout.playNow(one.getId(), List.of("ban-c"), "test");
			await().atMost(Duration.ofSeconds(10)).until(() -> !records(Playout.PLAY_NOW, "ban-c").isEmpty());
			assertThat(records(Playout.PLAY_NOW, "ban-c")).singleElement().satisfies(r -> {
				assertThat(r.airing().clipId()).isEqualTo(one.getId());
				assertThat(r.airing().outcome()).isEqualTo(Outcome.FAILED);
				assertThat(r.airing().reasonCode()).isEqualTo(Reason.SINK_UNAVAILABLE);
			});
			assertThat(log.verify().intact()).isTrue();
			assertReportCountsTheLog();
		}
		finally {
			if (slot != null) {
				schedule.deleteSlot(slot.key());
			}
			Files.delete(sinkDir);
			if (Files.isDirectory(aside)) {
				Files.move(aside, sinkDir);
			}
		}
	}

	@Test
	void recordsTheDatabaseRefusesWaitInTheJournalAndGoInInOrderOnceItTakesWrites() throws Exception {
		Clip first = PlayoutFixture.tone(library, ROOT, "bm-1", 520, 800, Topic.APPARATUS, Priority.HIGH);
		Clip second = PlayoutFixture.tone(library, ROOT, "bm-2", 620, 800, Topic.APPARATUS, Priority.NORMAL);
		long before = log.count();
		Slot slot = null;
		// another connection holds the chain head's row lock: every append waits, times out, is refused
		try (Connection locker = dataSource.getConnection()) {
			locker.setAutoCommit(false);
			try (Statement st = locker.createStatement();
					ResultSet rs = st.executeQuery("SELECT last_id FROM broadcast_chain_head WHERE id = 1 FOR UPDATE")) {
				assertThat(rs.next()).isTrue();
			}
			ZonedDateTime start = clock.now().truncatedTo(ChronoUnit.SECONDS);
			slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-c", "Thử sổ ghi chờ", start, Duration.ofSeconds(10),
					List.of("APPARATUS"), null), null);
			awaitRun(slot, "DONE");
			assertThat(journal.file()).as("records waiting durably on disk").exists();
			List<JsonNode> lines = journalLines();
			assertThat(lines).extracting(l -> l.path("airings").get(0).path("clipId").asLong())
				.containsExactly(first.getId(), second.getId());
			assertThat(lines).allSatisfy(l -> assertThat(l.path("airings").get(0).path("outcome").asText())
				.isEqualTo("PLAYED"));
			assertThat(playout.recordsWaiting()).isEqualTo(2);
			JsonNode health = json.readTree(rest.withBasicAuth("admin", "test-admin-pw")
				.getForEntity("/actuator/health", String.class).getBody());
			assertThat(health.path("components").path("broadcastLog").path("status").asText()).isEqualTo("DEGRADED");
			assertThat(health.path("components").path("broadcastLog").path("details").path("waitingInJournal").asInt())
				.isEqualTo(2);
			locker.rollback();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> records("Thử sổ ghi chờ", "ban-c").size() == 2);
		try {
			List<BroadcastRecord> records = records("Thử sổ ghi chờ", "ban-c");
			assertThat(records).extracting(r -> r.airing().clipId()).containsExactly(first.getId(), second.getId());
			assertThat(records.get(0).id()).isLessThan(records.get(1).id());
			assertThat(records).allSatisfy(r -> assertThat(r.airing().outcome()).isEqualTo(Outcome.PLAYED));
			assertThat(log.count()).isEqualTo(before + 2);
			await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(journal.file()));
			assertThat(log.verify().intact()).isTrue();
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aDiskThatFillsMidProgrammeEndsItWithWriteFailedRecordsForTheRest() throws Exception {
		Clip first = PlayoutFixture.tone(library, ROOT, "tch-1", 410, 1500, Topic.INSTITUTIONS, Priority.EMERGENCY);
		Clip second = PlayoutFixture.tone(library, ROOT, "tch-2", 510, 1500, Topic.INSTITUTIONS, Priority.HIGH);
		Clip third = PlayoutFixture.tone(library, ROOT, "tch-3", 610, 1500, Topic.INSTITUTIONS, Priority.NORMAL);
		Path sinkDir = Files.createDirectories(sinks.fileDir());
		// a 200 KB disk under the sink: 1.5 s of audio is 132 KB, so the second clip fills it
		mountSmallDisk(sinkDir, "200k");
		Slot slot = null;
		try {
			ZonedDateTime start = clock.now().truncatedTo(ChronoUnit.SECONDS);
			slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-d", "Thử đĩa đầy", start, Duration.ofSeconds(10),
					List.of("INSTITUTIONS"), null), null);
			awaitRun(slot, "DONE");
			List<BroadcastRecord> records = records("Thử đĩa đầy", "ban-d");
			System.out.printf("disk full mid-programme: %s%n", records.stream()
				.map(r -> r.airing().outcome() + "/" + r.airing().reasonCode() + " " + r.airing().playedMs() + " ms")
				.toList());
			assertThat(records).extracting(r -> r.airing().clipId())
				.containsExactly(first.getId(), second.getId(), third.getId());
			assertThat(records.get(0).airing().outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(records.get(1).airing().reasonCode()).isEqualTo(Reason.WRITE_FAILED);
			assertThat(records.get(1).airing().outcome()).isIn(Outcome.PARTIAL, Outcome.FAILED);
			assertThat(records.get(1).airing().reason()).containsIgnoringCase("space");
			assertThat(records.get(2).airing().outcome()).isEqualTo(Outcome.FAILED);
			assertThat(records.get(2).airing().reasonCode()).isEqualTo(Reason.WRITE_FAILED);
			assertThat(records.get(2).airing().actualStart()).isNull();
			assertThat(log.verify().intact()).isTrue();
		}
		finally {
			if (slot != null) {
				schedule.deleteSlot(slot.key());
			}
			run("umount", sinkDir.toString());
		}
	}

	/** A real small file system (tmpfs, root only) over the folder; without root the test says so and is skipped. */
	private static void mountSmallDisk(Path dir, String size) throws Exception {
		int exit = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
		String why = "a full disk is simulated with a small tmpfs, which needs root (mount): run as root, as .ci/run does";
		if (exit != 0 && "true".equals(System.getenv("CI"))) {
			throw new AssertionError(why);
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(exit == 0, why);
	}

	private static int run(String... command) throws Exception {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
		}
		catch (IOException e) {
			return -1;
		}
	}

	/** The month's report counts failed and missed records, by reason code, as the log holds them. */
	private void assertReportCountsTheLog() throws Exception {
		String month = clock.today().toString().substring(0, 7);
		var response = rest.withBasicAuth("admin", "test-admin-pw")
			.getForEntity("/api/reports?period=" + month + "&format=json", String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode report = json.readTree(response.getBody());
		Instant from = vn.loaxa.report.ReportPeriod.parse(month).from().atStartOfDay(clock.zone()).toInstant();
		Instant to = vn.loaxa.report.ReportPeriod.parse(month).to().plusDays(1).atStartOfDay(clock.zone()).toInstant();
		List<BroadcastRecord> all = log.between(from, to, null);
		long failed = all.stream().filter(r -> r.airing().outcome() == Outcome.FAILED).count();
		long sinkFailures = all.stream().filter(r -> r.airing().reasonCode() == Reason.SINK_UNAVAILABLE).count();
		assertThat(report.path("totals").path("failed").asLong()).isEqualTo(failed);
		JsonNode row = null;
		for (JsonNode p : report.path("problems")) {
			if ("sink_unavailable".equals(p.path("code").asText())) {
				row = p;
			}
		}
		assertThat(row).as("a problems row for sink_unavailable: " + report.path("problems")).isNotNull();
		assertThat(row.path("count").asLong()).isEqualTo(sinkFailures);
		assertThat(row.path("outcome").asText()).isEqualTo("FAILED");
		assertThat(row.path("reason").asText()).isEqualTo("Không mở được đường ra âm thanh (card âm thanh hoặc tệp ghi)");
	}

	private List<JsonNode> journalLines() throws IOException {
		List<JsonNode> lines = new java.util.ArrayList<>();
		for (String line : Files.readAllLines(journal.file())) {
			lines.add(json.readTree(line));
		}
		return lines;
	}

	private List<BroadcastRecord> records(String slotName, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().slotName().equals(slotName))
			.toList();
	}

	private void awaitRun(Slot slot, String state) {
		await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
			.until(() -> playout.recentRuns(100).stream()
				.filter(r -> r.slotKey().equals(slot.key()))
				.anyMatch(r -> r.state().equals(state)));
	}

	private Path latestWav(String channel) throws IOException {
		try (Stream<Path> files = Files.list(sinks.fileDir())) {
			return files.filter(f -> f.getFileName().toString().contains("-" + channel + "-"))
				.max(Comparator.comparing(Path::getFileName))
				.orElseThrow();
		}
	}
}
