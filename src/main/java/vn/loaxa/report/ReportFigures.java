package vn.loaxa.report;

import java.time.LocalDate;
import java.util.List;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * The figures of a report, in the JSON shape of {@code GET /api/reports} (docs/api.md): period,
 * totals, byKind, byTopic, byZone, byMonth, targets; then the plan compared with and the problems
 * (non-PLAYED records) by reason. Every export shows these same numbers.
 */
public record ReportFigures(Period period, Totals totals, List<KindRow> byKind, List<TopicRow> byTopic,
		List<ZoneRow> byZone, List<MonthRow> byMonth, List<TargetRow> targets, PlanRow plan,
		List<ProblemRow> problems,
		@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<RelayRow> relays) {

	/** {@code relays} left out of the figures' JSON when empty, so a report signed before relays were counted keeps its digest. */
	public ReportFigures {
		relays = relays == null ? List.of() : List.copyOf(relays);
	}

	public record Period(String code, LocalDate from, LocalDate to) {
	}

	/**
	 * {@code airings}: PLAYED records; {@code clips}: distinct clips among them; {@code minutes}: their
	 * played time; the other outcomes apart; {@code onTimeRate}: share of airings started within one
	 * minute of schedule.
	 */
	public record Totals(long clips, long airings, double minutes, long partial, long interrupted, long missed,
			long failed, double onTimeRate) {
	}

	public record KindRow(ClipKind kind, long clips, long airings, double minutes) {
	}

	public record TopicRow(Topic topic, long clips, long airings, double minutes) {
	}

	public record ZoneRow(String zone, long clips, long airings, double minutes) {
	}

	public record MonthRow(String month, long clips, long airings, double minutes) {
	}

	public record TargetRow(String name, long planned, long done, double percent) {

		/** A target against what it counts ({@link Measure}) in the period: {@code done}. */
		public static TargetRow of(PlanTarget target, ReportPeriod period, long done) {
			long planned = target.plannedFor(period);
			return new TargetRow(target.name(), planned, done, planned == 0 ? 0.0 : round(done * 100.0 / planned, 1));
		}
	}

	/**
	 * Tiếp sóng: one relay's slot occasions in the period, counted once whatever the zones it was switched
	 * to. {@code airings}: occasions that gave sound; {@code minutes}: the time relayed (per occasion, the
	 * most any zone heard); {@code outages}: stretches cut by a lost stream or silence, and occasions no
	 * address gave sound; {@code lostMinutes}: the slot time not relayed. {@code name}: the relay's name
	 * as its records carry it.
	 */
	public record RelayRow(String relay, String name, long airings, double minutes, long outages, double lostMinutes) {
	}

	/** The plan compared with; year and a null name when the commune has no plan for that year. */
	public record PlanRow(int year, String name) {
	}

	/**
	 * Non-PLAYED records of one outcome and cause: {@code code} the reason code ({@code sink_unavailable},
	 * null for records older than reason codes), {@code reason} its Vietnamese label or the old free text.
	 */
	public record ProblemRow(Outcome outcome, String code, String reason, long count) {
	}

	/** Minutes of played time as every report shows them: one decimal, half up. */
	public static double minutes(long ms) {
		return round(ms / 60_000.0, 1);
	}

	public static double round(double value, int decimals) {
		return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
	}
}
