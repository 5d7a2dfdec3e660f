package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.support.TestDirs;

/**
 * An import cut by a crash after its files were moved into the clip store but before its row was
 * committed leaves files no row names: the next start deletes them (and logs each). The files of
 * real clips, signature tunes (a cache with no row) and a file that arrived just now (another
 * process may be committing its row) stay.
 */
class OrphanSweepTests {

	@Test
	void filesNoClipRowNamesAreDeletedAtStart() throws Exception {
		Path data = TestDirs.create("orphans");
		Clip clip;
		try (ConfigurableApplicationContext app = start(data)) {
			clip = app.getBean(ClipLibrary.class).importFile(Path.of("src/test/resources/audio/tone.flac"), ClipDraft.EMPTY,
					"test").clip();
		}
		Path clips = data.resolve("clips");
		String crashed = "c0" + "1".repeat(62);
		Path orphanOriginal = Files.createDirectories(clips.resolve("c0")).resolve(crashed + ".mp3");
		Path orphanWav = clips.resolve("c0").resolve(crashed + ".pcm.wav");
		Path tune = clips.resolve("c0").resolve("c0" + "2".repeat(62) + ".tune.pcm.wav");
		Path young = clips.resolve("c0").resolve("c0" + "3".repeat(62) + ".pcm.wav");
		for (Path file : new Path[] { orphanOriginal, orphanWav, tune, young }) {
			Files.writeString(file, "audio");
		}
		FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
		for (Path file : new Path[] { orphanOriginal, orphanWav, tune }) {
			Files.setLastModifiedTime(file, hourAgo);
		}
		Files.setLastModifiedTime(clips.resolve(clip.getSha256().substring(0, 2)).resolve(clip.getSha256() + ".pcm.wav"),
				hourAgo);

		try (ConfigurableApplicationContext app = start(data)) {
			assertThat(orphanOriginal).doesNotExist();
			assertThat(orphanWav).doesNotExist();
			assertThat(tune).as("a signature tune has no row").exists();
			assertThat(young).as("arrived less than 10 minutes ago").exists();
			ClipLibrary library = app.getBean(ClipLibrary.class);
			assertThat(library.canonicalAudio(clip)).exists();
			assertThat(library.originalAudio(clip)).exists();
			assertThat(Files.readString(data.resolve("logs/loaxa.log"))).contains("deleted orphan c0/" + crashed + ".mp3",
					"deleted orphan c0/" + crashed + ".pcm.wav");
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(LoaxaApplication.class).run("--loaxa.data-dir=" + data,
				"--loaxa.media-dir=" + data.resolve("no-media"), "--loaxa.schedules-dir=" + data.resolve("no-schedules"),
				"--server.port=0", "--loaxa.admin.password=test-admin-pw", "--spring.quartz.auto-startup=false",
				"--spring.quartz.scheduler-name=orphans-" + data.getFileName(), "--loaxa.playout.enabled=false",
				"--logging.file.name=" + data.resolve("logs/loaxa.log"));
	}
}
