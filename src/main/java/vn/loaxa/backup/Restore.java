package vn.loaxa.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a backup folder into an empty data dir, before LoaXa starts on it: unpacks the database
 * into {@code <data-dir>/db/}, copies the clip files the manifest lists from a clip folder (the old
 * data dir's {@code clips/}, or a copy of it), and answers which listed files could not be found.
 * Runs without Spring, so the database is not open while it is replaced.
 */
public final class Restore {

	public record Result(int clipFiles, List<String> missing) {
	}

	private Restore() {
	}

	/**
	 * {@code restore <backup-folder> --loaxa.data-dir=<empty data dir> [--clips=<old clips dir>]}:
	 * runs before Spring starts, so no database is open. Exit 0 restored, 1 clip files missing or
	 * refused, 2 usage.
	 */
	public static int command(String... args) {
		Path backup = null;
		Path dataDir = Path.of(System.getenv().getOrDefault("LOAXA_DATA_DIR", "data"));
		Path clips = null;
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--loaxa.data-dir=")) {
				dataDir = Path.of(args[i].substring("--loaxa.data-dir=".length()));
			}
			else if (args[i].startsWith("--clips=")) {
				clips = Path.of(args[i].substring("--clips=".length()));
			}
			else if (backup == null && !args[i].startsWith("--")) {
				backup = Path.of(args[i]);
			}
		}
		if (backup == null || !Files.isRegularFile(backup.resolve(BackupService.DATABASE))) {
			System.err.println("usage: restore <data/backup/yyyyMMdd-HHmmss> --loaxa.data-dir=<empty dir> [--clips=<old data/clips>]");
			return 2;
		}
		try {
			Result result = run(backup, dataDir, clips);
			System.out.println("Đã khôi phục cơ sở dữ liệu vào " + dataDir.resolve("db") + "; " + result.clipFiles()
					+ " tệp bản tin có đủ.");
			if (!result.missing().isEmpty()) {
				System.err.println("Thiếu " + result.missing().size() + " tệp bản tin, ví dụ " + result.missing().get(0)
						+ ": chép thư mục clips/ cũ vào rồi chạy lại với --clips=…");
				return 1;
			}
			return 0;
		}
		catch (IOException | RuntimeException e) {
			System.err.println("Không khôi phục được: " + e.getMessage());
			return 1;
		}
	}

	public static Result run(Path backupFolder, Path dataDir, Path clipSource) throws IOException {
		if (!Files.isRegularFile(backupFolder.resolve(BackupService.DATABASE))
				&& Files.isRegularFile(backupFolder.resolve(BackupService.PG_DUMP))) {
			throw new IllegalStateException("a PostgreSQL backup: restore " + BackupService.PG_DUMP
					+ " with pg_restore into an empty database (README, PostgreSQL)");
		}
		Path db = dataDir.resolve("db");
		if (Files.isDirectory(db) && Files.list(db).findAny().isPresent()) {
			throw new IllegalStateException("refusing to restore over an existing database in " + db);
		}
		Files.createDirectories(db);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backupFolder.resolve(BackupService.DATABASE)))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				Path target = db.resolve(Path.of(entry.getName()).getFileName().toString());
				if (!entry.isDirectory()) {
					Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		Path clips = dataDir.resolve("clips");
		List<String> missing = new ArrayList<>();
		int copied = 0;
		try (BufferedReader manifest = Files.newBufferedReader(backupFolder.resolve(BackupService.MANIFEST),
				StandardCharsets.UTF_8)) {
			String line;
			while ((line = manifest.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String file = line.substring(0, line.indexOf('\t'));
				long bytes = Long.parseLong(line.substring(line.indexOf('\t') + 1));
				Path target = clips.resolve(file);
				Path source = clipSource == null ? null : clipSource.resolve(file);
				if (!Files.exists(target) && source != null && Files.isRegularFile(source)) {
					Files.createDirectories(target.getParent());
					try (InputStream in = Files.newInputStream(source)) {
						Files.copy(in, target);
					}
				}
				if (Files.isRegularFile(target) && Files.size(target) == bytes) {
					copied++;
				}
				else {
					missing.add(file);
				}
			}
		}
		return new Result(copied, missing);
	}
}
