package vn.loaxa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.backup.Backup;
import vn.loaxa.backup.BackupService;
import vn.loaxa.backup.Restore;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.report.ReportCommands;
import vn.loaxa.support.Requires;
import vn.loaxa.support.TestDatabase;
import vn.loaxa.support.TestDirs;

/**
 * The daily backup on PostgreSQL: {@code pg_dump} in custom format into the backup folder, with the
 * clip manifest; {@code pg_restore} of it into an empty database gives a log whose chain verifies
 * ({@code verify} command on the restored database). The PostgreSQL client tools come from the
 * operating system (the embedded server's binaries have none): without them, or with ones older
 * than the server, the test is skipped with the install line ({@link Requires}; fails with CI=true).
 */
@Tag("postgres")
@Requires.Present(Requires.Os.PG_CLIENT_TOOLS)
@SpringBootTest
class PostgresBackupTests {

	static final Path DATA_DIR = TestDirs.create("pg-backup");

	static Path pgDump;
	static Path pgRestore;

	@BeforeAll
	static void clientTools() {
		int server = TestDatabase.serverMajor();
		pgDump = Requires.pgClient("pg_dump", server);
		pgRestore = Requires.pgClient("pg_restore", server);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
		registry.add("loaxa.backup.pg-dump", () -> pgDump.toString());
	}

	@Autowired
	BackupService backups;

	@Autowired
	ClipLibrary library;

	@Autowired
	BroadcastLog log;

	@Test
	void pgDumpWritesACustomFormatDumpThatPgRestoreBringsBack() throws Exception {
		Clip clip = library.importFile(Path.of("src/test/resources/audio/tone.flac"), ClipDraft.EMPTY, "test").clip();
		Instant at = Instant.parse("2026-11-20T22:30:00Z");
		for (int i = 0; i < 3; i++) {
			log.append(Airing.of("ban-na-lay", "Bản tin sáng")
				.clip(clip.getId(), clip.getSha256(), clip.getTitle(), clip.getKind(), clip.getTopic())
				.scheduled(at.plusSeconds(60L * i))
				.started(at)
				.ended(at.plusMillis(clip.getDurationMs()))
				.playedMs(clip.getDurationMs())
				.dueMs(clip.getDurationMs())
				.outcome(Outcome.PLAYED)
				.build());
		}

		Backup backup = backups.backupNow();
		assertThat(backup.database().getFileName().toString()).isEqualTo("loaxa-db.dump");
		assertThat(Files.readAllBytes(backup.database())).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
		assertThat(Files.readString(backup.manifest())).contains(clip.getSha256() + ".pcm.wav");
		assertThat(backups.backups()).contains(backup.folder());
		Path clipsBack = TestDirs.create("pg-restore");
		Restore.Result clipsOnly = Restore.run(backup.folder(), clipsBack, null);
		assertThat(clipsOnly.database()).as("the dump is pg_restore's job").isNull();
		assertThat(clipsOnly.missing()).isEmpty();
		assertThat(clipsOnly.clipFiles()).isEqualTo(backup.clipFiles()).isPositive();
		assertThat(clipsBack.resolve("clips").resolve(clip.getSha256().substring(0, 2)).resolve(clip.getSha256() + ".pcm.wav"))
			.exists();

		String restored = TestDatabase.create();
		String name = restored.substring(restored.lastIndexOf('/') + 1);
		List<String> command = new ArrayList<>(List.of(pgRestore.toString(), "--no-owner", "--exit-on-error",
				"--host=" + TestDatabase.host(), "--port=" + TestDatabase.port(), "--username=" + TestDatabase.user(), "--dbname=" + name, backup.database().toString()));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().put("PGPASSWORD", TestDatabase.password());
		Process p = pb.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor()).as(output).isZero();
		// pg_restore loaded the rows (triggers come after the data) and recreated V7's triggers
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(restored, TestDatabase.user(), TestDatabase.password());
				java.sql.Statement s = c.createStatement()) {
			var rs = s.executeQuery("SELECT COUNT(*) FROM broadcast_record");
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(log.count());
			assertThatThrownBy(() -> s.executeUpdate("UPDATE broadcast_record SET reason = 'sửa'"))
				.hasMessageContaining("broadcast_record is append-only");
			assertThatThrownBy(() -> s.executeUpdate("TRUNCATE broadcast_record"))
				.hasMessageContaining("broadcast_record is append-only");
			assertThatThrownBy(() -> s.executeUpdate("UPDATE broadcast_chain_head SET last_id = 0"))
				.hasMessageContaining("only moves forward");
		}

		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.PrintStream stdout = System.out;
		System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = LoaxaApplication.runCommand("verify", "--spring.datasource.url=" + restored,
					"--spring.datasource.username=" + TestDatabase.user(),
					"--spring.datasource.password=" + TestDatabase.password(), "--loaxa.data-dir=" + DATA_DIR,
					"--spring.quartz.scheduler-name=restored-" + name);
		}
		finally {
			System.setOut(stdout);
		}
		assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(ReportCommands.OK);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(String.valueOf(log.count()));
	}
}
