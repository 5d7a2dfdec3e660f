package vn.loaxa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * A commune upgrades: its database was made by the first release (migration V1 only: users and the
 * clip library), with a user and a clip in it as release 1 wrote them. The current LoaXa starts on
 * it, migrates it forward on start, and the clip and the login are still there. Runs on H2 and, in
 * the postgres-tests execution, on PostgreSQL.
 */
class UpgradeTests {

	static final String OFFICER = "hoa";
	static final String OFFICER_PASSWORD = "mat-khau-ban-1";

	@Test
	void aFirstReleaseDatabaseMigratesForwardWithItsUsersAndClips() throws Exception {
		Path data = TestDirs.create("upgrade");
		Map<String, String> db = new LinkedHashMap<>(TestDatabase.properties(data.toString()));
		String url = db.getOrDefault("spring.datasource.url", "jdbc:h2:file:"
				+ data.resolve("db/loaxa").toString().replace('\\', '/') + ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE");
		String user = db.getOrDefault("spring.datasource.username", "loaxa");
		String password = db.getOrDefault("spring.datasource.password", "");

		// release 1: its one migration, then what it stored for a user and an imported clip
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("1").load().migrate();
		byte[] audio = TestAudio.uniqueWav(1.0, 44100);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
		Path original = Files.createDirectories(data.resolve("clips").resolve(sha.substring(0, 2))).resolve(sha + ".wav");
		Files.write(original, audio);
		Files.write(original.resolveSibling(sha + ".pcm.wav"), audio);
		Timestamp then = Timestamp.from(Instant.parse("2026-01-05T02:00:00Z"));
		DriverManagerDataSource release1 = new DriverManagerDataSource(url, user, password);
		JdbcTemplate old = new JdbcTemplate(release1);
		old.update("INSERT INTO app_user (username, display_name, password_hash, roles, enabled, created_at) "
				+ "VALUES (?, ?, ?, ?, TRUE, ?)", OFFICER, "Nguyễn Thị Hoa",
				PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(OFFICER_PASSWORD), "ADMIN,OFFICER", then);
		old.update("""
				INSERT INTO clip (title, kind, topic, priority, status, original_name, format, sha256, original_bytes,
				    original_ext, duration_ms, loudness_lufs, gain_db, source, uploaded_by, uploaded_at, reviewed_by, reviewed_at)
				VALUES (?, 'NEWS', 'DIGITAL_TRANSFORMATION', 'NORMAL', 'APPROVED', 'ban-tin-vneid.wav', 'WAV', ?, ?, 'wav',
				    1000, -16.0, 0.0, 'UPLOAD', ?, ?, ?, ?)""", "Bản tin VNeID (bản 1)", sha, audio.length, OFFICER, then,
				OFFICER, then);
		long clipId = old.queryForObject("SELECT id FROM clip WHERE sha256 = ?", Long.class, sha);
		if (url.startsWith("jdbc:h2:")) {
			old.execute("SHUTDOWN");
		}

		Map<String, Object> settings = new LinkedHashMap<>(db);
		settings.put("loaxa.data-dir", data.toString());
		settings.put("loaxa.media-dir", data.resolve("no-media").toString());
		settings.put("loaxa.schedules-dir", data.resolve("no-schedules").toString());
		settings.put("loaxa.backup.enabled", "false");
		settings.put("server.port", "0");
		settings.put("spring.quartz.scheduler-name", "loaxa-upgrade-" + data.getFileName());
		settings.put("logging.file.name", data.resolve("logs/loaxa.log").toString());
		String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LoaxaApplication.class).run(args)) {
			String vendor = "classpath:db/vendor/" + (url.startsWith("jdbc:h2:") ? "h2" : "postgresql");
			assertThat(Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration", vendor)
				.load().info().pending()).as("every later migration applied on start").isEmpty();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
				.isGreaterThan(1);
			org.assertj.core.api.Assertions.assertThatThrownBy(
					() -> jdbc.update("UPDATE broadcast_chain_head SET last_id = -1 WHERE id = 1"))
				.as("V7's triggers are in place after the upgrade").hasMessageContaining("only moves forward");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class))
				.as("no first administrator made: the release-1 user is there").isEqualTo(1);

			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			ApiClient officer = ApiClient.as(port, OFFICER, OFFICER_PASSWORD);
			ApiClient.Response clips = officer.get("/api/clips");
			assertThat(clips.status()).as("login with the release-1 password").isEqualTo(200);
			assertThat(clips.json().findValuesAsText("sha256")).containsExactly(sha);
			ApiClient.Response clip = officer.get("/api/clips/" + clipId);
			assertThat(clip.json().get("title").asText()).isEqualTo("Bản tin VNeID (bản 1)");
			assertThat(clip.json().get("status").asText()).isEqualTo("APPROVED");
			assertThat(clip.json().get("durationMs").asLong()).isEqualTo(1000);
			assertThat(ApiClient.as(port, OFFICER, "sai-mat-khau").get("/api/clips").status()).isEqualTo(401);
			assertThat(original).exists();
		}
	}
}
