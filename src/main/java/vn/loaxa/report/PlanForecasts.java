package vn.loaxa.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;

/**
 * The forecast of every target of a period's plan year ({@link TargetForecast}), counted by the
 * report's own rules from the year's start up to today (the commune's clock); the targets in the
 * plan's order, as {@code figures.targets} lists them.
 */
@Service
public class PlanForecasts {

	/** Slots named for a target behind: a handful, the plan's first ones. */
	static final int MAX_SLOTS = 5;

	private final ReportService reports;
	private final PlanTargets plans;
	private final Schedule schedule;
	private final LoaxaClock clock;

	PlanForecasts(ReportService reports, PlanTargets plans, Schedule schedule, LoaxaClock clock) {
		this.reports = reports;
		this.plans = plans;
		this.schedule = schedule;
		this.clock = clock;
	}

	/** A target's forecast with its name and what it counts, for the pages and files that show it. */
	public record Line(String name, Measure measure, TargetForecast forecast) {
	}

	/** The forecasts as they stand today, each with its target's name and measure, in the plan's order. */
	public List<Line> lines(ReportPeriod period) {
		List<TargetForecast> ahead = of(period);
		List<PlanTarget> targets = plans.plan(period.planYear()).map(Plan::targets).orElse(List.of());
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < ahead.size() && i < targets.size(); i++) {
			lines.add(new Line(targets.get(i).name(), targets.get(i).measure(), ahead.get(i)));
		}
		return lines;
	}

	public List<TargetForecast> of(ReportPeriod period) {
		return of(period, clock.today());
	}

	/** The forecasts as they stand on {@code today}. */
	List<TargetForecast> of(ReportPeriod period, LocalDate today) {
		int year = period.planYear();
		List<PlanTarget> targets = plans.plan(year).map(Plan::targets).orElse(List.of());
		if (targets.isEmpty()) {
			return List.of();
		}
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate upTo = today.isAfter(start.plusYears(1).minusDays(1)) ? start.plusYears(1).minusDays(1) : today;
		List<ReportFigures.TargetRow> done = upTo.isBefore(start) ? List.of()
				: reports.compute(ReportPeriod.custom(start, upTo)).figures().targets();
		ReportPeriod wholeYear = ReportPeriod.parse(String.valueOf(year));
		List<TargetForecast> forecasts = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			PlanTarget target = targets.get(i);
			long count = i < done.size() ? done.get(i).done() : 0;
			TargetForecast forecast = TargetForecast.of(count, target.plannedFor(wholeYear), year, today, period.to());
			forecasts.add(forecast.withSlots(forecast.onTrack() ? List.of() : slotsFor(target, today)));
		}
		return forecasts;
	}

	/**
	 * Weekly slots still airing that could carry more of the target: for minutes relayed, the slots of its
	 * relay (of any relay when it names none); else those whose fill takes one of its topics (any slot
	 * of clips takes any kind).
	 */
	private List<TargetForecast.SlotHint> slotsFor(PlanTarget target, LocalDate today) {
		var plan = schedule.current();
		return plan.slots()
			.stream()
			.filter(s -> s.isWeekly() && s.hasFutureOn(today) && carries(s, target))
			.limit(MAX_SLOTS)
			.map(s -> new TargetForecast.SlotHint(s.name(), plan.targetName(s.target()), s.days().size()))
			.toList();
	}

	private static boolean carries(Slot slot, PlanTarget target) {
		if (target.measure() == Measure.RELAY_MINUTES) {
			return slot.isRelay() && (target.relay() == null || target.relay().equals(slot.relay()));
		}
		return !slot.isRelay() && (target.topics().isEmpty() || target.topics().stream().anyMatch(slot::accepts));
	}
}
