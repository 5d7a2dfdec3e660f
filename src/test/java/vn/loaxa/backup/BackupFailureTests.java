package vn.loaxa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.backup.internal.DatabaseCopy;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.support.TestDirs;

/**
 * {@code loaxa.backup.copy-to} missing (the USB disk not plugged in) or unwritable: the backup is
 * kept locally but marked failed with its reason, on the status strip of every page (Vietnamese) and
 * as DEGRADED in health; the next good backup clears both. Survives a restart (a file in the data dir).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD })
@AutoConfigureMockMvc
class BackupFailureTests extends ApiTestSupport {

	static final Path DATA_DIR = TestDirs.create("backup-failure");
	static final Path USB = DATA_DIR.resolve("usb");

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
		registry.add("loaxa.backup.copy-to", USB::toString);
	}

	@Autowired
	BackupService backups;

	@Autowired
	BackupStatus status;

	@Autowired
	ClipLibrary library;

	@Autowired
	MockMvc mvc;

	@Override
	protected Path dataDir() {
		return DATA_DIR;
	}

	@Test
	void aMissingOrUnwritableCopyToFailsTheBackupOnTheStripAndInHealth() throws Exception {
		library.importFile(Path.of("src/test/resources/audio/tone.flac"), ClipDraft.EMPTY, "test");
		assertThat(status.view().state()).as("a fresh install is not degraded").isEqualTo(BackupStatus.State.NONE_YET);
		assertThat(backupPart().path("status").asText()).isEqualTo("UP");
		assertThat(strip()).doesNotContain("strip-backup");

		Backup missing = backups.backupNow();
		assertThat(missing.ok()).isFalse();
		assertThat(missing.problem()).startsWith("copy_to_missing").contains(USB.toString());
		assertThat(missing.database()).as("the local backup is kept").exists();
		assertThat(TestDirs.files(DATA_DIR.resolve("backup/clips"))).hasSize(2);
		assertThat(USB).as("LoaXa never makes the copy-to folder itself").doesNotExist();
		assertThat(status.view().state()).isEqualTo(BackupStatus.State.FAILED);
		JsonNode health = backupPart();
		assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
		assertThat(health.path("details").path("reason").asText()).contains("copy_to_missing", USB.toString());
		assertThat(admin.get("/actuator/health").json().path("status").asText()).isEqualTo("DEGRADED");
		assertThat(anonymous.get("/actuator/health").status()).as("DEGRADED is still HTTP 200").isEqualTo(200);
		assertThat(strip()).contains("strip-backup", "Sao lưu thất bại lúc", "không tìm thấy thư mục chép thêm",
				"ổ USB chưa cắm");

		// the folder is there but cannot take the clips (a file where clips/ should be)
		Files.createDirectories(USB);
		Files.writeString(USB.resolve("clips"), "not a folder");
		Thread.sleep(1100); // backup folders are named to the second
		Backup unwritable = backups.backupNow();
		assertThat(unwritable.problem()).startsWith("copy_to_failed");
		assertThat(backupPart().path("details").path("reason").asText()).contains("copy_to_failed");
		assertThat(strip()).contains("không chép được sang thư mục chép thêm");
		assertThat(new BackupStatus(DATA_DIR.resolve("backup").resolve(BackupStatus.FILE), properties(), java.time.Clock
			.systemUTC()).view().state()).as("read back from the file, as after a restart").isEqualTo(BackupStatus.State.FAILED);

		Files.delete(USB.resolve("clips"));
		Thread.sleep(1100);
		Backup good = backups.backupNow();
		assertThat(good.ok()).isTrue();
		assertThat(good.copy()).isEqualTo(USB.resolve(good.folder().getFileName()));
		assertThat(good.copy().resolve(DatabaseCopy.DATABASE)).exists();
		assertThat(TestDirs.files(USB.resolve("clips"))).hasSize(2);
		assertThat(status.view().state()).isEqualTo(BackupStatus.State.OK);
		assertThat(backupPart().path("status").asText()).isEqualTo("UP");
		assertThat(strip()).doesNotContain("strip-backup");

		// the last success three days ago, nothing since (as when the nightly job has stopped running)
		status.succeeded(new Backup(good.folder(), good.database(), good.manifest(), 2, 0, null, null, 1,
				java.time.Instant.now().minus(java.time.Duration.ofDays(3))));
		assertThat(status.view().state()).isEqualTo(BackupStatus.State.STALE);
		assertThat(backupPart().path("status").asText()).isEqualTo("DEGRADED");
		assertThat(strip()).contains("strip-backup", "Không có bản sao lưu thành công trong 48 giờ qua");
		backups.backupNow();
		assertThat(backupPart().path("status").asText()).isEqualTo("UP");

		// a clip file the database names has gone from data/clips: the backup is kept, and says so
		vn.loaxa.media.Clip clip = library.search(vn.loaxa.media.ClipFilter.ALL).get(0);
		Files.delete(library.canonicalAudio(clip));
		Backup incomplete = backups.backupNow();
		assertThat(incomplete.problem()).startsWith("clips_missing").contains(clip.getSha256() + ".pcm.wav");
		assertThat(incomplete.clipFiles()).isEqualTo(1);
		assertThat(strip()).contains("thiếu tệp bản tin trong data/clips");
	}

	private JsonNode backupPart() throws Exception {
		return admin.get("/actuator/health").json().path("components").path("backup");
	}

	private String strip() throws Exception {
		return mvc.perform(get("/broadcasts").with(user("canbo").roles("OFFICER")).locale(java.util.Locale.forLanguageTag("vi")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static BackupProperties properties() {
		return new BackupProperties(true, "0 30 2 * * *", 14, null, java.time.Duration.ofHours(48));
	}
}
