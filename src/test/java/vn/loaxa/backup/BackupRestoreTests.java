package vn.loaxa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;

@SpringBootTest
class BackupRestoreTests {

	static final Path dataDir = vn.loaxa.support.TestDirs.create("backuprestore");

	@TempDir
	Path restoredDir;

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", dataDir::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> dataDir.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> dataDir.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
	}

	@Autowired
	BackupService backups;

	@Autowired
	ClipLibrary library;

	@Autowired
	BroadcastLog log;

	@Test
	void aBackupRestoresIntoAnEmptyDataDirWithAnIntactChainAndPlayableClips() throws Exception {
		Clip clip = library.importFile(Path.of("src/test/resources/audio/tone.flac"), ClipDraft.EMPTY, "test").clip();
		Instant at = Instant.parse("2026-11-20T22:30:00Z");
		log.append(new Airing("ban-na-lay", "Bản tin sáng", clip.getId(), clip.getSha256(), clip.getTitle(),
				clip.getKind(), clip.getTopic(), at, at, at.plusMillis(clip.getDurationMs()), clip.getDurationMs(),
				clip.getDurationMs(), Outcome.PLAYED, null));

		Backup backup = backups.backupNow();
		assertThat(backup.database()).exists();
		assertThat(Files.readString(backup.manifest())).contains(clip.getSha256() + ".pcm.wav");
		assertThat(backup.clipFiles()).isEqualTo(2);

		assertThat(Restore.command("restore", backup.folder().toString(), "--loaxa.data-dir=" + restoredDir))
			.as("without the clip folder the clip files are missing").isEqualTo(1);
		org.springframework.util.FileSystemUtils.deleteRecursively(restoredDir.resolve("db"));
		assertThat(Restore.command("restore", backup.folder().toString(), "--loaxa.data-dir=" + restoredDir,
				"--clips=" + dataDir.resolve("clips"))).isZero();
		assertThat(Restore.command("restore")).isEqualTo(2);
		assertThatThrownBy(() -> Restore.run(backup.folder(), restoredDir, null)).isInstanceOf(IllegalStateException.class);

		try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(LoaxaApplication.class)
			.run("--loaxa.data-dir=" + restoredDir, "--loaxa.media-dir=" + restoredDir.resolve("no-media"),
					"--loaxa.schedules-dir=" + restoredDir.resolve("no-schedules"), "--server.port=0",
					"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=restored",
					"--loaxa.playout.enabled=false")) {
			BroadcastLog restoredLog = restored.getBean(BroadcastLog.class);
			ClipLibrary restoredLibrary = restored.getBean(ClipLibrary.class);
			assertThat(restoredLog.verify().intact()).isTrue();
			assertThat(restoredLog.count()).isEqualTo(log.count());
			Clip back = restoredLibrary.findBySha256(clip.getSha256()).orElseThrow();
			assertThat(back.getAirCount()).isEqualTo(1);
			Path wav = restoredLibrary.canonicalAudio(back);
			long frames = AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength();
			assertThat(frames * 1000 / 44100).isBetween(back.getDurationMs() - 1, back.getDurationMs() + 1);
		}
	}

	@Test
	void onlyTheNewestBackupsAreKept() {
		for (int i = 0; i < 3; i++) {
			backups.backupNow();
			try {
				Thread.sleep(1100); // folder names have one-second resolution
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		assertThat(backups.backups()).hasSizeLessThanOrEqualTo(14).isNotEmpty();
	}
}
