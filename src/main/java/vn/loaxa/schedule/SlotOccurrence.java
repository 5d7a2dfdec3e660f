package vn.loaxa.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One airing of a slot: the slot on one date, from its start (in the commune's zone) to its end. */
public record SlotOccurrence(Slot slot, LocalDate date, ZonedDateTime start) {

	public ZonedDateTime end() {
		return start.plus(slot.length());
	}

	public Instant startInstant() {
		return start.toInstant();
	}

	public Instant endInstant() {
		return end().toInstant();
	}

	public boolean covers(Instant at) {
		return !at.isBefore(startInstant()) && at.isBefore(endInstant());
	}
}
