package vn.loaxa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.backup.internal.DurableCopy;
import vn.loaxa.backup.internal.Manifest;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipFile;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.playout.Playout;
import vn.loaxa.support.TestDirs;

/**
 * A backup is a restore: LoaXa backs up into its data dir and a second folder (as on a USB disk),
 * stops, its data dir is wiped entirely, and {@code restore} from the USB folder alone brings the
 * database and every clip file back (SHA-256 checked); the restored LoaXa's chain verifies and it
 * plays a restored clip into the file sink. The second backup copies no clip file again; one new
 * clip costs exactly its two files. Real H2 files, real clip files, real ffmpeg.
 */
class BackupRestoreTests {

	@Test
	void aBackupOnTheUsbDiskAloneRestoresAWipedDataDirThatVerifiesAndPlays() throws Exception {
		Path data = TestDirs.create("backup-data");
		Path usb = TestDirs.create("backup-usb");
		Path schedules = Files.createDirectories(TestDirs.create("backup-schedules"));
		Files.writeString(schedules.resolve("zones.yaml"), """
				channels:
				  - id: main
				    name: Kênh chính
				    output: file
				zones:
				  - id: ban-a
				    name: Bản A
				    channel: main
				""");
		Map<String, String> sha256 = new HashMap<>();
		long records;
		Backup second;
		String fingerprint;
		try (ConfigurableApplicationContext app = start(data, data.resolve("no-schedules"), false, "--loaxa.backup.copy-to=" + usb)) {
			ClipLibrary library = app.getBean(ClipLibrary.class);
			BroadcastLog log = app.getBean(BroadcastLog.class);
			BackupService backups = app.getBean(BackupService.class);
			fingerprint = app.getBean(vn.loaxa.security.CommuneKey.class).fingerprint();
			for (String fixture : List.of("tone.flac", "tone.wav")) {
				Clip clip = library.importFile(Path.of("src/test/resources/audio/" + fixture), ClipDraft.EMPTY, "test").clip();
				library.approve(clip.getId(), "test");
				log.append(played(clip, Instant.parse("2026-11-20T22:30:00Z")));
			}

			long t0 = System.nanoTime();
			Backup first = backups.backupNow();
			long firstMs = (System.nanoTime() - t0) / 1_000_000;
			assertThat(first.ok()).as(first.problem()).isTrue();
			assertThat(first.clipFiles()).isEqualTo(4);
			assertThat(first.clipFilesCopied()).isEqualTo(4);
			assertThat(first.copy()).isEqualTo(usb.resolve(first.folder().getFileName()));
			for (ClipFile file : library.storedFiles()) {
				sha256.put(file.path(), DurableCopy.hash(data.resolve("clips").resolve(file.path())));
			}
			assertThat(Manifest.read(first.manifest())).extracting(e -> e.path() + " " + e.sha256())
				.containsExactlyInAnyOrderElementsOf(sha256.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
			Map<String, FileTime> copiedAt = modified(data.resolve("backup/clips"));
			copiedAt.putAll(modified(usb.resolve("clips")));
			assertThat(copiedAt).hasSize(8);

			Thread.sleep(1100); // backup folders are named to the second
			t0 = System.nanoTime();
			second = backups.backupNow();
			long secondMs = (System.nanoTime() - t0) / 1_000_000;
			assertThat(second.ok()).isTrue();
			assertThat(second.clipFiles()).isEqualTo(4);
			assertThat(second.clipFilesCopied()).as("the second backup copies no clip file again").isZero();
			Map<String, FileTime> after = modified(data.resolve("backup/clips"));
			after.putAll(modified(usb.resolve("clips")));
			assertThat(after).as("not one clip file rewritten, here or on the USB disk").isEqualTo(copiedAt);
			assertThat(Manifest.read(second.manifest())).isEqualTo(Manifest.read(first.manifest()));
			System.out.printf("backup: first %d ms (%d clip files copied), second %d ms (%d copied)%n", firstMs,
					first.clipFilesCopied(), secondMs, second.clipFilesCopied());
			records = log.count();
			assertThat(log.verify().intact()).isTrue();
		}

		Path elsewhere = TestDirs.create("backup-restored-local");
		assertThat(Restore.command("restore", second.folder().toString(), "--loaxa.data-dir=" + elsewhere))
			.as("the local backup folder alone is enough too").isZero();
		assertThat(TestDirs.files(elsewhere.resolve("clips"))).hasSize(4);

		FileSystemUtils.deleteRecursively(data);
		assertThat(data).doesNotExist();
		assertThat(Restore.command("restore", usb.toString(), "--loaxa.data-dir=" + data)).isZero();
		assertThat(Restore.command("restore", usb.toString(), "--loaxa.data-dir=" + data))
			.as("never over an existing database").isEqualTo(1);
		for (Map.Entry<String, String> file : sha256.entrySet()) {
			assertThat(DurableCopy.hash(data.resolve("clips").resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
		}

		try (ConfigurableApplicationContext restored = start(data, schedules, true,
				"--loaxa.audio.file-sink-realtime=false")) {
			BroadcastLog log = restored.getBean(BroadcastLog.class);
			ClipLibrary library = restored.getBean(ClipLibrary.class);
			assertThat(restored.getBean(vn.loaxa.security.CommuneKey.class).fingerprint())
				.as("the restored PC signs as the same commune").isEqualTo(fingerprint);
			assertThat(log.verify().intact()).isTrue();
			assertThat(log.count()).isEqualTo(records);
			List<Clip> clips = new ArrayList<>();
			for (ClipFile file : library.storedFiles()) {
				Clip clip = library.findBySha256(file.clipSha256()).orElseThrow();
				if (!file.original()) {
					Path wav = library.canonicalAudio(clip);
					long frames = AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength();
					assertThat(frames * 1000 / 44100).isBetween(clip.getDurationMs() - 1, clip.getDurationMs() + 1);
					clips.add(clip);
				}
			}
			assertThat(clips).hasSize(2).allSatisfy(c -> assertThat(c.getAirCount()).isEqualTo(1));

			Clip clip = clips.get(0);
			restored.getBean(Playout.class).playNow(clip.getId(), List.of("ban-a"), "test");
			await().atMost(Duration.ofSeconds(20)).until(() -> log.count() == records + 1);
			BroadcastRecord aired = log.find(records + 1).orElseThrow();
			assertThat(aired.airing().clipId()).isEqualTo(clip.getId());
			assertThat(aired.airing().outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(aired.airing().playedMs()).isEqualTo(clip.getDurationMs());
			assertThat(TestDirs.files(data.resolve("sink"))).as("the file sink's WAV").isNotEmpty();
			assertThat(log.verify().intact()).isTrue();
		}
	}

	@Test
	void pruningKeepsTheClipFilesAKeptManifestNames() throws Exception {
		Path data = TestDirs.create("backup-prune");
		try (ConfigurableApplicationContext app = start(data, data.resolve("no-schedules"), false, "--loaxa.backup.keep=2")) {
			ClipLibrary library = app.getBean(ClipLibrary.class);
			BackupService backups = app.getBean(BackupService.class);
			library.importFile(Path.of("src/test/resources/audio/tone.flac"), ClipDraft.EMPTY, "test");
			Path kept = data.resolve("backup/clips");
			Files.createDirectories(kept.resolve("ff"));
			Files.writeString(kept.resolve("ff/" + "f".repeat(64) + ".mp3"), "named by no manifest");
			for (int i = 0; i < 3; i++) {
				backups.backupNow();
				Thread.sleep(1100);
			}
			assertThat(backups.backups()).hasSize(2);
			assertThat(TestDirs.files(kept)).as("the clip files the kept manifests name, and nothing else").hasSize(2)
				.allMatch(f -> !f.startsWith("ff"));
		}
	}

	static ConfigurableApplicationContext start(Path data, Path schedules, boolean playout, String... extra) {
		List<String> args = new ArrayList<>(List.of("--loaxa.data-dir=" + data, "--loaxa.media-dir=" + data.resolve("no-media"),
				"--loaxa.schedules-dir=" + schedules, "--server.port=0", "--loaxa.admin.password=test-admin-pw",
				"--spring.quartz.auto-startup=false", "--spring.quartz.scheduler-name=backup-" + data.getFileName(),
				"--loaxa.playout.enabled=" + playout, "--logging.file.name=" + data.resolve("logs/loaxa.log")));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(LoaxaApplication.class).run(args.toArray(String[]::new));
	}

	private static Airing played(Clip clip, Instant at) {
		return Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(clip.getId(), clip.getSha256(), clip.getTitle(), clip.getKind(), clip.getTopic())
			.scheduled(at)
			.started(at)
			.ended(at.plusMillis(clip.getDurationMs()))
			.playedMs(clip.getDurationMs())
			.dueMs(clip.getDurationMs())
			.outcome(Outcome.PLAYED)
			.build();
	}

	private static Map<String, FileTime> modified(Path dir) throws Exception {
		Map<String, FileTime> times = new HashMap<>();
		for (String file : TestDirs.files(dir)) {
			times.put(dir.resolve(file).toString(), Files.getLastModifiedTime(dir.resolve(file)));
		}
		return times;
	}
}
