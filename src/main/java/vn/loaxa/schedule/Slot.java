package vn.loaxa.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import vn.loaxa.media.Topic;

/**
 * Khung giờ phát: a recurring window of a zone or group, at a start time for a length. When it
 * airs is its {@link SlotDays}; what fills it (topics, tunes) its {@link SlotFill}; where it was
 * written (file and line, for messages) its {@link SlotSource}.
 */
public record Slot(String target, String name, SlotDays when, LocalTime start, Duration length, SlotFill fill,
		SlotSource source) {

	public static final Duration MAX_LENGTH = Duration.ofHours(24);
	/** The longest slot name (the {@code schedule_slot.name} column). */
	public static final int MAX_NAME = 200;

	public Slot {
		when = when == null ? SlotDays.weekly(Set.of()) : when;
		fill = fill == null ? SlotFill.ANY : fill;
		source = source == null ? SlotSource.NONE : source;
	}

	/** Stable identity of a slot: its target and its name (names are unique per target). */
	public String key() {
		return target + "/" + name;
	}

	public Slot withHolidays(Set<LocalDate> calendar) {
		return new Slot(target, name, when.withHolidays(calendar), start, length, fill, source);
	}

	public Slot from(SlotSource where) {
		return new Slot(target, name, when, start, length, fill, where);
	}

	public boolean isWeekly() {
		return when.isWeekly();
	}

	/** Whether clips of the topic may fill the slot: never a relay slot's, which the station fills. */
	public boolean accepts(Topic topic) {
		return !isRelay() && fill.accepts(topic);
	}

	public boolean isValidOn(LocalDate date) {
		return when.isValidOn(date);
	}

	/** Whether the slot airs on that date (in the commune's calendar). */
	public boolean airsOn(LocalDate date) {
		return when.airsOn(date);
	}

	/** Whether a slot can still air at or after the given date. */
	public boolean hasFutureOn(LocalDate today) {
		return when.hasFutureOn(today);
	}

	public Set<DayOfWeek> days() {
		return when.days();
	}

	public SortedSet<LocalDate> dates() {
		return when.dates();
	}

	public LocalDate validFrom() {
		return when.validFrom();
	}

	public LocalDate validUntil() {
		return when.validUntil();
	}

	public SortedSet<LocalDate> except() {
		return when.except();
	}

	public Set<Topic> topics() {
		return fill.topics();
	}

	public String intro() {
		return fill.intro();
	}

	public String outro() {
		return fill.outro();
	}

	/** The relay's id when the slot relays a station instead of playing clips; null otherwise. */
	public String relay() {
		return fill.relay();
	}

	public boolean isRelay() {
		return fill.relay() != null;
	}

	public String file() {
		return source.file();
	}

	public int line() {
		return source.line();
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

	public String where() {
		return source.file() + ":" + source.line() + " «" + name + "»";
	}
}
