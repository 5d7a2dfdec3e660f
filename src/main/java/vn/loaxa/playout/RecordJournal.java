package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * The write-ahead journal of broadcast records ({@code <data-dir>/journal/airings.jsonl}): every
 * batch is appended and forced to disk before the database sees it, and stays pending until its
 * transaction commits. A database that is locked, busy or full therefore delays records, never
 * loses them; after a crash the pending batches are read back and applied in order. Once nothing
 * is pending the file is emptied.
 * <p>
 * A batch the journal refuses (its disk full, read-only, its folder gone) goes to the fallback
 * journal ({@code loaxa.playout.fallback-journal}, outside the data dir), and if that refuses it
 * too, into the service log as one line ({@link LogRecords}); the next start reads all three.
 * A line that cannot be read back is quarantined beside its file ({@link JournalFile}).
 */
@Component
class RecordJournal {

	/** Where a pending batch is kept: only {@code JOURNAL} is as it should be. */
	enum Place {
		JOURNAL, FALLBACK, LOG
	}

	private record Pending(AiringBatch batch, Place place) {
	}

	private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

	private final JournalFile journal;
	private final JournalFile fallback;
	private final LogRecords logRecords;
	private final Path liveQuarantine;
	private final LoaxaClock clock;
	private final List<Pending> pending = new ArrayList<>();
	private final java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
	/** The start whose read-back of the log is complete once no batch is kept in the log only. */
	private Instant logReadBegan;

	RecordJournal(LoaxaProperties properties, ObjectMapper json, LoaxaClock clock,
			@Value("${loaxa.playout.fallback-journal:}") String fallback, @Value("${logging.file.name:}") String logFile) {
		Path dir = properties.dataDir().resolve("journal");
		this.journal = new JournalFile(dir.resolve("airings.jsonl"), json);
		this.fallback = new JournalFile(fallback.isBlank() ? FallbackPlace.of(properties.dataDir()) : Path.of(fallback), json);
		this.logRecords = new LogRecords(logFile.isBlank() ? null : Path.of(logFile), dir.resolve("log-read-back"), json);
		this.liveQuarantine = properties.dataDir().resolve("live").resolve(LiveAnnouncements.QUARANTINE);
		this.clock = clock;
	}

	/** Reads back what a previous run left pending: the journal, the fallback journal, then the log. */
	synchronized int load() {
		pending.clear();
		Instant now = clock.now().toInstant();
		read(journal, Place.JOURNAL, now);
		read(fallback, Place.FALLBACK, now);
		for (AiringBatch batch : logRecords.read()) {
			if (pending.stream().noneMatch(p -> p.batch().id().equals(batch.id()))) {
				log.warn("record batch {} read back from the service log: journalling it", batch.id());
				pending.add(new Pending(batch, durably(batch)));
			}
		}
		logReadBegan = now;
		logReadBackIfDone();
		return pending.size();
	}

	/** Appends durably (fsync) where it can, and keeps the batch pending; answers where it went. */
	synchronized Place append(AiringBatch batch) {
		Place place = durably(batch);
		pending.add(new Pending(batch, place));
		return place;
	}

	/** Writes a batch to the service log (the last resort: the journals could not be reached in time). */
	void toLog(AiringBatch batch) {
		try {
			logRecords.write(batch);
		}
		catch (IOException e) {
			log.error("record batch {} could not even be logged: {}", batch.id(), batch);
		}
	}

	synchronized List<AiringBatch> pending() {
		return pending.stream().map(Pending::batch).toList();
	}

	synchronized int size() {
		return pending.size();
	}

	synchronized int waiting(Place place) {
		return (int) pending.stream().filter(p -> p.place() == place).count();
	}

	/** The batch is in the database: no longer pending; each file is emptied once nothing in it is. */
	synchronized void applied(AiringBatch batch) {
		pending.removeIf(b -> b.batch().id().equals(batch.id()));
		if (waiting(Place.JOURNAL) == 0) {
			journal.empty();
		}
		if (waiting(Place.FALLBACK) == 0) {
			fallback.empty();
		}
		logReadBackIfDone();
	}

	Path file() {
		return journal.file();
	}

	Path fallbackFile() {
		return fallback.file();
	}

	/** Why a batch could not be journalled (the last time), or a journal not read back; empty when none. */
	synchronized List<String> problems() {
		return List.copyOf(problems.values());
	}

	/** The quarantine files that hold something, with how many entries (lines, or cut live announcements). */
	java.util.Map<Path, Long> quarantined() {
		java.util.Map<Path, Long> found = new java.util.LinkedHashMap<>();
		for (JournalFile f : List.of(journal, fallback)) {
			long n = f.quarantined();
			if (n > 0) {
				found.put(f.quarantine(), n);
			}
		}
		try (var files = Files.list(liveQuarantine)) {
			long n = files.filter(f -> f.getFileName().toString().endsWith(".properties")).count();
			if (n > 0) {
				found.put(liveQuarantine, n);
			}
		}
		catch (IOException e) {
			// no live announcement quarantined
		}
		return found;
	}

	private Place durably(AiringBatch batch) {
		try {
			journal.append(batch);
			problems.remove("journal");
			return Place.JOURNAL;
		}
		catch (IOException | RuntimeException e) {
			problem("journal", "journal " + journal.file() + ": " + e);
		}
		try {
			fallback.append(batch);
			problems.remove("fallback");
			log.error("RECORDS IN THE FALLBACK JOURNAL {}: the journal {} refuses them", fallback.file(), journal.file());
			return Place.FALLBACK;
		}
		catch (IOException | RuntimeException e) {
			problem("fallback", "fallback journal " + fallback.file() + ": " + e);
		}
		toLog(batch);
		return Place.LOG;
	}

	private void problem(String key, String what) {
		log.error("record journal: {}", what);
		problems.put(key, what);
	}

	private void read(JournalFile file, Place place, Instant now) {
		try {
			file.read(now).forEach(b -> pending.add(new Pending(b, place)));
		}
		catch (IOException | RuntimeException e) {
			file.keep();
			problem("read " + file.file(), "cannot read " + file.file() + ": " + e);
		}
	}

	private void logReadBackIfDone() {
		if (logReadBegan != null && waiting(Place.LOG) == 0) {
			logRecords.readBackDone(logReadBegan);
			logReadBegan = null;
		}
	}
}
