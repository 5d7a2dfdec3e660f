package vn.loaxa.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a slot airs: on days of the week, or on listed one-off dates; off on its own excepted dates
 * and on holidays of the calendar (holidays do not cancel an explicitly listed date), and only
 * between valid from/until.
 */
public record SlotDays(Set<DayOfWeek> days, SortedSet<LocalDate> dates, LocalDate validFrom, LocalDate validUntil,
		SortedSet<LocalDate> except, Set<LocalDate> holidays) {

	public SlotDays {
		days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
		dates = Collections.unmodifiableSortedSet(dates == null ? new TreeSet<>() : new TreeSet<>(dates));
		except = Collections.unmodifiableSortedSet(except == null ? new TreeSet<>() : new TreeSet<>(except));
		holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
	}

	/** Every week on these days, always valid, no exceptions. */
	public static SlotDays weekly(Set<DayOfWeek> days) {
		return new SlotDays(days, null, null, null, null, null);
	}

	public SlotDays between(LocalDate from, LocalDate until) {
		return new SlotDays(days, dates, from, until, except, holidays);
	}

	SlotDays withHolidays(Set<LocalDate> calendar) {
		return new SlotDays(days, dates, validFrom, validUntil, except, calendar);
	}

	public boolean isWeekly() {
		return !days.isEmpty();
	}

	public boolean isValidOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
	}

	public boolean airsOn(LocalDate date) {
		if (!isValidOn(date) || except.contains(date)) {
			return false;
		}
		if (dates.contains(date)) {
			return true;
		}
		return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
	}

	public boolean hasFutureOn(LocalDate today) {
		if (validUntil != null && validUntil.isBefore(today)) {
			return false;
		}
		return isWeekly() || (!dates.isEmpty() && !dates.last().isBefore(today));
	}
}
