package vn.loaxa.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import vn.loaxa.media.Topic;

/**
 * Khung giờ phát: a recurring window of a zone or group. It recurs on days of the week, or on
 * listed one-off dates; it is off on its own excepted dates and on holidays of the calendar
 * (holidays do not cancel an explicitly listed date), and only between valid from/until.
 */
public record Slot(String target, String name, Set<DayOfWeek> days, SortedSet<LocalDate> dates, LocalTime start,
		Duration length, Set<Topic> topics, String intro, String outro, LocalDate validFrom, LocalDate validUntil,
		SortedSet<LocalDate> except, Set<LocalDate> holidays, String file, int line) {

	public static final Duration MAX_LENGTH = Duration.ofHours(24);
	/** The longest slot name (the {@code schedule_slot.name} column). */
	public static final int MAX_NAME = 200;

	public Slot {
		days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
		dates = Collections.unmodifiableSortedSet(dates == null ? new TreeSet<>() : new TreeSet<>(dates));
		topics = topics == null || topics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
		except = Collections.unmodifiableSortedSet(except == null ? new TreeSet<>() : new TreeSet<>(except));
		holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
	}

	/** Stable identity of a slot: its target and its name (names are unique per target). */
	public String key() {
		return target + "/" + name;
	}

	public boolean isWeekly() {
		return !days.isEmpty();
	}

	public boolean accepts(Topic topic) {
		return topics.isEmpty() || topics.contains(topic);
	}

	public Slot withHolidays(Set<LocalDate> calendar) {
		return new Slot(target, name, days, dates, start, length, topics, intro, outro, validFrom, validUntil, except,
				calendar, file, line);
	}

	public boolean isValidOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
	}

	/** Whether the slot airs on that date (in the commune's calendar). */
	public boolean airsOn(LocalDate date) {
		if (!isValidOn(date) || except.contains(date)) {
			return false;
		}
		if (dates.contains(date)) {
			return true;
		}
		return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
	}

	/** Occurrences starting in [from, to), in the zone of {@code from}. */
	public List<SlotOccurrence> occurrencesBetween(ZonedDateTime from, ZonedDateTime to) {
		List<SlotOccurrence> result = new ArrayList<>();
		ZonedDateTime end = to.withZoneSameInstant(from.getZone());
		for (LocalDate date = from.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
			if (airsOn(date)) {
				ZonedDateTime at = ZonedDateTime.of(date, start, from.getZone());
				if (!at.isBefore(from) && at.isBefore(end)) {
					result.add(new SlotOccurrence(this, date, at));
				}
			}
		}
		return result;
	}

	/** Whether a slot can still air at or after the given date. */
	public boolean hasFutureOn(LocalDate today) {
		if (validUntil != null && validUntil.isBefore(today)) {
			return false;
		}
		return isWeekly() || (!dates.isEmpty() && !dates.last().isBefore(today));
	}

	public String where() {
		return file + ":" + line + " «" + name + "»";
	}
}
