package vn.loaxa.broadcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.config.UserError;
import vn.loaxa.media.FileSha256;

/**
 * The air-check files the records name, under {@code <data-dir>/aircheck/}: whether one is there, was
 * deleted when {@code loaxa.aircheck.keep} ran out ({@code broadcast_aircheck_deleted}), or is gone or
 * changed otherwise; and the file itself for listening, only while it still has the SHA-256 its
 * records carry.
 */
@Service
public class AirCheckArchive {

	/** What became of a record's air-check file. */
	public enum State {
		/** There (its hash is checked when it is served). */
		AVAILABLE,
		/** Deleted by the retention job, as the audit trail says. */
		DELETED,
		/** Gone without the retention job: the API says {@code aircheck_altered}. */
		MISSING
	}

	private final JdbcTemplate jdbc;
	private final BroadcastLog log;
	private final Path dataDir;
	/** Files whose hash was checked, by path, size and time written: an air-check is listened to in many ranges. */
	private final Map<String, Boolean> checked = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > 256;
		}
	});

	AirCheckArchive(JdbcTemplate jdbc, BroadcastLog log, LoaxaProperties loaxa) {
		this.jdbc = jdbc;
		this.log = log;
		this.dataDir = loaxa.dataDir().toAbsolutePath().normalize();
	}

	/** {@code <data-dir>/aircheck}. */
	Path root() {
		return dataDir.resolve("aircheck");
	}

	Path dataDir() {
		return dataDir;
	}

	/** The file of an air-check on this PC (a path under the data dir). */
	Path pathOf(AirCheckRef ref) {
		Path file = dataDir.resolve(ref.file()).normalize();
		if (!file.startsWith(dataDir)) {
			throw new IllegalArgumentException("not under the data dir: " + ref.file());
		}
		return file;
	}

	/** The state of each record's air-check file, by record id (records without one left out), with one query. */
	public Map<Long, State> states(Collection<BroadcastRecord> records) {
		List<BroadcastRecord> with = records.stream().filter(r -> r.airing().airCheck() != null).toList();
		Set<String> deleted = deletedAmong(with.stream().map(r -> r.airing().airCheck().file()).toList());
		Map<Long, State> states = new LinkedHashMap<>();
		for (BroadcastRecord r : with) {
			AirCheckRef ref = r.airing().airCheck();
			states.put(r.id(), present(ref) ? State.AVAILABLE
					: deleted.contains(ref.file()) ? State.DELETED : State.MISSING);
		}
		return states;
	}

	/** Whether the file is there (its hash not checked: for lists). */
	public boolean present(AirCheckRef ref) {
		return ref.file() != null && Files.isRegularFile(pathOf(ref));
	}

	private Set<String> deletedAmong(List<String> files) {
		Set<String> deleted = new HashSet<>();
		for (int i = 0; i < files.size(); i += 500) {
			List<String> some = files.subList(i, Math.min(files.size(), i + 500));
			deleted.addAll(jdbc.queryForList("SELECT file FROM broadcast_aircheck_deleted WHERE file IN ("
					+ String.join(",", java.util.Collections.nCopies(some.size(), "?")) + ")", String.class, some.toArray()));
		}
		return deleted;
	}

	/**
	 * The air-check of record {@code id} to listen to: 404 {@code record_not_found} / {@code no_aircheck}, 410
	 * {@code aircheck_deleted} when the retention job deleted it, 409 {@code aircheck_altered} when it is gone
	 * otherwise or its bytes no longer have the hash the record carries.
	 */
	Resource open(long id) {
		BroadcastRecord record = log.find(id).orElseThrow(() -> new RecordNotFound(id));
		AirCheckRef ref = record.airing().airCheck();
		if (ref == null || ref.file() == null) {
			throw new UserError(404, "no_aircheck", "aircheck.error.none", id);
		}
		Path file = pathOf(ref);
		if (!Files.isRegularFile(file)) {
			Instant deletedAt = deletedAt(ref.file());
			if (deletedAt != null) {
				throw new UserError(410, "aircheck_deleted", "aircheck.error.deleted", id);
			}
			throw new UserError(409, "aircheck_altered", "aircheck.error.missing", id, ref.file());
		}
		if (!matches(file, ref.sha256())) {
			throw new UserError(409, "aircheck_altered", "aircheck.error.altered", id, ref.file());
		}
		return new FileSystemResource(file);
	}

	private boolean matches(Path file, String sha256) {
		try {
			String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + sha256;
			Boolean known = checked.get(key);
			if (known == null) {
				known = FileSha256.of(file).equals(sha256);
				checked.put(key, known);
			}
			return known;
		}
		catch (IOException e) {
			return false;
		}
	}

	private Instant deletedAt(String file) {
		return jdbc.query("SELECT deleted_at FROM broadcast_aircheck_deleted WHERE file = ?",
				(rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), file).stream().findFirst().orElse(null);
	}

	/** Books a deletion by the retention job (once per file). */
	void deleted(String file, String sha256, long bytes, Instant at) {
		if (deletedAt(file) == null) {
			jdbc.update("INSERT INTO broadcast_aircheck_deleted (file, sha256, bytes, deleted_at) VALUES (?, ?, ?, ?)", file,
					sha256, bytes, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
		}
	}
}
