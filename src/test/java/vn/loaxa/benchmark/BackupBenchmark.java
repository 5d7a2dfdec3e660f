package vn.loaxa.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.backup.Backup;
import vn.loaxa.backup.BackupService;
import vn.loaxa.backup.Restore;

/**
 * Backup and restore times, not a test: figures are printed, never asserted.
 * <p>
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=BackupBenchmark} [{@code -Dmedia=media}]
 * <p>
 * Starts LoaXa on a fresh data dir under {@code target/benchmark} that imports the media folder (the
 * six sample clips by default), then backs up twice with a copy-to folder (the second copies no clip
 * file), and restores the copy-to folder alone into an empty data dir.
 */
public final class BackupBenchmark {

	private BackupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of("target", "benchmark", "backup-" + System.currentTimeMillis()).toAbsolutePath();
		Path usb = Files.createDirectories(root.resolve("usb"));
		Path media = Path.of(System.getProperty("media", "media")).toAbsolutePath();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class).run(
				"--loaxa.data-dir=" + root.resolve("data"), "--loaxa.media-dir=" + media,
				"--loaxa.schedules-dir=" + root.resolve("no-schedules"), "--loaxa.backup.copy-to=" + usb,
				"--loaxa.admin.password=benchmark", "--server.port=0", "--spring.quartz.auto-startup=false",
				"--loaxa.playout.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			BackupService backups = context.getBean(BackupService.class);
			for (String run : new String[] { "first", "second" }) {
				Backup b = backups.backupNow();
				System.out.printf(Locale.ROOT, "BackupBenchmark: %s backup %d ms, %d clip files needed, %d copied, ok=%s%n",
						run, b.millis(), b.clipFiles(), b.clipFilesCopied(), b.ok());
				Thread.sleep(1100);
			}
		}
		System.out.printf(Locale.ROOT, "  clip files in the backup: %.1f MB; database: %.1f MB%n",
				bytes(root.resolve("data/backup/clips")) / 1e6, bytes(usb) / 1e6 - bytes(usb.resolve("clips")) / 1e6);
		long t0 = System.nanoTime();
		int exit = Restore.command("restore", usb.toString(), "--loaxa.data-dir=" + root.resolve("restored"));
		System.out.printf(Locale.ROOT, "  restore from the copy-to folder alone: exit %d, %d ms%n", exit,
				(System.nanoTime() - t0) / 1_000_000);
	}

	private static long bytes(Path dir) throws Exception {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
		}
	}
}
