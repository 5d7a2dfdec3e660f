package vn.loaxa.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Quartz's persistent triggers in step with the plan: one cron trigger per weekly slot,
 * one per listed date, all in the commune's time zone whatever the PC's zone. Unchanged triggers
 * are left alone, so their state survives restarts. A late fire (misfire) fires once at once; the
 * grace rule of playout then decides whether it still airs.
 */
@Component
class SlotTriggers {

	static final String GROUP = "slots";
	static final String SLOT_KEY = "slot";
	static final JobKey JOB = JobKey.jobKey("slot", "loaxa");
	private static final Logger log = LoggerFactory.getLogger(SlotTriggers.class);

	private final Scheduler scheduler;

	SlotTriggers(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	synchronized void sync(Plan plan, ZoneId zone, Instant now, java.time.Duration preroll) {
		try {
			JobDetail job = JobBuilder.newJob(SlotJob.class).withIdentity(JOB).storeDurably()
				.withDescription("Phát một khung giờ").build();
			if (!scheduler.checkExists(JOB)) {
				try {
					scheduler.addJob(job, false);
				}
				catch (org.quartz.ObjectAlreadyExistsException e) {
					// the other PC of a cluster added it at the same moment
				}
			}
			Map<TriggerKey, Trigger> wanted = new LinkedHashMap<>();
			for (Slot slot : plan.slots()) {
				for (Trigger t : triggersOf(slot, zone, now, preroll)) {
					if (t.getFireTimeAfter(Date.from(now)) != null) {
						wanted.put(t.getKey(), t);
					}
				}
			}
			Set<TriggerKey> existing = new HashSet<>(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP)));
			int added = 0;
			int changed = 0;
			for (Trigger t : wanted.values()) {
				if (!existing.contains(t.getKey())) {
					try {
						scheduler.scheduleJob(t);
					}
					catch (org.quartz.ObjectAlreadyExistsException e) {
						// the other PC of a cluster scheduled it at the same moment
						scheduler.rescheduleJob(t.getKey(), t);
					}
					added++;
				}
				else if (!same(scheduler.getTrigger(t.getKey()), t)) {
					scheduler.rescheduleJob(t.getKey(), t);
					changed++;
				}
			}
			Set<TriggerKey> stale = existing.stream().filter(k -> !wanted.containsKey(k)).collect(Collectors.toSet());
			scheduler.unscheduleJobs(List.copyOf(stale));
			log.info("slot triggers: {} in force ({} new, {} changed, {} removed), zone {}", wanted.size(), added,
					changed, stale.size(), zone);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("cannot schedule the slots: " + e.getMessage(), e);
		}
	}

	Date nextFire(String slotKey) throws SchedulerException {
		Date next = null;
		for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
			Trigger t = scheduler.getTrigger(key);
			if (t != null && slotKey.equals(t.getJobDataMap().getString(SLOT_KEY)) && t.getNextFireTime() != null
					&& (next == null || t.getNextFireTime().before(next))) {
				next = t.getNextFireTime();
			}
		}
		return next;
	}

	/** Cron triggers firing {@code preroll} before the slot's start (on the day before, past midnight). */
	static List<Trigger> triggersOf(Slot slot, ZoneId zone, Instant now, java.time.Duration preroll) {
		TimeZone tz = TimeZone.getTimeZone(zone);
		long second = slot.start().toSecondOfDay() - preroll.toSeconds();
		int dayShift = second < 0 ? -1 : 0;
		java.time.LocalTime fire = java.time.LocalTime.ofSecondOfDay(second < 0 ? second + 86400 : second);
		String time = fire.getSecond() + " " + fire.getMinute() + " " + fire.getHour();
		// the window opens and closes a pre-roll early, so a pre-roll that crosses midnight fires for
		// the first valid day and not for the day after the last
		Instant from = slot.validFrom() == null ? now : slot.validFrom().atStartOfDay(zone).toInstant().minus(preroll);
		Date startAt = Date.from(from.isBefore(now) ? now : from);
		Date endAt = slot.validUntil() == null ? null
				: Date.from(slot.validUntil().plusDays(1).atStartOfDay(zone).toInstant().minus(preroll));
		java.util.ArrayList<Trigger> triggers = new java.util.ArrayList<>();
		if (slot.isWeekly()) {
			String days = slot.days().stream().map(d -> d.plus(dayShift).name().substring(0, 3))
				.collect(Collectors.joining(","));
			triggers.add(trigger(slot, slot.key(), time + " ? * " + days, tz, startAt, endAt));
		}
		for (LocalDate date : slot.dates()) {
			if (slot.days().contains(date.getDayOfWeek())) {
				continue;
			}
			LocalDate day = date.plusDays(dayShift);
			String cron = time + " " + day.getDayOfMonth() + " " + day.getMonthValue() + " ? " + day.getYear();
			triggers.add(trigger(slot, slot.key() + "@" + date, cron, tz, startAt, endAt));
		}
		return triggers;
	}

	private static Trigger trigger(Slot slot, String name, String cron, TimeZone tz, Date startAt, Date endAt) {
		return TriggerBuilder.newTrigger()
			.withIdentity(name, GROUP)
			.forJob(JOB)
			.usingJobData(SLOT_KEY, slot.key())
			.withDescription(slot.name())
			.startAt(startAt)
			.endAt(endAt)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(tz).withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	private static boolean same(Trigger old, Trigger wanted) {
		return old instanceof CronTrigger o && wanted instanceof CronTrigger w
				&& o.getCronExpression().equals(w.getCronExpression())
				&& o.getTimeZone().getID().equals(w.getTimeZone().getID())
				&& Objects.equals(o.getEndTime(), w.getEndTime())
				&& Objects.equals(o.getJobDataMap().getString(SLOT_KEY), w.getJobDataMap().getString(SLOT_KEY));
	}
}
