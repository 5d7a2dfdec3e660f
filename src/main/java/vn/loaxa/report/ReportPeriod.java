package vn.loaxa.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loaxa.config.UserError;

/**
 * A report period (kỳ báo cáo): a calendar month, quarter, half or year, one of the statutory
 * periods of Decree 09/2019 (data cut off on the 14th: Q1 = 15/12 of the year before to 14/03 …,
 * year = 15/12 to 14/12), or a custom range. {@code from} and {@code to} are local dates, both
 * included; they become instants only in the commune's time zone, never the JVM's.
 */
public record ReportPeriod(String code, Type type, LocalDate from, LocalDate to) {

	public enum Type {
		MONTH, QUARTER, HALF, YEAR, STATUTORY_QUARTER, STATUTORY_HALF, STATUTORY_YEAR, CUSTOM
	}

	static final int MIN_YEAR = 2000;
	static final int MAX_YEAR = 2100;
	/** Longest custom range: ten years of months is still a small report. */
	static final long MAX_CUSTOM_DAYS = 3660;

	private static final Pattern CODE = Pattern
		.compile("(\\d{4})(?:-(\\d{1,2})|-Q(\\d)|-H(\\d))?(-statutory)?", Pattern.CASE_INSENSITIVE);
	private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.\\.|_)(\\d{4}-\\d{2}-\\d{2})");
	private static final MonthDay CUT_OFF_START = MonthDay.of(12, 15);

	/**
	 * Reads a period code: {@code 2026-03}, {@code 2026-Q1}, {@code 2026-H1}, {@code 2026},
	 * {@code 2026-Q1-statutory}, {@code 2026-H1-statutory}, {@code 2026-statutory}, or a custom range
	 * {@code 2026-01-05..2026-02-10}.
	 */
	/** A named period, or a custom range when only {@code from}/{@code to} (dates) are given. */
	public static ReportPeriod choose(String period, String from, String to) {
		boolean custom = (period == null || period.isBlank() || "custom".equalsIgnoreCase(period.strip()))
				&& (from != null && !from.isBlank() || to != null && !to.isBlank());
		return custom ? custom(vn.loaxa.web.Formats.parseDate(from), vn.loaxa.web.Formats.parseDate(to)) : parse(period);
	}

	public static ReportPeriod parse(String text) {
		if (text == null || text.isBlank()) {
			throw new UserError(400, "invalid_period", "report.error.periodMissing");
		}
		String value = text.strip();
		Matcher range = RANGE.matcher(value);
		if (range.matches()) {
			return custom(date(range.group(1)), date(range.group(2)));
		}
		Matcher m = CODE.matcher(value);
		if (!m.matches()) {
			throw invalid(value);
		}
		int year = Integer.parseInt(m.group(1));
		boolean statutory = m.group(5) != null;
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw invalid(value);
		}
		if (m.group(2) != null) {
			int month = Integer.parseInt(m.group(2));
			if (statutory || month < 1 || month > 12) {
				throw invalid(value);
			}
			YearMonth ym = YearMonth.of(year, month);
			return new ReportPeriod(ym.toString(), Type.MONTH, ym.atDay(1), ym.atEndOfMonth());
		}
		if (m.group(3) != null) {
			int quarter = Integer.parseInt(m.group(3));
			if (quarter < 1 || quarter > 4) {
				throw invalid(value);
			}
			return statutory ? statutory(year + "-Q" + quarter + "-statutory", Type.STATUTORY_QUARTER, year, quarter * 3 - 3, 3)
					: calendar(year + "-Q" + quarter, Type.QUARTER, year, quarter * 3 - 2, 3);
		}
		if (m.group(4) != null) {
			int half = Integer.parseInt(m.group(4));
			if (half < 1 || half > 2) {
				throw invalid(value);
			}
			return statutory ? statutory(year + "-H" + half + "-statutory", Type.STATUTORY_HALF, year, half * 6 - 6, 6)
					: calendar(year + "-H" + half, Type.HALF, year, half * 6 - 5, 6);
		}
		return statutory ? statutory(year + "-statutory", Type.STATUTORY_YEAR, year, 0, 12)
				: calendar(String.valueOf(year), Type.YEAR, year, 1, 12);
	}

	/** A custom range of local dates, both included. */
	public static ReportPeriod custom(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw new UserError(400, "invalid_period", "report.error.rangeMissing");
		}
		if (from.isAfter(to)) {
			throw new UserError(400, "invalid_period", "report.error.rangeReversed", from.toString(), to.toString());
		}
		if (from.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR || ChronoUnit.DAYS.between(from, to) > MAX_CUSTOM_DAYS) {
			throw new UserError(400, "invalid_period", "report.error.rangeTooLong", from.toString(), to.toString());
		}
		return new ReportPeriod(from + ".." + to, Type.CUSTOM, from, to);
	}

	/** A calendar period of {@code months} months starting with month {@code firstMonth} (1-based). */
	private static ReportPeriod calendar(String code, Type type, int year, int firstMonth, int months) {
		YearMonth first = YearMonth.of(year, firstMonth);
		return new ReportPeriod(code, type, first.atDay(1), first.plusMonths(months - 1).atEndOfMonth());
	}

	/**
	 * A statutory period: from the 15th of the month before the calendar period's first month (15/12
	 * of the year before for Q1, H1 and the year) to the 14th of its last month.
	 */
	private static ReportPeriod statutory(String code, Type type, int year, int monthsAfterDecember, int months) {
		LocalDate from = CUT_OFF_START.atYear(year - 1).plusMonths(monthsAfterDecember);
		LocalDate to = from.plusMonths(months).minusDays(1);
		return new ReportPeriod(code, type, from, to);
	}

	/** The first instant of the period in the commune's zone. */
	public Instant start(ZoneId zone) {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the period in the commune's zone. */
	public Instant end(ZoneId zone) {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** The calendar months the period touches, in order. */
	public List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/**
	 * Bucket bounds for counting by month: the period's start, the first instant of each month
	 * inside it, and the period's end.
	 */
	public List<Instant> monthBounds(ZoneId zone) {
		List<Instant> bounds = new ArrayList<>();
		bounds.add(start(zone));
		List<YearMonth> months = months();
		for (int i = 1; i < months.size(); i++) {
			bounds.add(months.get(i).atDay(1).atStartOfDay(zone).toInstant());
		}
		bounds.add(end(zone));
		return bounds;
	}

	/**
	 * How many months a per-month target is multiplied by: 1, 3, 6 or 12 for the named periods
	 * (statutory ones too); for a custom range, whole months plus one for a remainder of 15 days or more
	 * (at least one).
	 */
	public int monthCount() {
		return switch (type) {
			case MONTH -> 1;
			case QUARTER, STATUTORY_QUARTER -> 3;
			case HALF, STATUTORY_HALF -> 6;
			case YEAR, STATUTORY_YEAR -> 12;
			case CUSTOM -> {
				LocalDate end = to.plusDays(1);
				long whole = ChronoUnit.MONTHS.between(from, end);
				long rest = ChronoUnit.DAYS.between(from.plusMonths(whole), end);
				yield (int) Math.max(1, whole + (rest >= 15 ? 1 : 0));
			}
		};
	}

	/** The plan year whose targets the period is compared with: the year its last day falls in. */
	public int planYear() {
		return to.getYear();
	}

	/** The periods offered for a year, statutory ones first, then the calendar ones. */
	public static List<ReportPeriod> choices(int year) {
		List<String> codes = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			codes.add(year + "-Q" + q + "-statutory");
		}
		codes.add(year + "-H1-statutory");
		codes.add(year + "-statutory");
		for (int q = 1; q <= 4; q++) {
			codes.add(year + "-Q" + q);
		}
		codes.add(year + "-H1");
		codes.add(year + "-H2");
		codes.add(String.valueOf(year));
		for (int m = 1; m <= 12; m++) {
			codes.add(String.format("%d-%02d", year, m));
		}
		return codes.stream().map(ReportPeriod::parse).toList();
	}

	/** A file-name-safe form of the code, e.g. {@code 2026-Q1-statutory}. */
	public String fileStem() {
		return code.replace("..", "_");
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw invalid(text);
		}
	}

	private static UserError invalid(String value) {
		return new UserError(400, "invalid_period", "report.error.period", value.length() > 40 ? value.substring(0, 40)
				: value);
	}
}
