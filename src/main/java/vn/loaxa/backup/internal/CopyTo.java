package vn.loaxa.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code loaxa.backup.copy-to}: the second place a backup goes (a folder on a USB disk), laid out
 * like {@code <data-dir>/backup}. The folder must exist: LoaXa never creates it, so an unplugged
 * disk (an empty mount point) is reported instead of filling the system disk. Every clip file copied
 * there is checked against the manifest's SHA-256.
 */
public final class CopyTo {

	/** The copy-to folder is not there. */
	public static final class Missing extends IOException {

		Missing(Path folder) {
			super("copy-to folder not found: " + folder);
		}
	}

	private final BackupRoot target;
	private final int keep;

	public CopyTo(Path folder, int keep) {
		this.target = new BackupRoot(folder);
		this.keep = keep;
	}

	/** Copies one local backup folder and the clip files its manifest lists; answers the copy's folder. */
	public Path mirror(BackupRoot local, Path folder, List<Manifest.Entry> entries) throws IOException {
		if (!Files.isDirectory(target.dir())) {
			throw new Missing(target.dir());
		}
		Map<String, Manifest.Entry> known = target.known();
		for (Manifest.Entry entry : entries) {
			BackupRoot.Stored stored = target.store(local.clips().resolve(entry.path()), entry.path(), known.get(entry.path()));
			if (!stored.entry().sha256().equals(entry.sha256()) || stored.entry().bytes() != entry.bytes()) {
				Files.deleteIfExists(target.clips().resolve(entry.path()));
				throw new IOException("clip file " + entry.path() + " copied to " + target.dir() + " does not match its "
						+ "SHA-256 in the manifest");
			}
		}
		Path part = target.dir().resolve(folder.getFileName() + BackupRoot.PART);
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				DurableCopy.copy(file, part.resolve(file.getFileName().toString()));
			}
		}
		Path copied = target.publish(part);
		target.prune(keep);
		return copied;
	}
}
