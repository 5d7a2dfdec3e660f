package vn.loaxa.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * What a slot's Quartz trigger runs: hands the slot to {@link Schedule}, which publishes
 * {@link SlotDue}. It returns within milliseconds (playout claims the occurrence and plays it on
 * the channel's own thread), and may run concurrently for slots of different channels: each
 * occurrence is claimed once in {@code slot_run}, so concurrency needs no Quartz lock.
 */
class SlotJob implements Job {

	private final Schedule schedule;

	SlotJob(Schedule schedule) {
		this.schedule = schedule;
	}

	@Override
	public void execute(JobExecutionContext context) {
		String key = context.getTrigger().getJobDataMap().getString(SlotTriggers.SLOT_KEY);
		schedule.fired(key, context.getFireTime().toInstant());
	}
}
