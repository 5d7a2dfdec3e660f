package vn.loaxa.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A folder of backups ({@code <data-dir>/backup}, or the copy-to folder on a USB disk): dated
 * folders {@code yyyyMMdd-HHmmss/} with the database and its manifest, and one content-addressed
 * {@code clips/} they share (the same {@code ab/<sha256>.<ext>} names as the clip store), so each
 * backup copies only the clip files not there yet. A folder is written as {@code <name>.part} and
 * renamed when complete.
 */
public final class BackupRoot {

	public static final String CLIPS = "clips";
	public static final String PART = ".part";
	private static final Logger log = LoggerFactory.getLogger(BackupRoot.class);

	public record Stored(Manifest.Entry entry, boolean copied) {
	}

	private final Path dir;

	public BackupRoot(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	Path clips() {
		return dir.resolve(CLIPS);
	}

	static boolean isBackupFolder(Path folder) {
		return folder.getFileName().toString().matches("\\d{8}-\\d{6}(-\\d+)?")
				&& (Files.isRegularFile(folder.resolve(DatabaseCopy.DATABASE))
						|| Files.isRegularFile(folder.resolve(DatabaseCopy.PG_DUMP)));
	}

	/** {@code stamp}, or {@code stamp-1}, {@code -2} … when a backup of that second exists already. */
	public String freeName(String stamp) {
		String name = stamp;
		for (int n = 1; Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + PART)); n++) {
			name = stamp + "-" + n;
		}
		return name;
	}

	/** The complete backup folders, newest first. */
	public List<Path> folders() throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(dir)) {
			return folders.filter(BackupRoot::isBackupFolder).sorted(Comparator.reverseOrder()).toList();
		}
	}

	/** What the manifests of the kept backups say of the clip files here (older manifests have no SHA-256). */
	public Map<String, Manifest.Entry> known() {
		Map<String, Manifest.Entry> known = new HashMap<>();
		try {
			for (Path folder : folders()) {
				for (Manifest.Entry e : Manifest.read(folder.resolve(Manifest.NAME))) {
					if (e.sha256() != null) {
						known.putIfAbsent(e.path(), e);
					}
				}
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("backup {}: a manifest could not be read ({}); clip files are checked again", dir, e.toString());
		}
		return known;
	}

	/** Puts one clip file into the shared store unless it is there already with the size a manifest gave. */
	public Stored store(Path source, String path, Manifest.Entry known) throws IOException {
		Path target = clips().resolve(path);
		if (Files.isRegularFile(target)) {
			long size = Files.size(target);
			if (known != null && known.bytes() == size) {
				return new Stored(known, false);
			}
			if (known == null) {
				// there from a run cut short before its manifest was written: hashed, not copied
				return new Stored(new Manifest.Entry(path, size, DurableCopy.hash(target)), false);
			}
		}
		DurableCopy.Copied copied = DurableCopy.copy(source, target);
		return new Stored(new Manifest.Entry(path, copied.bytes(), copied.sha256()), true);
	}

	/** Renames a finished {@code <name>.part} folder to {@code <name>}. */
	public Path publish(Path part) throws IOException {
		String name = part.getFileName().toString();
		Path folder = part.resolveSibling(name.substring(0, name.length() - PART.length()));
		DurableCopy.move(part, folder);
		DurableCopy.syncFolder(dir);
		return folder;
	}

	/**
	 * Keeps the newest {@code keep} backups, removes unfinished folders, and deletes the clip files
	 * no kept manifest names. When a kept manifest cannot be read no clip file is deleted.
	 */
	public void prune(int keep) throws IOException {
		List<Path> all = folders();
		for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
			FileSystemUtils.deleteRecursively(old);
		}
		try (Stream<Path> parts = Files.list(dir)) {
			for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(PART)).toList()) {
				FileSystemUtils.deleteRecursively(part);
			}
		}
		Set<String> named = new HashSet<>();
		try {
			for (Path kept : folders()) {
				Manifest.read(kept.resolve(Manifest.NAME)).forEach(e -> named.add(e.path()));
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("backup {}: a kept manifest cannot be read ({}); no clip file pruned", dir, e.toString());
			return;
		}
		if (!Files.isDirectory(clips())) {
			return;
		}
		try (Stream<Path> files = Files.walk(clips())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (!named.contains(clips().relativize(file).toString().replace('\\', '/'))) {
					Files.deleteIfExists(file);
				}
			}
		}
	}
}
