package vn.loaxa.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a target of the year's plan is heading, from what aired since the plan year's start up to
 * today: {@code done} against the year's {@code planned}, the pace per week so far, the count
 * {@code projected} at {@code periodEnd} (the plan year's last day) at that pace, the pace needed per
 * week from tomorrow on to reach the target, and whether the projection reaches it.
 * {@code atPeriodEnd}: the projection at the end of the period asked when that ends after today and
 * before the year does; {@code help}: for a target that falls short, what it takes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetForecast(long done, long planned, double pacePerWeek, long projected, LocalDate periodEnd,
		double neededPerWeek, boolean onTrack, Projection atPeriodEnd, Help help) {

	/** The count expected on a day (cumulative since the plan year's start). */
	public record Projection(LocalDate date, long projected) {
	}

	/**
	 * For a target behind: {@code extraPerWeek} more a week than now (airings or new clips, as the target
	 * counts), {@code shortfall} what the year ends short at the present pace, and the slots that could
	 * carry its kinds and topics.
	 */
	public record Help(double extraPerWeek, long shortfall, List<SlotHint> slots) {
	}

	/** A weekly slot whose fill accepts the target's topics: its name, zone (or group) and days a week. */
	public record SlotHint(String slot, String zone, int daysPerWeek) {
	}

	/**
	 * The forecast on {@code today} of a target of plan year {@code year}. Days elapsed count today
	 * (its airings are in {@code done}) and are at least one, so the first day divides by one; after
	 * the year's end nothing is left to air: projected is done and the pace needed 0 (the shortfall
	 * says what is missing).
	 */
	public static TargetForecast of(long done, long planned, int year, LocalDate today, LocalDate periodTo) {
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		int yearDays = start.lengthOfYear();
		long elapsed = today.isBefore(start) ? 0 : Math.min(yearDays, ChronoUnit.DAYS.between(start, today) + 1);
		long paceDays = Math.max(1, elapsed);
		long remaining = yearDays - elapsed;
		long projected = done + Math.round(done * (double) remaining / paceDays);
		long missing = Math.max(0, planned - done);
		double needed = remaining == 0 ? 0 : ReportFigures.round(missing * 7.0 / remaining, 1);
		double pace = ReportFigures.round(done * 7.0 / paceDays, 1);
		boolean onTrack = projected >= planned;
		Projection atPeriodEnd = periodTo.isAfter(today) && periodTo.isBefore(end) && !periodTo.isBefore(start)
				? new Projection(periodTo,
						done + Math.round(done * (double) ChronoUnit.DAYS.between(today, periodTo) / paceDays))
				: null;
		Help help = onTrack ? null
				: new Help(ReportFigures.round(Math.max(0, needed - pace), 1), planned - projected, List.of());
		return new TargetForecast(done, planned, pace, projected, end, needed, onTrack, atPeriodEnd, help);
	}

	TargetForecast withSlots(List<SlotHint> slots) {
		return help == null ? this
				: new TargetForecast(done, planned, pacePerWeek, projected, periodEnd, neededPerWeek, onTrack,
						atPeriodEnd, new Help(help.extraPerWeek(), help.shortfall(), slots));
	}
}
