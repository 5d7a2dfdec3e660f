package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.support.TestDirs;

/** {@code java -jar loaxa.jar import}: the media folder imported from a script, without the web server. */
class ImportCommandTests {

	@Test
	void importsTheFolderOnceAndReportsWhatItRefused() throws Exception {
		Path root = TestDirs.create("import-command");
		Path media = Files.createDirectories(root.resolve("media"));
		Files.copy(Path.of("src/test/resources/audio/tone.flac"), media.resolve("phong-su.flac"));
		Files.copy(Path.of("src/test/resources/audio/not-audio.mp3"), media.resolve("khong-phai-am-thanh.mp3"));
		String[] settings = { "--loaxa.data-dir=" + root.resolve("data"), "--loaxa.media-dir=" + media,
				"--loaxa.schedules-dir=" + root.resolve("no-schedules"), "--loaxa.admin.password=import-test-pw" };

		assertThat(LoaxaApplication.runImport(concat("import", settings))).as("one file refused").isEqualTo(1);
		Files.delete(media.resolve("khong-phai-am-thanh.mp3"));
		assertThat(LoaxaApplication.runImport(concat("--import-only", settings))).as("nothing new, nothing refused")
			.isZero();
		try (var shards = Files.list(root.resolve("data/clips"))) {
			assertThat(shards.count()).as("one clip stored, once").isEqualTo(1);
		}
	}

	private static String[] concat(String command, String[] settings) {
		String[] all = new String[settings.length + 1];
		all[0] = command;
		System.arraycopy(settings, 0, all, 1, settings.length);
		return all;
	}
}
