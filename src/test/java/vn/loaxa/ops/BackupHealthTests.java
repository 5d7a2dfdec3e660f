package vn.loaxa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;

import vn.loaxa.backup.BackupProperties;
import vn.loaxa.backup.BackupStatus;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * {@code backup} in health: no successful backup in 48 h is DEGRADED, counted from the last success,
 * or from the first start while there was none (so a fresh install starts UP). The status file is
 * the one LoaXa keeps in {@code <data-dir>/backup/}.
 */
class BackupHealthTests {

	@TempDir
	Path dataDir;

	@Test
	void aFreshInstallIsUpAndFirstStartIsKept() throws Exception {
		Health health = health(true);
		assertThat(health.getStatus().getCode()).isEqualTo("UP");
		assertThat(health.getDetails().get("state")).isEqualTo("NONE_YET");
		assertThat(Files.readString(statusFile())).contains("firstStart=");
		String first = Files.readString(statusFile());
		assertThat(health(true).getDetails().get("firstStart")).isNotNull();
		assertThat(Files.readString(statusFile())).as("first start recorded once").isEqualTo(first);
	}

	@Test
	void noBackupIn48HoursIsDegraded() throws Exception {
		write("firstStart=" + Instant.now().minus(Duration.ofDays(3)));
		Health never = health(true);
		assertThat(never.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(never.getDetails().get("state")).isEqualTo("STALE");

		write("firstStart=" + Instant.now().minus(Duration.ofDays(30)), "lastSuccess=" + Instant.now().minus(Duration.ofHours(49)));
		assertThat(health(true).getStatus().getCode()).isEqualTo("DEGRADED");

		write("firstStart=" + Instant.now().minus(Duration.ofDays(30)), "lastSuccess=" + Instant.now().minus(Duration.ofHours(47)));
		assertThat(health(true).getStatus().getCode()).isEqualTo("UP");
		assertThat(health(true).getDetails().get("state")).isEqualTo("OK");

		write("firstStart=" + Instant.now().minus(Duration.ofDays(3)));
		assertThat(health(false).getStatus().getCode()).as("backups switched off on purpose").isEqualTo("UP");
		assertThat(health(false).getDetails().get("state")).isEqualTo("DISABLED");
	}

	@Test
	void aFailedBackupIsDegradedWithItsReason() throws Exception {
		write("firstStart=" + Instant.now().minus(Duration.ofDays(3)), "lastSuccess=" + Instant.now().minus(Duration.ofHours(2)),
				"failedAt=" + Instant.now(), "problem=copy_to_missing", "detail=/media/usb/loaxa");
		Health health = health(true);
		assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(health.getDetails().get("reason")).isEqualTo("copy_to_missing: /media/usb/loaxa");
	}

	private Health health(boolean enabled) {
		LoaxaProperties loaxa = new LoaxaProperties(dataDir, dataDir.resolve("media"), dataDir.resolve("schedules"),
				ZoneId.of("Asia/Ho_Chi_Minh"));
		BackupProperties backup = new BackupProperties(enabled, "0 30 2 * * *", 14, null, Duration.ofHours(48));
		return new BackupHealth(new BackupStatus(loaxa, backup, new LoaxaClock(loaxa))).health();
	}

	private Path statusFile() {
		return dataDir.resolve("backup").resolve("last-result.properties");
	}

	private void write(String... lines) throws Exception {
		Files.createDirectories(statusFile().getParent());
		Files.writeString(statusFile(), String.join("\n", lines).replace(":", "\\:") + "\n");
	}
}
