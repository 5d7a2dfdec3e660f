package vn.loaxa.broadcast;

import java.time.Instant;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** What the log page shows: records scheduled in [from, to), optionally of one zone, topic, kind, outcome. */
public record LogFilter(Instant from, Instant to, String zoneId, Topic topic, ClipKind kind, Outcome outcome) {

	public LogFilter {
		if (from == null || to == null) {
			throw new IllegalArgumentException("a log filter needs a time range");
		}
		zoneId = zoneId == null || zoneId.isBlank() ? null : zoneId.strip();
	}
}
