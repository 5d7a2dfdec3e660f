package vn.loaxa.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup folder: the database copy and the manifest of the clip files it refers to. */
public record Backup(Path folder, Path database, Path manifest, int clipFiles, long millis, Instant at) {
}
