package vn.loaxa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.backup.internal.BackupFailed;
import vn.loaxa.support.TestDirs;

/**
 * Issue 27: the backup status says exactly what failed, on the strip (Vietnamese) and in health.
 * Old backups that cannot be removed after a good backup ({@code prune}: a file system mounted
 * inside the oldest one, so it is busy; tmpfs needs root), no folder for the backup ({@code folder}:
 * a file where {@code data/backup} should be), and a result that cannot be saved (a folder where its
 * temporary file should be) are each told as such, never as a failed database backup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD, "loaxa.backup.keep=1" })
@AutoConfigureMockMvc
class BackupFaultTests extends ApiTestSupport {

	static final Path DATA_DIR = TestDirs.create("backup-faults");

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
	}

	@Autowired
	BackupService backups;

	@Autowired
	BackupStatus status;

	@Autowired
	MockMvc mvc;

	@Override
	protected Path dataDir() {
		return DATA_DIR;
	}

	@Test
	void oldBackupsThatCannotBeRemovedArePruneNotDatabase() throws Exception {
		Backup first = backups.backupNow();
		Path busy = Files.createDirectories(first.folder().resolve("busy"));
		mountTmpfs(busy);
		try {
			Thread.sleep(1100); // backup folders are named to the second
			Backup second = backups.backupNow();
			assertThat(second.problem()).startsWith("prune:");
			assertThat(second.database()).as("the new backup is whole").isRegularFile();
			BackupStatus.View view = status.view();
			assertThat(view.state()).isEqualTo(BackupStatus.State.FAILED);
			assertThat(view.problem()).isEqualTo("prune");
			assertThat(backupHealth().path("details").path("reason").asText()).startsWith("prune: ");
			assertThat(strip()).contains("đã sao lưu xong nhưng không xoá được bản sao lưu cũ")
				.doesNotContain("không sao lưu được cơ sở dữ liệu");
		}
		finally {
			run("umount", busy.toString());
		}
		Thread.sleep(1100);
		assertThat(backups.backupNow().ok()).isTrue();
		assertThat(status.view().state()).isEqualTo(BackupStatus.State.OK);
	}

	@Test
	void noFolderForTheBackupIsFolderAndAResultThatCannotBeSavedIsShownAsSuch() throws Exception {
		Path root = DATA_DIR.resolve("backup");
		Path aside = DATA_DIR.resolve("backup-aside");
		Files.createDirectories(root);
		Files.move(root, aside);
		Files.writeString(root, "không phải thư mục", StandardCharsets.UTF_8);
		try {
			assertThatThrownBy(() -> backups.backupNow()).isInstanceOf(BackupFailed.class).hasMessageContaining("folder");
			BackupStatus.View view = status.view();
			assertThat(view.state()).isEqualTo(BackupStatus.State.FAILED);
			assertThat(view.problem()).isEqualTo("folder");
			assertThat(view.notSaved()).as("its file is under the same missing folder").contains(BackupStatus.FILE);
			JsonNode health = backupHealth();
			assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
			assertThat(health.path("details").path("reason").asText()).startsWith("folder: ");
			assertThat(health.path("details").path("statusNotSaved").asText()).contains(BackupStatus.FILE);
			assertThat(strip()).contains("không chọn được thư mục cho bản sao lưu",
					"không lưu được kết quả sao lưu vào").doesNotContain("không sao lưu được cơ sở dữ liệu");
		}
		finally {
			Files.delete(root);
			Files.move(aside, root);
		}

		// a good backup whose result cannot be saved: the backup is fine, the strip says the result is not kept
		Path temp = Files.createDirectories(root.resolve(BackupStatus.FILE + ".tmp"));
		try {
			Thread.sleep(1100);
			assertThat(backups.backupNow().ok()).isTrue();
			BackupStatus.View view = status.view();
			assertThat(view.state()).isEqualTo(BackupStatus.State.OK);
			assertThat(view.notSaved()).isNotNull();
			assertThat(backupHealth().path("status").asText()).isEqualTo("DEGRADED");
			assertThat(strip()).contains("không lưu được kết quả sao lưu vào", BackupStatus.FILE)
				.doesNotContain("Không có bản sao lưu thành công");
		}
		finally {
			Files.delete(temp);
		}
		Thread.sleep(1100);
		backups.backupNow();
		assertThat(status.view().notSaved()).isNull();
		assertThat(backupHealth().path("status").asText()).isEqualTo("UP");
	}

	private JsonNode backupHealth() throws Exception {
		return admin.get("/actuator/health").json().path("components").path("backup");
	}

	private String strip() throws Exception {
		return HtmlUtils.htmlUnescape(mvc.perform(get("/broadcasts").with(user("canbo").roles("OFFICER"))
			.locale(java.util.Locale.forLanguageTag("vi"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** A file system mounted on {@code dir} (root only; without root the test says so and is skipped). */
	private static void mountTmpfs(Path dir) throws Exception {
		int exit = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString());
		String why = "a folder that cannot be removed is a busy mount point, which needs root (mount): run as root, as .ci/run does";
		if (exit != 0 && "true".equals(System.getenv("CI"))) {
			throw new AssertionError(why);
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(exit == 0, why);
	}

	private static int run(String... command) throws Exception {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) ? p.exitValue() : -1;
		}
		catch (IOException e) {
			return -1;
		}
	}
}
