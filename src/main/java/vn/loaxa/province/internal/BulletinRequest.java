package vn.loaxa.province.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;

/**
 * A bulletin as the province's officer typed it (form or API), every field a string until
 * {@link #check} reads it: each bad value is refused with its field named, before anything is stored.
 */
public record BulletinRequest(String title, String level, String kind, String topic, List<String> communes,
		String validFrom, String validUntil, String repeat, List<String> groups) {

	/** The shortest gap between two airings of a repeated EMERGENCY bulletin. */
	static final Duration MIN_REPEAT = Duration.ofMinutes(5);
	private static final Pattern SHORT = Pattern.compile("(\\d{1,4})\\s*(s|m|h|d)");

	/** The request read: what the hub signs and sends. */
	public record Checked(String title, Priority level, ClipKind kind, Topic topic, List<String> communes,
			BulletinManifest.Validity validity, List<String> groups) {
	}

	public Checked check(Instant now, ZoneId zone, Set<String> enrolled, boolean titleFromFile) {
		String name = title == null ? "" : title.strip();
		if (name.length() > 300 || (name.isEmpty() && !titleFromFile)) {
			throw new UserError(400, "bad_title", "bulletin.error.title").withField("title");
		}
		Priority lvl = parse(Priority.class, level, "level", null);
		if (lvl == null) {
			throw new UserError(400, "bad_level", "bulletin.error.level").withField("level");
		}
		Instant from = instant(validFrom, zone, "validFrom", false);
		Instant until = instant(validUntil, zone, "validUntil", true);
		from = from == null ? now : from;
		if (until == null && lvl == Priority.EMERGENCY) {
			throw new UserError(400, "valid_until_required", "bulletin.error.untilRequired").withField("validUntil");
		}
		if (until != null && (!until.isAfter(from) || !until.isAfter(now))) {
			throw new UserError(400, "bad_validity", "bulletin.error.validity").withField("validUntil");
		}
		Long every = repeatSeconds(lvl);
		return new Checked(name.isEmpty() ? null : name, lvl, parse(ClipKind.class, kind, "kind", ClipKind.ANNOUNCEMENT),
				parse(Topic.class, topic, "topic", Topic.OTHER), targets(enrolled),
				new BulletinManifest.Validity(from, until, every), zoneGroups());
	}

	private Long repeatSeconds(Priority lvl) {
		if (repeat == null || repeat.isBlank()) {
			return null;
		}
		if (lvl != Priority.EMERGENCY) {
			throw new UserError(400, "repeat_not_emergency", "bulletin.error.repeatLevel").withField("repeat");
		}
		Duration every = duration(repeat.strip().toLowerCase(Locale.ROOT));
		if (every == null || every.compareTo(MIN_REPEAT) < 0 || every.compareTo(Duration.ofDays(7)) > 0) {
			throw new UserError(400, "bad_repeat", "bulletin.error.repeat", repeat.strip()).withField("repeat");
		}
		return every.toSeconds();
	}

	private static Duration duration(String text) {
		Matcher m = SHORT.matcher(text);
		if (m.matches()) {
			long n = Long.parseLong(m.group(1));
			return switch (m.group(2)) {
				case "s" -> Duration.ofSeconds(n);
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				default -> Duration.ofDays(n);
			};
		}
		try {
			return Duration.parse(text.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** The zone groups named (each commune's own ids, e.g. toan-xa), to be resolved at each commune. */
	private List<String> zoneGroups() {
		List<String> named = ids(groups);
		for (String id : named) {
			if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
				throw new UserError(400, "bad_groups", "bulletin.error.groups", id).withField("groups");
			}
		}
		return named;
	}

	private static List<String> ids(List<String> entries) {
		Set<String> named = new LinkedHashSet<>();
		for (String entry : entries == null ? List.<String>of() : entries) {
			if (entry != null) {
				Arrays.stream(entry.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(named::add);
			}
		}
		return List.copyOf(named);
	}

	/** The communes named (ids, one per entry or comma-separated), each enrolled; none named: all. */
	private List<String> targets(Set<String> enrolled) {
		List<String> named = ids(communes);
		for (String id : named) {
			if (!enrolled.contains(id)) {
				throw new UserError(400, "unknown_commune", "bulletin.error.commune", id).withField("communes");
			}
		}
		List<String> chosen = new ArrayList<>(named.isEmpty() ? enrolled : named);
		if (chosen.isEmpty()) {
			throw new UserError(400, "no_communes", "bulletin.error.noCommunes").withField("communes");
		}
		return chosen;
	}

	/** An ISO date-time with offset ({@code 2026-03-03T18:00:00+07:00}) or a date (its start, or the end of it). */
	private static Instant instant(String text, ZoneId zone, String field, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException e) {
			// the form's datetime-local: commune (province) time
			try {
				return java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				// a date alone: its start, or for an end the end of that day
			}
			try {
				LocalDate day = LocalDate.parse(t);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException e2) {
				throw new UserError(400, "bad_" + field, "bulletin.error.dateTime", t).withField(field);
			}
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, E fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new UserError(400, "bad_" + field, "bulletin.error." + field, text.strip()).withField(field);
		}
	}
}
