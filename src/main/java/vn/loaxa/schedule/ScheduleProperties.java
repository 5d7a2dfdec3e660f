package vn.loaxa.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedule settings ({@code loaxa.schedule.*}). The plan files are read at start only while the
 * database holds no plan (a fresh install); afterwards the database is the running truth and the
 * files are read again on "nạp lại".
 */
@ConfigurationProperties("loaxa.schedule")
public record ScheduleProperties(@DefaultValue("true") boolean loadFilesAtStart,
		@DefaultValue("3s") java.time.Duration preroll) {

	/**
	 * {@code preroll}: how long before a slot's start its trigger fires, so the programme is filled,
	 * the zones switched on and the line opened before the first frame is due at the start itself.
	 */
	public ScheduleProperties {
		if (preroll.isNegative() || preroll.compareTo(java.time.Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("loaxa.schedule.preroll must be between 0 and 1m, not " + preroll);
		}
	}
}
