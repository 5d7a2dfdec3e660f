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
