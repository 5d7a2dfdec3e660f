package vn.loaxa.ops;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import vn.loaxa.backup.BackupStatus;

/**
 * {@code backup} in {@code /actuator/health}: DEGRADED (still HTTP 200) when the last backup failed
 * (the reason in the details), none succeeded within {@code loaxa.backup.stale-after} (48 h; a
 * fresh install counts from its first start), or the last result could not be saved to its file
 * ({@code statusNotSaved}). LoaXa airs as before; what is at risk is the evidence.
 */
@Component("backupHealthIndicator")
class BackupHealth extends AbstractHealthIndicator {

	private final BackupStatus status;

	BackupHealth(BackupStatus status) {
		super("backup health check failed");
		this.status = status;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		BackupStatus.View view = status.view();
		builder.status(view.degraded() ? AudioHealth.DEGRADED.getCode() : Status.UP.getCode())
			.withDetail("state", view.state().name())
			.withDetail("firstStart", String.valueOf(view.firstStart()))
			.withDetail("lastSuccess", String.valueOf(view.lastSuccess()))
			.withDetail("staleAfterHours", view.staleHours());
		if (view.lastFolder() != null) {
			builder.withDetail("lastFolder", view.lastFolder());
		}
		if (view.notSaved() != null) {
			builder.withDetail("statusNotSaved", view.notSaved());
		}
		if (view.state() == BackupStatus.State.FAILED) {
			builder.withDetail("failedAt", String.valueOf(view.failedAt()))
				.withDetail("reason", view.problem() + ": " + view.detail());
		}
	}
}
