package vn.loaxa.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** What a slot's Quartz trigger runs: hands the slot to {@link Schedule}, which publishes {@link SlotDue}. */
@DisallowConcurrentExecution
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
