package vn.loaxa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.loaxa.support.ApiClient;
import vn.loaxa.support.ChildApp;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * Two radio PCs, active and standby, on one PostgreSQL database with Quartz clustered: a slot fires
 * on one PC only and airs once; the PC airing the next slot loses power mid-clip (SIGKILL); the
 * other one records that clip INTERRUPTED and airs the slot after; no slot airs twice, each
 * occurrence is claimed once, and the log's chain holds.
 * <p>
 * The two PCs are two child JVMs ({@link ChildApp}), not two Spring contexts in this JVM: Quartz
 * keeps its schedulers (and Spring its job store's data source) in JVM-wide registries keyed by the
 * scheduler name, so one JVM cannot hold two schedulers of one name, while a Quartz cluster is
 * exactly the schedulers that share a name ({@code SCHED_NAME} in the tables). Child processes also
 * make "the active PC stops" a real SIGKILL. Each PC has its own data dir (logs, file sink, work
 * files); the clip store is shared, as the two PCs would share it over the network (a symbolic link
 * here), since the database names clips the other PC imported.
 */
@Tag("postgres")
class ActiveStandbyTests {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final String PASSWORD = "cum-loa-du-phong";

	@Test
	void aSlotAirsOnceAndTheStandbyTakesOverWhenTheActivePcLosesPowerMidClip() throws Exception {
		if (!TestDatabase.postgres()) {
			fail("needs PostgreSQL: it runs in the postgres-tests execution (-Dloaxa.test.db=postgres)");
		}
		Path root = TestDirs.create("active-standby");
		Path schedules = Files.createDirectories(root.resolve("schedules"));
		Files.writeString(schedules.resolve("zones.yaml"), """
				channels:
				  - id: main
				    name: Kênh chính
				    output: file
				zones:
				  - id: ban-a
				    name: Bản A
				    channel: main
				""", StandardCharsets.UTF_8);
		Path dataA = Files.createDirectories(root.resolve("pc-a"));
		Path dataB = Files.createDirectories(root.resolve("pc-b"));
		Files.createDirectories(dataA.resolve("clips"));
		Files.createSymbolicLink(dataB.resolve("clips"), dataA.resolve("clips"));
		String url = TestDatabase.create();

		List<ChildApp> pcs = new ArrayList<>();
		try (var db = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true)) {
			JdbcTemplate jdbc = new JdbcTemplate(db);
			// A first: on a fresh install it loads the plan files; B then finds the plan in the database
			ChildApp a = ChildApp.start("pc-a", root, settings(url, dataA, schedules, "pc-a"));
			pcs.add(a);
			a.awaitUp(Duration.ofSeconds(120));
			ChildApp b = ChildApp.start("pc-b", root, settings(url, dataB, schedules, "pc-b"));
			pcs.add(b);
			b.awaitUp(Duration.ofSeconds(120));
			assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT instance_name) FROM qrtz_scheduler_state", Integer.class))
				.as("both PCs checked in to one Quartz cluster").isEqualTo(2);

			ApiClient apiA = ApiClient.as(a.port(), "admin", PASSWORD);
			ApiClient.Response clip = apiA.upload("ban-tin.wav", TestAudio.uniqueWav(5, 44100),
					Map.of("kind", "NEWS", "topic", "OTHER"));
			assertThat(clip.status()).as(clip.body()).isEqualTo(201);
			assertThat(apiA.post("/api/clips/" + clip.id() + "/approve").status()).isEqualTo(200);

			// three one-off slots, added through A while both run: B learns them from the database
			ZonedDateTime first = ZonedDateTime.now(HCM).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
			ZonedDateTime second = first.plusSeconds(12);
			ZonedDateTime third = second.plusSeconds(18);
			Files.writeString(schedules.resolve("ban-a.yaml"), "target: ban-a\nslots:\n" + slot("Bản tin một", first)
					+ slot("Bản tin hai", second) + slot("Bản tin ba", third), StandardCharsets.UTF_8);
			ApiClient.Response reload = apiA.post("/api/schedule/reload");
			assertThat(reload.json().get("ok").asBoolean()).as(reload.body()).isTrue();

			// both up: the first slot fires on one of them and airs once
			awaitRun(jdbc, "ban-a/Bản tin một", "DONE", pcs);
			assertThat(records(jdbc, "Bản tin một")).as("aired once, in one zone").containsExactly("PLAYED");
			airedBy("Bản tin một", Map.of(a, dataA, b, dataB));

			// the PC airing the second slot loses power two seconds into the clip
			await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForList(
					"SELECT node FROM on_air WHERE slot_name = ? AND played_ms >= 2000", String.class, "Bản tin hai")
				.size() == 1);
			String node = jdbc.queryForObject("SELECT node FROM on_air WHERE slot_name = ?", String.class, "Bản tin hai");
			ChildApp active = node.equals("pc-a") ? a : b;
			ChildApp standby = active == a ? b : a;
			active.kill();

			// the standby records the cut clip as INTERRUPTED (its progress went stale), once
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
				.until(() -> records(jdbc, "Bản tin hai").size() == 1);
			List<Map<String, Object>> cut = jdbc.queryForList(
					"SELECT outcome, played_ms FROM broadcast_record WHERE slot_name = ?", "Bản tin hai");
			assertThat(cut.get(0).get("outcome")).isEqualTo("INTERRUPTED");
			assertThat(((Number) cut.get(0).get("played_ms")).longValue()).isBetween(2000L, 5000L);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM on_air", Integer.class)).isZero();

			// and airs the third slot, once
			awaitRun(jdbc, "ban-a/Bản tin ba", "DONE", List.of(standby));
			assertThat(records(jdbc, "Bản tin ba")).as("the standby aired the next slot, once").containsExactly("PLAYED");
			assertThat(airedBy("Bản tin ba", Map.of(a, dataA, b, dataB))).isSameAs(standby);
			assertThat(records(jdbc, "Bản tin một")).as("the first slot still aired once").containsExactly("PLAYED");
			assertThat(records(jdbc, "Bản tin hai")).containsExactly("INTERRUPTED");
			assertThat(jdbc.queryForList("SELECT slot_key FROM slot_run WHERE slot_key LIKE 'ban-a/%'", String.class))
				.as("each occurrence claimed once").hasSize(3).doesNotHaveDuplicates();

			ApiClient.Response verify = ApiClient.as(standby.port(), "admin", PASSWORD).get("/api/broadcasts/verify");
			assertThat(verify.json().get("intact").asBoolean()).as(verify.body()).isTrue();
			assertThat(standby.isAlive()).isTrue();

			// the survivor's health: the database, its scheduler (clustered, running) and its file sink
			com.fasterxml.jackson.databind.JsonNode health = ApiClient.as(standby.port(), "admin", PASSWORD)
				.get("/actuator/health").json();
			assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("UP");
			assertThat(health.path("components").path("db").path("details").path("database").asText())
				.isEqualTo("PostgreSQL");
			assertThat(health.path("components").path("scheduler").path("details").path("clustered").asBoolean()).isTrue();
			assertThat(health.path("components").path("audio").path("details").path("channels").path("main")
				.path("sink").asText()).isEqualTo("file");
		}
		catch (AssertionError | RuntimeException e) {
			for (ChildApp pc : pcs) {
				System.err.println("---- " + pc.name() + "\n" + pc.tail(80));
			}
			throw e;
		}
		finally {
			pcs.forEach(ChildApp::close);
		}
	}

	private static Map<String, String> settings(String url, Path data, Path schedules, String node) {
		Map<String, String> s = new LinkedHashMap<>();
		s.put("spring.profiles.active", "postgres");
		s.put("spring.datasource.url", url);
		s.put("spring.datasource.username", TestDatabase.user());
		s.put("spring.datasource.password", TestDatabase.password());
		// one cluster: the same scheduler name on both PCs (instance ids are AUTO, so they differ)
		s.put("spring.quartz.scheduler-name", "loaxa");
		s.put("loaxa.cluster.checkin-interval", "2000");
		s.put("loaxa.cluster.node", node);
		// a clip the other PC left in flight is taken for cut after 5 s without progress (default 30 s)
		s.put("loaxa.cluster.peer-stale", "5s");
		s.put("loaxa.data-dir", data.toString());
		s.put("loaxa.media-dir", data.resolve("no-media").toString());
		s.put("loaxa.schedules-dir", schedules.toString());
		s.put("loaxa.audio.sink", "file");
		s.put("loaxa.playout.pause", "300ms");
		s.put("loaxa.backup.enabled", "false");
		s.put("loaxa.admin.password", PASSWORD);
		return s;
	}

	private static String slot(String name, ZonedDateTime start) {
		return "  - name: " + name + "\n    dates: [" + start.toLocalDate() + "]\n    start: \""
				+ start.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "\"\n    length: 8s\n";
	}

	private static void awaitRun(JdbcTemplate jdbc, String slotKey, String state, List<ChildApp> pcs) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			for (ChildApp pc : pcs) {
				if (!pc.isAlive()) {
					throw new IllegalStateException(pc.name() + " died:\n" + pc.tail(60));
				}
			}
			return state.equals(jdbc.query("SELECT state FROM slot_run WHERE slot_key = ?",
					(rs, i) -> rs.getString(1), slotKey).stream().findFirst().orElse(null));
		});
	}

	private static List<String> records(JdbcTemplate jdbc, String slotName) {
		return jdbc.queryForList("SELECT outcome FROM broadcast_record WHERE slot_name = ? ORDER BY id", String.class,
				slotName);
	}

	/** The PC whose file sink holds the slot's programme; exactly one may. */
	private static ChildApp airedBy(String slotName, Map<ChildApp, Path> dataDirs) {
		List<ChildApp> aired = new ArrayList<>();
		dataDirs.forEach((pc, dir) -> {
			if (TestDirs.files(dir.resolve("sink")).stream().anyMatch(f -> f.contains(slotName.replace(' ', '-')))) {
				aired.add(pc);
			}
		});
		assertThat(aired).as("PCs whose sink holds %s: %s", slotName, sinks(dataDirs)).hasSize(1);
		return aired.get(0);
	}

	private static String sinks(Map<ChildApp, Path> dataDirs) {
		StringBuilder s = new StringBuilder();
		dataDirs.forEach((pc, dir) -> s.append(pc.name()).append('=').append(TestDirs.files(dir.resolve("sink"))).append(' '));
		return s.toString();
	}

}
