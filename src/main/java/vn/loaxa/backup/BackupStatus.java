package vn.loaxa.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.backup.internal.DurableCopy;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * The last backup's result, kept in {@code <data-dir>/backup/last-result.properties} so it survives
 * restarts, with the first start of this data dir: a fresh install is not DEGRADED before it had
 * {@code loaxa.backup.stale-after} (48 h) to make its first backup. Read by health and the status strip.
 */
@Component
public class BackupStatus {

	static final String FILE = "last-result.properties";
	private static final Logger log = LoggerFactory.getLogger(BackupStatus.class);

	public enum State {
		/** the last backup succeeded within {@code stale-after} */
		OK,
		/** none yet, and the install is younger than {@code stale-after} */
		NONE_YET,
		/** the last backup failed: {@link View#problem()} says why */
		FAILED,
		/** no successful backup within {@code stale-after} */
		STALE,
		/** {@code loaxa.backup.enabled=false} */
		DISABLED
	}

	/**
	 * What health and the strip show. {@code problem} is a message code under {@code backup.problem.}
	 * ({@code copy_to_missing}, {@code copy_to_failed}, {@code clips_missing}, {@code prune},
	 * {@code folder}, {@code database}) and {@code detail} its argument (a path, a file, an error);
	 * {@code staleHours}: {@code loaxa.backup.stale-after}; {@code notSaved}: why this result could not
	 * be saved to its file (it would be gone after a restart), null when it was.
	 */
	public record View(State state, Instant firstStart, Instant lastSuccess, String lastFolder, Instant failedAt,
			String problem, String detail, long staleHours, String notSaved) {

		public boolean degraded() {
			return state == State.FAILED || state == State.STALE || notSaved != null;
		}
	}

	private final Path file;
	private final BackupProperties backup;
	private final Clock clock;
	private final Properties values = new Properties();
	private String notSaved;

	@org.springframework.beans.factory.annotation.Autowired
	public BackupStatus(LoaxaProperties properties, BackupProperties backup, LoaxaClock clock) {
		this(properties.dataDir().resolve("backup").resolve(FILE), backup, clock.clock());
	}

	BackupStatus(Path file, BackupProperties backup, Clock clock) {
		this.file = file;
		this.backup = backup;
		this.clock = clock;
		if (Files.isRegularFile(file)) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				values.load(in);
			}
			catch (IOException | IllegalArgumentException e) {
				log.warn("backup status {} unreadable ({}); starting afresh", file, e.toString());
			}
		}
		if (!values.containsKey("firstStart")) {
			values.setProperty("firstStart", clock.instant().toString());
			save();
		}
	}

	synchronized void succeeded(Backup done) {
		values.setProperty("lastSuccess", done.at().toString());
		values.setProperty("lastFolder", done.folder().toString());
		values.setProperty("lastClipFiles", done.clipFiles() + " (" + done.clipFilesCopied() + " copied)");
		values.remove("failedAt");
		values.remove("problem");
		values.remove("detail");
		save();
	}

	synchronized void failed(Instant at, String problem, String detail) {
		values.setProperty("failedAt", at.toString());
		values.setProperty("problem", problem);
		values.setProperty("detail", detail == null ? "" : detail);
		save();
	}

	public synchronized View view() {
		Instant first = instant("firstStart");
		Instant success = instant("lastSuccess");
		Instant failedAt = instant("failedAt");
		Duration sinceSuccess = Duration.between(success == null ? first : success, clock.instant());
		State state = !backup.enabled() ? State.DISABLED
				: failedAt != null ? State.FAILED
				: sinceSuccess.compareTo(backup.staleAfter()) > 0 ? State.STALE
				: success == null ? State.NONE_YET : State.OK;
		return new View(state, first, success, values.getProperty("lastFolder"), failedAt, values.getProperty("problem"),
				values.getProperty("detail"), backup.staleAfter().toHours(), notSaved);
	}

	private Instant instant(String key) {
		String value = values.getProperty(key);
		return value == null ? null : Instant.parse(value);
	}

	private void save() {
		try {
			Files.createDirectories(file.getParent());
			Path temp = file.resolveSibling(FILE + ".tmp");
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				values.store(out, "LoaXa: the last backup's result");
			}
			DurableCopy.move(temp, file);
			notSaved = null;
		}
		catch (IOException | RuntimeException e) {
			notSaved = file + ": " + e;
			log.error("BACKUP STATUS NOT SAVED to {} ({}): shown until a restart only", file, e.toString());
		}
	}
}
