package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Whether every broadcast record is where it belongs, for health and the status strip. Records
 * wait in the journal while the database refuses writes ({@code waitingInJournal}: late, safe);
 * those the journal itself refused are in the fallback journal or only in the service log
 * ({@link #atRisk()}); {@code quarantined}: files holding journal lines or cut live announcements
 * that could not be read back, with how many; {@code catchUpPendingSince}: a window the PC slept
 * through whose slots have no record yet (retried at every heartbeat).
 */
public record RecordKeeping(int waitingInJournal, int inFallbackJournal, int inServiceLogOnly, String journal,
		String fallbackJournal, List<String> problems, Map<String, Long> quarantined, Instant catchUpPendingSince) {

	/** Records outside the data dir's journal, or slots not yet recorded: health DOWN. */
	public boolean atRisk() {
		return inFallbackJournal + inServiceLogOnly > 0 || catchUpPendingSince != null;
	}

	/** Anything an operator should see (the strip shows it; health is at least DEGRADED). */
	public boolean shown() {
		return atRisk() || !quarantined.isEmpty();
	}

	public long quarantinedCount() {
		return quarantined.values().stream().mapToLong(Long::longValue).sum();
	}

	static RecordKeeping of(RecordJournal journal, Instant catchUpPendingSince) {
		Map<String, Long> quarantined = new java.util.LinkedHashMap<>();
		journal.quarantined().forEach((file, n) -> quarantined.put(file.toString(), n));
		return new RecordKeeping(journal.waiting(RecordJournal.Place.JOURNAL), journal.waiting(RecordJournal.Place.FALLBACK),
				journal.waiting(RecordJournal.Place.LOG), journal.file().toString(), journal.fallbackFile().toString(),
				journal.problems(), quarantined, catchUpPendingSince);
	}
}
