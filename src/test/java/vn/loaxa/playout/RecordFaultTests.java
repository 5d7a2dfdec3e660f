package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.support.TestDirs;

/**
 * Issue 27, "No record lost on any path", with the faults made for real on a LoaXa started on its
 * own data dir: the journal's folder is a regular file (as a read-only or full disk refuses it),
 * the fallback journal's path a folder, the database refuses writes (a table it needs renamed
 * away), a journal line is garbage, a crash marker is unreadable, the slot table is gone while the
 * PC wakes up from a sleep. Each record is kept somewhere durable and reaches the log once the
 * fault is gone, or the fault is a loud status: health {@code broadcastLog} and the status strip.
 */
class RecordFaultTests {

	private static final String ADMIN_PASSWORD = "test-admin-pw";

	@Test
	void recordsTheJournalRefusesGoToTheFallbackJournalThenTheServiceLogAndSurviveAShutdown() throws Exception {
		Path root = PlayoutFixture.commune(TestDirs.create("records-fallback"));
		Path fallback = root.resolve("elsewhere/fallback.jsonl");
		Path journalDir = root.resolve("data/journal");
		Path kept = root.resolve("elsewhere/kept.jsonl");
		Path journalAside = root.resolve("data/journal-aside");
		HikariDataSource database;
		AiringBatch first = batch("Sổ dự phòng 1");
		AiringBatch second = batch("Sổ dự phòng 2");
		try (ConfigurableApplicationContext app = start(root, "--loaxa.playout.fallback-journal=" + fallback)) {
			database = (HikariDataSource) app.getBean(DataSource.class);
			Playout playout = app.getBean(Playout.class);
			AiringRecorder recorder = app.getBean(AiringRecorder.class);
			sql(app.getBean(DataSource.class), "ALTER TABLE airing_journal_applied RENAME TO airing_journal_aside");
			Files.move(journalDir, journalAside);
			Files.writeString(journalDir, "không phải thư mục", StandardCharsets.UTF_8);

			recorder.record(first);
			await().atMost(Duration.ofSeconds(10)).until(() -> playout.recordKeeping().inFallbackJournal() == 1);
			assertThat(Files.readString(fallback)).contains(first.id()).contains("Sổ dự phòng 1");

			// the fallback file taken aside (as a USB disk pulled out), a folder in its place: it refuses too
			Files.move(fallback, kept);
			Files.createDirectories(fallback);
			recorder.record(second);
			await().atMost(Duration.ofSeconds(10)).until(() -> playout.recordKeeping().inServiceLogOnly() == 1);
			assertThat(Files.readString(root.resolve("data/logs/test.log")))
				.contains(LogRecords.PREFIX + "{\"id\":\"" + second.id() + "\"");

			JsonNode health = health(app).path("components").path("broadcastLog");
			assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("DOWN");
			assertThat(health.path("details").path("inFallbackJournal").asInt()).isEqualTo(1);
			assertThat(health.path("details").path("inServiceLogOnly").asInt()).isEqualTo(1);
			assertThat(health.path("details").path("fallbackJournal").asText()).isEqualTo(fallback.toString());
			assertThat(health.path("details").path("problems").toString()).contains(journalDir.toString());
			assertThat(page(app)).contains("2 bản ghi phát thanh chưa vào sổ chờ trong thư mục dữ liệu (ổ đĩa không ghi "
					+ "được): đang giữ tạm ở " + fallback + ", sẽ vào nhật ký khi cơ sở dữ liệu nhận; gọi kỹ thuật viên");
			assertThat(app.getBean(StatusStrip.class).strip(admin()).records().inFallbackJournal()).isEqualTo(1);
		}
		assertThat(Files.readString(kept)).contains(first.id());

		// the faults gone: the database takes writes, the journal's folder and the fallback file are back
		try (Connection c = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword());
				Statement st = c.createStatement()) {
			st.execute("ALTER TABLE airing_journal_aside RENAME TO airing_journal_applied");
		}
		Files.delete(journalDir);
		Files.move(journalAside, journalDir);
		Files.delete(fallback);
		Files.move(kept, fallback);
		try (ConfigurableApplicationContext app = start(root, "--loaxa.playout.fallback-journal=" + fallback)) {
			BroadcastLog log = app.getBean(BroadcastLog.class);
			assertThat(slotRecords(log, "Sổ dự phòng 1")).as("from the fallback journal").hasSize(1);
			assertThat(slotRecords(log, "Sổ dự phòng 2")).as("from the service log").hasSize(1);
			assertThat(fallback).as("emptied once in the log").doesNotExist();
			assertThat(app.getBean(Playout.class).recordKeeping().atRisk()).isFalse();
			assertThat(log.verify().intact()).isTrue();
		}
		try (ConfigurableApplicationContext app = start(root, "--loaxa.playout.fallback-journal=" + fallback)) {
			assertThat(slotRecords(app.getBean(BroadcastLog.class), "Sổ dự phòng 2"))
				.as("the log line is read back, appended once").hasSize(1);
		}
	}

	@Test
	void anUnreadableJournalLineIsQuarantinedNotDeletedAndTheOthersAreApplied() throws Exception {
		Path root = PlayoutFixture.commune(TestDirs.create("records-quarantine"));
		Path journal = Files.createDirectories(root.resolve("data/journal")).resolve("airings.jsonl");
		ObjectMapper json = new ObjectMapper().findAndRegisterModules();
		String garbage = "{\"id\":\"hỏng\",\"airings\":[{\"zoneId\":";
		Files.writeString(journal, json.writeValueAsString(batch("Trước dòng hỏng")) + "\n" + garbage + "\n"
				+ json.writeValueAsString(batch("Sau dòng hỏng")) + "\n", StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext app = start(root)) {
			BroadcastLog log = app.getBean(BroadcastLog.class);
			assertThat(slotRecords(log, "Trước dòng hỏng")).hasSize(1);
			assertThat(slotRecords(log, "Sau dòng hỏng")).hasSize(1);
			assertThat(journal).as("emptied: all it held is in the log or the quarantine").doesNotExist();
			Path quarantine = journal.resolveSibling("airings.jsonl.quarantine");
			List<String> lines = Files.readAllLines(quarantine);
			assertThat(lines).hasSize(1);
			JsonNode entry = json.readTree(lines.get(0));
			assertThat(entry.path("line").asText()).isEqualTo(garbage);
			assertThat(entry.path("from").asText()).isEqualTo(journal + ":2");
			assertThat(entry.path("why").asText()).isNotBlank();
			assertThat(Instant.parse(entry.path("at").asText())).isCloseTo(Instant.now(), within(Duration.ofMinutes(2)));

			JsonNode health = health(app).path("components").path("broadcastLog");
			assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("DEGRADED");
			assertThat(health.path("details").path("quarantined").path(quarantine.toString()).asInt()).isEqualTo(1);
			assertThat(page(app))
				.contains("1 mục nhật ký phát thanh không đọc được, đã cách ly tại " + quarantine + ": gọi kỹ thuật viên");
			assertThat(app.getBean(StatusStrip.class).strip(admin()).records().quarantinedCount()).isEqualTo(1);
		}
	}

	@Test
	void aBadCrashMarkerIsQuarantinedAndTheOthersAreRecorded() throws Exception {
		Path root = PlayoutFixture.commune(TestDirs.create("records-live"));
		Path live = Files.createDirectories(root.resolve("data/live"));
		Instant bad = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
		Instant good = bad.plus(Duration.ofHours(1));
		Instant noAudio = good.plus(Duration.ofMinutes(10));
		cutLive(live, bad, "start=không phải thời điểm\nby=chu-tich\nzones=ban-a\n", true);
		cutLive(live, good, "start=" + good + "\nby=pho-chu-tich\nzones=ban-a,ban-c\ntitle=Thông báo tốt\n", true);
		cutLive(live, noAudio, "start=" + noAudio + "\nby=can-bo\nzones=ban-d\n", false);
		try (ConfigurableApplicationContext app = start(root)) {
			BroadcastLog log = app.getBean(BroadcastLog.class);
			Instant now = Instant.now();
			List<BroadcastRecord> records = log.between(now.minus(Duration.ofHours(4)), now, null).stream()
				.filter(r -> r.airing().slotName().equals(LiveAnnouncements.LIVE))
				.toList();
			assertThat(records).as("the good marker after the bad one is recorded").hasSize(2)
				.allSatisfy(r -> {
					assertThat(r.airing().scheduledStart()).isEqualTo(good);
					assertThat(r.airing().outcome()).isEqualTo(Outcome.INTERRUPTED);
				});
			Path quarantine = live.resolve(LiveAnnouncements.QUARANTINE);
			assertThat(TestDirs.files(quarantine)).containsExactlyInAnyOrder("live-" + bad.toEpochMilli() + ".properties",
					"live-" + bad.toEpochMilli() + ".pcm", "live-" + bad.toEpochMilli() + ".why",
					"live-" + noAudio.toEpochMilli() + ".properties", "live-" + noAudio.toEpochMilli() + ".why");
			assertThat(Files.readString(quarantine.resolve("live-" + bad.toEpochMilli() + ".why"))).contains("không phải");
			assertThat(Files.list(live).map(f -> f.getFileName().toString()).toList()).containsExactly("quarantine");
			JsonNode health = health(app).path("components").path("broadcastLog");
			assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
			assertThat(health.path("details").path("quarantined").path(quarantine.toString()).asInt()).isEqualTo(2);
		}
	}

	@Test
	void aCatchUpThatFailsIsRetriedOverTheSameWindowUntilTheSlotsHaveTheirRecords() throws Exception {
		Path root = PlayoutFixture.commune(TestDirs.create("records-sleep"));
		HikariDataSource database;
		Past second;
		try (ConfigurableApplicationContext app = start(root, "--loaxa.playout.grace=5s")) {
			Playout playout = app.getBean(Playout.class);
			DataSource db = app.getBean(DataSource.class);
			database = (HikariDataSource) db;
			app.getBean(Scheduler.class).standby(); // asleep: no trigger fires
			Past slot = pastSlot(app, "Khi máy ngủ", 60);
			Instant asleep = slot.start().minusSeconds(60);
			sql(db, "ALTER TABLE slot_run RENAME TO slot_run_aside");
			playout.asleepSince(asleep);
			await().atMost(Duration.ofSeconds(20)).until(() -> playout.recordKeeping().catchUpPendingSince() != null);
			assertThat(playout.recordKeeping().catchUpPendingSince()).isEqualTo(asleep);
			JsonNode health = health(app).path("components").path("broadcastLog");
			assertThat(health.path("status").asText()).isEqualTo("DOWN");
			assertThat(health.path("details").path("catchUpPendingSince").asText()).isEqualTo(asleep.toString());
			// the strip cannot be drawn while slot_run is gone (it shows the last run): its text only
			assertThat(stripText(app, "strip.records.catchUp", "07/12/2026 10:00"))
				.isEqualTo("Chưa ghi được bản ghi cho các khung giờ từ 07/12/2026 10:00 (máy ngủ hoặc tắt); đang thử lại");

			sql(db, "ALTER TABLE slot_run_aside RENAME TO slot_run");
			BroadcastLog log = app.getBean(BroadcastLog.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> !slotRecords(log, slot.name()).isEmpty());
			assertMissed(slotRecords(log, slot.name()), slot);
			await().atMost(Duration.ofSeconds(10)).until(() -> playout.recordKeeping().catchUpPendingSince() == null);

			// asleep again, the catch-up fails again, and LoaXa is shut down before it could succeed
			second = pastSlot(app, "Khi máy ngủ rồi tắt", 30);
			sql(db, "ALTER TABLE slot_run RENAME TO slot_run_aside");
			playout.asleepSince(Instant.now().minusSeconds(90));
			await().atMost(Duration.ofSeconds(20)).until(() -> playout.recordKeeping().catchUpPendingSince() != null);
		}
		try (Connection c = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
				database.getPassword()); Statement st = c.createStatement()) {
			st.execute("ALTER TABLE slot_run_aside RENAME TO slot_run");
		}
		try (ConfigurableApplicationContext app = start(root, "--loaxa.playout.grace=5s")) {
			assertMissed(slotRecords(app.getBean(BroadcastLog.class), second.name()), second);
		}
	}

	/** A one-off slot and when it started. */
	private record Past(String name, Instant start) {
	}

	/** A slot on ban-c that started {@code secondsAgo} and lasted 10 s, saved while Quartz is in standby. */
	private static Past pastSlot(ConfigurableApplicationContext app, String name, int secondsAgo) {
		ZonedDateTime start = app.getBean(LoaxaClock.class).now().minusSeconds(secondsAgo).truncatedTo(ChronoUnit.SECONDS);
		Slot slot = app.getBean(Schedule.class).saveSlot(PlayoutFixture.slotAt("ban-c", name, start, Duration.ofSeconds(10),
				List.of("OTHER"), null), null);
		return new Past(slot.name(), start.toInstant());
	}

	private static void assertMissed(List<BroadcastRecord> records, Past slot) {
		assertThat(records).as(slot.name()).singleElement().satisfies(r -> {
			assertThat(r.airing().outcome()).isEqualTo(Outcome.MISSED);
			assertThat(r.airing().zoneId()).isEqualTo("ban-c");
			assertThat(r.airing().scheduledStart()).isEqualTo(slot.start());
		});
	}

	// ------------------------------------------------------------------ helpers

	private static AiringBatch batch(String slotName) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return AiringBatch.of(List.of(Airing.of("ban-a", slotName)
			.clip(null, null, "Bản tin thử", ClipKind.NEWS, Topic.OTHER)
			.scheduled(at)
			.started(at)
			.ended(at.plusMillis(800))
			.playedMs(800)
			.dueMs(800)
			.outcome(Outcome.FAILED)
			.reason("Lỗi ghi thử")
			.reasonCode(Reason.WRITE_FAILED)
			.build()));
	}

	private static void cutLive(Path dir, Instant start, String marker, boolean withAudio) throws Exception {
		String base = "live-" + start.toEpochMilli();
		if (withAudio) {
			Files.write(dir.resolve(base + ".pcm"), new byte[44100 * 2]);
		}
		Files.writeString(dir.resolve(base + ".properties"), marker, StandardCharsets.UTF_8);
	}

	private static List<BroadcastRecord> slotRecords(BroadcastLog log, String slotName) {
		Instant now = Instant.now();
		return log.between(now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), null).stream()
			.filter(r -> r.airing().slotName().equals(slotName))
			.toList();
	}

	private static void sql(DataSource db, String statement) throws Exception {
		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			st.execute(statement);
		}
	}

	private static UsernamePasswordAuthenticationToken admin() {
		return new UsernamePasswordAuthenticationToken("admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
	}

	/** What the strip says, in Vietnamese, with the template's message and arguments. */
	private static String stripText(ConfigurableApplicationContext app, String code, Object... args) {
		return app.getBean(MessageSource.class).getMessage(code, args, Locale.forLanguageTag("vi"));
	}

	/** The status strip as an administrator sees it, on the first page. */
	private static String page(ConfigurableApplicationContext app) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		String html = vn.loaxa.support.WebSession.signIn(port, "admin", ADMIN_PASSWORD).page("/on-air");
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html);
	}

	private static JsonNode health(ConfigurableApplicationContext app) throws Exception {
		String port = app.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		return new ObjectMapper().readTree(response.body());
	}

	private static ConfigurableApplicationContext start(Path root, String... extra) {
		Map<String, Object> properties = PlayoutFixture.properties(root);
		List<String> args = new java.util.ArrayList<>(properties.entrySet().stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toList());
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(LoaxaApplication.class).run(args.toArray(String[]::new));
	}

	private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
		return new org.assertj.core.data.TemporalUnitWithinOffset(d.toMillis(), ChronoUnit.MILLIS);
	}
}
