package vn.loaxa.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import vn.loaxa.config.UserError;

/** The UI's formats: dates dd/MM/yyyy, times HH:mm:ss in the commune's zone, durations mm:ss. */
public final class Formats {

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	/** Strict: 31/02/2026 is refused, not quietly read as 28/02/2026; 5/1/2026 is 05/01/2026. */
	private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);
	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private Formats() {
	}

	/** Reads a date typed as dd/MM/yyyy or sent as ISO yyyy-MM-dd; blank is null. */
	public static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			return readDate(value);
		}
		catch (DateTimeParseException e) {
			throw new UserError(400, "invalid_date", "import.error.invalid_date", value.length() > 40
					? value.substring(0, 40) : value);
		}
	}

	/**
	 * A date as typed (d/M/yyyy, strictly: 31/02/2026 is no date) or as ISO yyyy-MM-dd, for readers
	 * with their own way of telling a bad one (the plan files name the file and line).
	 */
	public static LocalDate readDate(String text) throws DateTimeParseException {
		String value = text.strip();
		return value.contains("/") ? LocalDate.parse(value, TYPED_DATE) : LocalDate.parse(value);
	}

	/** Reads an enum constant by name, case-insensitive; blank is null; unknown is a UserError. */
	public static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String code) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
			throw new UserError(400, code, "import.error." + code, shown);
		}
	}

	/** mm:ss, as the library shows durations: 00:07, 04:35, 75:00 for a long reportage. */
	public static String duration(long ms) {
		long seconds = Math.round(ms / 1000.0);
		return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
	}

	public static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	public static String dateTime(Instant instant, ZoneId zone) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
	}
}
