package vn.loaxa.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One backup: its folder (database copy and manifest; the clip files in the backup root's shared
 * {@code clips/}), how many clip files it needs and how many of them this run had to copy, the
 * copy-to folder it was copied to (or null), and the problem that marks it failed (or null).
 */
public record Backup(Path folder, Path database, Path manifest, int clipFiles, int clipFilesCopied, Path copy,
		String problem, long millis, Instant at) {

	public boolean ok() {
		return problem == null;
	}
}
