package vn.loaxa.broadcast;

import java.time.Instant;
import java.util.List;

/**
 * One page of the log, oldest first, with keyset cursors (scheduled start, id) to the next and
 * previous pages; a cursor is null where there is no such page.
 */
public record LogPage(List<Entry> entries, Cursor next, Cursor previous) {

	/** A record and, if a later correction replaces it, that correction's id. */
	public record Entry(BroadcastRecord record, Long correctedBy) {

		/** Seconds the actual start was after (positive) or before (negative) the schedule; null if none. */
		public Long offsetSeconds() {
			Airing a = record.airing();
			return a.actualStart() == null ? null
					: Math.round((a.actualStart().toEpochMilli() - a.scheduledStart().toEpochMilli()) / 1000.0);
		}
	}

	/** A position in the log's (scheduled start, id) order. */
	public record Cursor(Instant scheduledStart, long id) {

		/** As a URL parameter: epoch millis and id, e.g. {@code 1767225600000_42}. */
		public String token() {
			return scheduledStart.toEpochMilli() + "_" + id;
		}

		/** Reads a token; null if it is missing or malformed (then paging starts over). */
		public static Cursor parse(String token) {
			if (token == null || !token.matches("-?\\d{1,15}_\\d{1,18}")) {
				return null;
			}
			String[] parts = token.split("_");
			return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
		}
	}
}
