package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.internal.ImportRefused;
import vn.loaxa.support.TestDirs;

/** The clip store on its own: receiving under a size limit, hashing, and leaving nothing behind. */
class ClipStoreTests {

	@TempDir
	Path dataDir;

	private ClipStore store() throws Exception {
		return new ClipStore(new LoaxaProperties(dataDir, dataDir.resolve("media"), dataDir.resolve("schedules"),
				java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
	}

	@Test
	void receivesUpToTheLimitAndHashes() throws Exception {
		byte[] bytes = new byte[100_000];
		new Random(7).nextBytes(bytes);
		ClipStore.Upload upload = store().receive(new ByteArrayInputStream(bytes), bytes.length);

		assertThat(upload.bytes()).isEqualTo(bytes.length);
		assertThat(upload.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		assertThat(Files.readAllBytes(upload.file())).isEqualTo(bytes);
		assertThat(upload.file().getParent()).isEqualTo(dataDir.resolve("tmp"));
	}

	@Test
	void refusesOneByteOverTheLimitAndKeepsNothing() throws Exception {
		ClipStore store = store();
		byte[] bytes = new byte[3 * 1024 * 1024 + 1];

		assertThatThrownBy(() -> store.receive(new ByteArrayInputStream(bytes), 3 * 1024 * 1024))
			.isInstanceOfSatisfying(ImportRefused.class, e -> {
				assertThat(e.status()).isEqualTo(413);
				assertThat(e.code()).isEqualTo("too_large");
				assertThat(e.args()).containsExactly("3");
			});
		assertThat(TestDirs.files(dataDir.resolve("tmp"))).isEmpty();
		assertThat(TestDirs.files(dataDir.resolve("clips"))).isEmpty();
	}

	@Test
	void theLimitIsShownInMegabytesEvenUnderOne() {
		assertThat(ImportRefused.tooLarge(200L * 1024 * 1024).args()).containsExactly("200");
		assertThat(ImportRefused.tooLarge(1536L * 1024 * 1024).args()).containsExactly("1536");
		assertThat(ImportRefused.tooLarge(512 * 1024).args()).containsExactly("0.5");
		assertThat(ImportRefused.tooLarge(100_000).args()).containsExactly("0.1");
	}

	@Test
	void storesByHashAndClearsLeftoversOnStart() throws Exception {
		Files.createDirectories(dataDir.resolve("tmp"));
		Files.writeString(dataDir.resolve("tmp/upload-crashed.part"), "half a file");
		ClipStore store = store();
		assertThat(TestDirs.files(dataDir.resolve("tmp"))).as("a crash's leftovers are cleared").isEmpty();

		String sha = "ab" + "0".repeat(62);
		assertThat(store.original(sha, "mp3")).isEqualTo(dataDir.resolve("clips/ab/" + sha + ".mp3"));
		assertThat(store.canonical(sha)).isEqualTo(dataDir.resolve("clips/ab/" + sha + ".pcm.wav"));
	}
}
