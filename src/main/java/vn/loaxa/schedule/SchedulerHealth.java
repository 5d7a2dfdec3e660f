package vn.loaxa.schedule;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaMode;

/**
 * {@code scheduler} in {@code /actuator/health}: Quartz started and not in standby (else slots do
 * not fire: DOWN), the slot triggers in force, the next fire time in the commune's time, and on
 * PostgreSQL the cluster this PC is part of.
 */
@Component("schedulerHealthIndicator")
class SchedulerHealth extends AbstractHealthIndicator {

	private final Scheduler scheduler;
	private final LoaxaClock clock;

	private final LoaxaMode mode;

	SchedulerHealth(Scheduler scheduler, LoaxaClock clock, LoaxaMode mode) {
		super("scheduler health check failed");
		this.scheduler = scheduler;
		this.clock = clock;
		this.mode = mode;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		if (mode.isProvince()) {
			// the province's hub airs nothing: its scheduler stays off on purpose
			builder.up().withDetail("mode", "province");
			return;
		}
		SchedulerMetaData meta = scheduler.getMetaData();
		boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
		int triggers = 0;
		Date next = null;
		String nextSlot = null;
		for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(SlotTriggers.GROUP))) {
			Trigger t = scheduler.getTrigger(key);
			if (t == null) {
				continue;
			}
			triggers++;
			if (t.getNextFireTime() != null && (next == null || t.getNextFireTime().before(next))) {
				next = t.getNextFireTime();
				nextSlot = t.getDescription();
			}
		}
		builder.status(running ? org.springframework.boot.actuate.health.Status.UP
				: org.springframework.boot.actuate.health.Status.DOWN);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("started", meta.isStarted());
		details.put("standby", meta.isInStandbyMode());
		details.put("triggers", triggers);
		details.put("nextFireTime", next == null ? null : next.toInstant().atZone(clock.zone()).toOffsetDateTime().toString());
		details.put("nextSlot", nextSlot);
		details.put("clustered", meta.isJobStoreClustered());
		details.put("instanceId", meta.getSchedulerInstanceId());
		builder.withDetails(details);
	}
}
