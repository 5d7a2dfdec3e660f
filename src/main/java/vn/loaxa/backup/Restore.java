package vn.loaxa.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import vn.loaxa.backup.internal.BackupRoot;
import vn.loaxa.backup.internal.DatabaseCopy;
import vn.loaxa.backup.internal.DurableCopy;
import vn.loaxa.backup.internal.Manifest;

/**
 * Restores a backup into an empty data dir, before LoaXa starts on it, from the backup alone: the
 * database unpacked into {@code <data-dir>/db/}, and every clip file its manifest lists copied from
 * the backup root's shared {@code clips/} (or, for a backup of an older release, from {@code --clips})
 * and checked against the manifest's size and SHA-256. A PostgreSQL backup brings the clip files
 * back; its dump goes to {@code pg_restore}. Runs without Spring, so no database is open meanwhile.
 */
public final class Restore {

	/** {@code database}: the restored database folder, or null for a PostgreSQL dump (pg_restore's job). */
	public record Result(int clipFiles, List<String> missing, Path database) {
	}

	private Restore() {
	}

	/**
	 * {@code restore <backup folder, or the folder of backups for the newest> --loaxa.data-dir=<empty dir>
	 * [--clips=<old data/clips>]}: exit 0 restored, 1 clip files missing or refused, 2 usage.
	 */
	public static int command(String... args) {
		Path given = null;
		Path dataDir = Path.of(System.getenv().getOrDefault("LOAXA_DATA_DIR", "data"));
		Path clips = null;
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--loaxa.data-dir=")) {
				dataDir = Path.of(args[i].substring("--loaxa.data-dir=".length()));
			}
			else if (args[i].startsWith("--clips=")) {
				clips = Path.of(args[i].substring("--clips=".length()));
			}
			else if (given == null && !args[i].startsWith("--")) {
				given = Path.of(args[i]);
			}
		}
		Path backup = given == null ? null : backupFolder(given);
		if (backup == null) {
			System.err.println("usage: restore <data/backup/yyyyMMdd-HHmmss | data/backup | USB copy> "
					+ "--loaxa.data-dir=<empty dir> [--clips=<old data/clips>]");
			return 2;
		}
		try {
			Result result = run(backup, dataDir, clips);
			System.out.println(result.database() == null
					? "Cơ sở dữ liệu PostgreSQL: khôi phục " + backup.resolve(DatabaseCopy.PG_DUMP)
							+ " bằng pg_restore vào một cơ sở dữ liệu trống (README, PostgreSQL)."
					: "Đã khôi phục cơ sở dữ liệu từ " + backup + " vào " + result.database() + ".");
			System.out.println(result.clipFiles() + " tệp bản tin có đủ, đúng SHA-256, trong " + dataDir.resolve("clips"));
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

	/** A backup folder as given, or the newest one in a folder of backups; null when there is none. */
	static Path backupFolder(Path given) {
		if (Files.isRegularFile(given.resolve(DatabaseCopy.DATABASE))
				|| Files.isRegularFile(given.resolve(DatabaseCopy.PG_DUMP))) {
			return given;
		}
		try {
			return new BackupRoot(given).folders().stream().findFirst().orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}

	public static Result run(Path backupFolder, Path dataDir, Path clipSource) throws IOException {
		Path database = null;
		if (Files.isRegularFile(backupFolder.resolve(DatabaseCopy.DATABASE))) {
			database = unpack(backupFolder.resolve(DatabaseCopy.DATABASE), dataDir.resolve("db"));
		}
		else if (!Files.isRegularFile(backupFolder.resolve(DatabaseCopy.PG_DUMP))) {
			throw new IllegalStateException(backupFolder + " holds no database backup");
		}
		restoreKeys(backupFolder, dataDir);
		Path shared = backupFolder.toAbsolutePath().getParent().resolve(BackupRoot.CLIPS);
		Path clips = dataDir.resolve("clips");
		List<String> missing = new ArrayList<>();
		int present = 0;
		for (Manifest.Entry entry : Manifest.read(backupFolder.resolve(BackupService.MANIFEST))) {
			Path target = clips.resolve(entry.path());
			boolean ok = matches(target, entry);
			for (Path source : clipSource == null ? List.of(shared) : List.of(shared, clipSource)) {
				if (!ok && Files.isRegularFile(source.resolve(entry.path()))) {
					DurableCopy.copy(source.resolve(entry.path()), target);
					ok = matches(target, entry);
				}
			}
			if (ok) {
				present++;
			}
			else {
				Files.deleteIfExists(target);
				missing.add(entry.path());
			}
		}
		return new Result(present, missing, database);
	}

	private static boolean matches(Path file, Manifest.Entry entry) throws IOException {
		return Files.isRegularFile(file) && Files.size(file) == entry.bytes()
				&& (entry.sha256() == null || DurableCopy.hash(file).equals(entry.sha256()));
	}

	private static Path unpack(Path zipFile, Path db) throws IOException {
		if (Files.isDirectory(db)) {
			try (var existing = Files.list(db)) {
				if (existing.findAny().isPresent()) {
					throw new IllegalStateException("refusing to restore over an existing database in " + db);
				}
			}
		}
		Files.createDirectories(db);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (!entry.isDirectory()) {
					Files.copy(zip, db.resolve(Path.of(entry.getName()).getFileName().toString()),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		return db;
	}

	/** The commune's key files kept beside the database, back into {@code <data-dir>/keys}. */
	private static void restoreKeys(Path backupFolder, Path dataDir) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.list(backupFolder)) {
			for (Path key : files.filter(f -> f.getFileName().toString().startsWith(BackupService.KEY_PREFIX)).toList()) {
				Path target = Files.createDirectories(dataDir.resolve(BackupService.KEYS)).resolve(key.getFileName().toString());
				Files.copy(key, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
