package vn.loaxa.ops;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import vn.loaxa.playout.Playout;

/**
 * {@code broadcastLog} in {@code /actuator/health}: DEGRADED while broadcast records wait in the
 * durable journal because the database refuses writes (locked, busy, disk full). Nothing is lost,
 * but the log and the reports lag behind what aired until the database takes them.
 */
@Component("broadcastLogHealthIndicator")
class RecordJournalHealth extends AbstractHealthIndicator {

	static final org.springframework.boot.actuate.health.Status DEGRADED = new org.springframework.boot.actuate.health.Status(
			"DEGRADED", "broadcast records wait in the journal for the database");

	private final Playout playout;

	RecordJournalHealth(Playout playout) {
		super("broadcast log health check failed");
		this.playout = playout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		int waiting = playout.recordsWaiting();
		builder.status(waiting > 0 ? DEGRADED : org.springframework.boot.actuate.health.Status.UP)
			.withDetail("waitingInJournal", waiting);
	}
}
