package vn.loaxa.ops;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import vn.loaxa.playout.Playout;
import vn.loaxa.playout.RecordKeeping;

/**
 * {@code broadcastLog} in {@code /actuator/health}. DEGRADED while broadcast records wait in the
 * durable journal because the database refuses writes (locked, busy, disk full): they are safe, but
 * the log and the reports lag behind what aired; DEGRADED too while a quarantine file holds a line
 * that could not be read back (a technician must look at it). DOWN while records are kept outside
 * the data dir's journal (the fallback journal, or only the service log) because the journal cannot
 * be written, or while the slots of a window the PC slept through have no record yet.
 */
@Component("broadcastLogHealthIndicator")
class RecordJournalHealth extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "broadcast records wait in the journal for the database");

	private final Playout playout;

	RecordJournalHealth(Playout playout) {
		super("broadcast log health check failed");
		this.playout = playout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		RecordKeeping records = playout.recordKeeping();
		Status status = records.atRisk() ? Status.DOWN
				: records.waitingInJournal() > 0 || !records.quarantined().isEmpty() ? DEGRADED : Status.UP;
		builder.status(status).withDetail("waitingInJournal", records.waitingInJournal());
		if (records.inFallbackJournal() > 0 || records.inServiceLogOnly() > 0) {
			builder.withDetail("inFallbackJournal", records.inFallbackJournal())
				.withDetail("fallbackJournal", records.fallbackJournal())
				.withDetail("inServiceLogOnly", records.inServiceLogOnly());
		}
		if (!records.problems().isEmpty()) {
			builder.withDetail("problems", records.problems());
		}
		if (!records.quarantined().isEmpty()) {
			builder.withDetail("quarantined", records.quarantined());
		}
		if (records.catchUpPendingSince() != null) {
			builder.withDetail("catchUpPendingSince", records.catchUpPendingSince().toString());
		}
	}
}
