package vn.loaxa.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import vn.loaxa.backup.internal.BackupFailed;
import vn.loaxa.backup.internal.BackupRoot;
import vn.loaxa.backup.internal.CopyTo;
import vn.loaxa.backup.internal.DatabaseCopy;
import vn.loaxa.backup.internal.DurableCopy;
import vn.loaxa.backup.internal.Manifest;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.ClipFile;
import vn.loaxa.media.ClipLibrary;

/**
 * Daily online backup into {@code <data-dir>/backup/<yyyyMMdd-HHmmss>/}: the database (DatabaseCopy)
 * and {@code clips-manifest.tsv} (every clip file the database names, with size and SHA-256), the
 * clip files themselves in the backup root's shared {@code clips/} (each copied once: they are named
 * by hash and never change). With {@code loaxa.backup.copy-to} the same backup is copied there too.
 * Keeps the newest {@code loaxa.backup.keep} in each, and the clip files their manifests name. The
 * result goes to {@link BackupStatus}: a copy-to that is missing or unwritable, a clip file the
 * database names that is not in the clip store, or old backups that cannot be removed, mark the
 * backup failed (it is kept all the same); a folder that cannot be made ({@code folder}) or a database
 * copy that fails ({@code database}) mean no backup, each said as such.
 */
@Service
public class BackupService {

	static final String MANIFEST = Manifest.NAME;
	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
	private static final Logger log = LoggerFactory.getLogger(BackupService.class);

	private final DatabaseCopy database;
	private final ClipLibrary library;
	private final LoaxaProperties properties;
	private final BackupProperties backup;
	private final BackupStatus status;
	private final LoaxaClock clock;

	BackupService(DatabaseCopy database, ClipLibrary library, LoaxaProperties properties, BackupProperties backup,
			BackupStatus status, LoaxaClock clock) {
		this.database = database;
		this.library = library;
		this.properties = properties;
		this.backup = backup;
		this.status = status;
		this.clock = clock;
	}

	@Scheduled(cron = "${loaxa.backup.cron:0 30 2 * * *}", zone = "${loaxa.time-zone:Asia/Ho_Chi_Minh}")
	void daily() {
		if (!backup.enabled()) {
			return;
		}
		try {
			backupNow();
		}
		catch (RuntimeException e) {
			log.error("daily backup failed", e);
		}
	}

	/**
	 * Makes a backup now. Answers it, with {@link Backup#problem()} set when it is kept but failed (the
	 * copy-to, missing clip files); throws {@link BackupFailed} when no backup could be written.
	 */
	public synchronized Backup backupNow() {
		long started = System.nanoTime();
		Instant at = clock.now().toInstant();
		BackupRoot local = new BackupRoot(root());
		Path part = chooseFolder(local, at);
		Copy copy = writeLocal(local, part, at);
		List<Problem> problems = new ArrayList<>();
		if (!copy.missing().isEmpty()) {
			problems.add(new Problem("clips_missing", copy.missing().size() + ": " + copy.missing().get(0)));
		}
		prune(local, problems);
		Path mirrored = mirror(local, copy, problems);
		Problem problem = problems.isEmpty() ? null : problems.get(0).and(problems.subList(1, problems.size()));
		Backup done = new Backup(copy.folder(), copy.database(), copy.folder().resolve(MANIFEST), copy.entries().size(),
				copy.copied(), mirrored, problem == null ? null : problem.code() + ": " + problem.detail(),
				(System.nanoTime() - started) / 1_000_000, at);
		if (problem == null) {
			status.succeeded(done);
			log.info("backup written to {}{} ({} clip files, {} copied, {} ms)", done.folder(),
					mirrored == null ? "" : " and " + mirrored, done.clipFiles(), done.clipFilesCopied(), done.millis());
		}
		else {
			status.failed(at, problem.code(), problem.detail());
			log.error("backup {} kept but FAILED: {}", done.folder(), done.problem());
		}
		return done;
	}

	/** A new dated {@code <name>.part} folder of {@code <data-dir>/backup}, made; a failure is {@code folder}. */
	private Path chooseFolder(BackupRoot local, Instant at) {
		try {
			Files.createDirectories(local.dir());
			Path part = local.dir().resolve(local.freeName(FOLDER.format(clock.now())) + BackupRoot.PART);
			return Files.createDirectory(part);
		}
		catch (IOException | RuntimeException e) {
			throw failed(at, "folder", e);
		}
	}

