package vn.loaxa.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import vn.loaxa.web.Formats;

/**
 * The values of the plan files as people write them: start times ("05:30"), lengths (15m, 1h30m),
 * weekdays (MON, T2, CN, daily), dates (2026-09-02 or 02/09/2026, strictly, as {@link Formats#readDate} reads them) and tune files in
 * {@code media/}. A bad value is added to the reader's errors and read as null.
 */
final class PlanValues {

	private static final Pattern LENGTH = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

	private final PlanNodes nodes;
	private final List<PlanError> errors;
	private final Path mediaDir;

	PlanValues(PlanNodes nodes, List<PlanError> errors, Path mediaDir) {
		this.nodes = nodes;
		this.errors = errors;
		this.mediaDir = mediaDir;
	}

	LocalTime time(String file, Node node) {
		String value = nodes.scalar(file, node);
		if (value == null) {
			return null;
		}
		String v = value.trim();
		if (v.matches("24:00(:00)?")) {
			errors.add(nodes.error(file, node, "start24", v));
			return null;
		}
		try {
			if (!v.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
				throw new DateTimeParseException(v, v, 0);
			}
			return LocalTime.parse(v.length() == 4 || v.length() == 7 ? "0" + v : v);
		}
		catch (DateTimeParseException e) {
			errors.add(nodes.error(file, node, "start", v));
			return null;
		}
	}

	Duration length(String file, Node node, boolean zeroAllowed) {
		String value = nodes.scalar(file, node);
		if (value == null) {
			return null;
		}
		Duration length = parseLength(value);
		if (length == null) {
			errors.add(nodes.error(file, node, "length", value));
			return null;
		}
		if ((!zeroAllowed && length.isZero()) || length.compareTo(Slot.MAX_LENGTH) > 0) {
			errors.add(nodes.error(file, node, "lengthRange", value));
			return null;
		}
		return length;
	}

	/** {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m}, or ISO-8601 {@code PT15M}. */
	static Duration parseLength(String text) {
		String v = text.trim().toLowerCase(Locale.ROOT);
		if (v.startsWith("pt")) {
			try {
				Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
				return d.isNegative() ? null : d;
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		Matcher m = LENGTH.matcher(v);
		if (v.isEmpty() || !m.matches()) {
			return null;
		}
		long seconds = 0;
		seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
		seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
		seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
		return Duration.ofSeconds(seconds);
	}

	Set<DayOfWeek> days(String file, Node node) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (node == null) {
			return days;
		}
		if (node instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("daily")) {
			return EnumSet.allOf(DayOfWeek.class);
		}
		for (Node d : nodes.list(file, node)) {
			String value = nodes.scalar(file, d);
			DayOfWeek day = day(value);
			if (day == null) {
				errors.add(nodes.error(file, d, "day", value));
			}
			else {
				days.add(day);
			}
		}
		return days;
	}

	static DayOfWeek day(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim().toUpperCase(Locale.ROOT);
		for (DayOfWeek d : DayOfWeek.values()) {
			if (d.name().startsWith(v) && v.length() >= 2) {
				return d;
			}
		}
		return switch (v) {
			case "T2" -> DayOfWeek.MONDAY;
			case "T3" -> DayOfWeek.TUESDAY;
			case "T4" -> DayOfWeek.WEDNESDAY;
			case "T5" -> DayOfWeek.THURSDAY;
			case "T6" -> DayOfWeek.FRIDAY;
			case "T7" -> DayOfWeek.SATURDAY;
			case "CN" -> DayOfWeek.SUNDAY;
			default -> null;
		};
	}

	TreeSet<LocalDate> dates(String file, Node node) {
		TreeSet<LocalDate> dates = new TreeSet<>();
		if (node != null) {
			for (Node d : nodes.list(file, node)) {
				LocalDate date = date(file, d);
				if (date != null) {
					dates.add(date);
				}
			}
		}
		return dates;
	}

	LocalDate date(String file, Node node) {
		String value = nodes.scalar(file, node);
		if (value == null) {
			return null;
		}
		try {
			return Formats.readDate(value);
		}
		catch (DateTimeParseException e) {
			errors.add(nodes.error(file, node, "date", value));
			return null;
		}
	}

	String tune(String file, Node node) {
		String value = nodes.scalar(file, node);
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim();
		if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.length() > 200
				|| name.chars().anyMatch(Character::isISOControl)) {
			// a path, an over-long name or a control character (NUL) cannot name a file in media/
			errors.add(nodes.error(file, node, "tune", name.length() > 40 ? name.substring(0, 40) + "…" : name));
			return null;
		}
		if (mediaDir != null && !Files.isRegularFile(mediaDir.resolve(name))) {
			errors.add(nodes.error(file, node, "tune", name));
			return null;
		}
		return name;
	}
}