	/** The database, the clip files and the manifest into the new folder, published under its dated name. */
	private Copy writeLocal(BackupRoot local, Path part, Instant at) {
		try {
			Path db = database.write(part);
			copyKeys(part);
			Copy copy = copyClips(local);
			Manifest.write(part.resolve(MANIFEST), copy.entries());
			Path folder = local.publish(part);
			return copy.in(folder, folder.resolve(db.getFileName()));
		}
		catch (IOException | RuntimeException e) {
			try {
				FileSystemUtils.deleteRecursively(part);
			}
			catch (IOException left) {
				log.warn("backup: the unfinished folder {} could not be removed ({}); the next prune tries again", part,
						left.toString());
			}
			throw failed(at, "database", e);
		}
	}

	/** Old backups removed after a good one; a failure leaves the new backup good and is {@code prune}. */
	private void prune(BackupRoot local, List<Problem> problems) {
		try {
			local.prune(backup.keep());
		}
		catch (IOException | RuntimeException e) {
			problems.add(new Problem("prune", local.dir() + ": " + e));
		}
	}

	private BackupFailed failed(Instant at, String problem, Exception e) {
		status.failed(at, problem, e.getMessage() == null ? e.toString() : e.getMessage());
		log.error("backup FAILED ({}): {}", problem, e.toString());
		return new BackupFailed("backup failed (" + problem + "): " + e, e);
	}

	/** The same backup to {@code loaxa.backup.copy-to}, if set; a failure is added to {@code problems}. */
	private Path mirror(BackupRoot local, Copy copy, List<Problem> problems) {
		if (backup.copyTo() == null) {
			return null;
		}
		try {
			return new CopyTo(backup.copyTo(), backup.keep()).mirror(local, copy.folder(), copy.entries());
		}
		catch (CopyTo.Missing e) {
			problems.add(new Problem("copy_to_missing", backup.copyTo().toString()));
		}
		catch (IOException | RuntimeException e) {
			problems.add(new Problem("copy_to_failed", backup.copyTo() + ": " + e));
		}
		return null;
	}

	/** The complete backup folders under {@code <data-dir>/backup}, newest first. */
	public List<Path> backups() {
		try {
			return new BackupRoot(root()).folders();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Why a backup that was kept is marked failed: a code under {@code backup.problem.} and its argument. */
	record Problem(String code, String detail) {

		Problem and(List<Problem> more) {
			StringBuilder text = new StringBuilder(detail);
			more.forEach(p -> text.append("; ").append(p.code()).append(": ").append(p.detail()));
			return new Problem(code, text.toString());
		}
	}

	/** What one run stored: the manifest's entries, how many files it copied, what it could not find. */
	record Copy(List<Manifest.Entry> entries, int copied, List<String> missing, Path folder, Path database) {

		Copy in(Path folder, Path database) {
			return new Copy(entries, copied, missing, folder, database);
		}
	}

	private Copy copyClips(BackupRoot local) throws IOException {
		Path store = properties.clipStoreDir();
		Map<String, Manifest.Entry> known = local.known();
		List<Manifest.Entry> entries = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		int copied = 0;
		for (ClipFile file : library.storedFiles()) {
			Path source = store.resolve(file.path());
			if (!Files.isRegularFile(source)) {
				missing.add(file.path());
				continue;
			}
			BackupRoot.Stored stored = local.store(source, file.path(), known.get(file.path()));
			if (file.original() && !stored.entry().sha256().equals(file.clipSha256())) {
				missing.add(file.path() + " (damaged: SHA-256 " + stored.entry().sha256() + ")");
			}
			entries.add(stored.entry());
			copied += stored.copied() ? 1 : 0;
		}
		return new Copy(entries, copied, missing, null, null);
	}

	/** The commune's signing key (data/keys) goes with every backup: a restored PC signs as the same commune. */
	private void copyKeys(Path part) throws IOException {
		Path keys = properties.dataDir().resolve(KEYS);
		if (!Files.isDirectory(keys)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.list(keys)) {
			for (Path key : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith(KEY_PREFIX))
				.toList()) {
				DurableCopy.copy(key, part.resolve(key.getFileName().toString()));
			}
		}
	}

	static final String KEYS = "keys";
	static final String KEY_PREFIX = "commune-ed25519";

	private Path root() {
		return properties.dataDir().resolve("backup");
	}
}
