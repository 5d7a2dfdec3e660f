package vn.loaxa.broadcast;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * What playout reports about one clip in one zone. The clip's fields are copied in at air time,
 * so the evidence stands on its own even if the clip is later edited or archived. Clip fields are
 * null for a record about a slot as a whole (a MISSED or empty slot); actual times are null when
 * nothing played. Times are kept to the millisecond. {@code reasonCode} says why a record is not
 * PLAYED (null on PLAYED records and on those written before reason codes existed). {@code relay} and
 * {@code relayUrl}: the relay's id and the address that played, on a record of a relay slot (tiếp sóng),
 * whose {@code clipTitle} is the relay's name; null otherwise. {@code airCheck}: the compressed file of what
 * the channel wrote (a relay, a live announcement) and its SHA-256; null when none was kept.
 */
public record Airing(String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle, ClipKind kind,
		Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd, long playedMs,
		long clipDurationMs, Outcome outcome, String reason, Reason reasonCode, String relay, String relayUrl,
		AirCheckRef airCheck) {

	/** An airing without an air-check. */
	public Airing(String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle, ClipKind kind,
			Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd, long playedMs,
			long clipDurationMs, Outcome outcome, String reason, Reason reasonCode, String relay, String relayUrl) {
		this(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart, actualStart, actualEnd,
				playedMs, clipDurationMs, outcome, reason, reasonCode, relay, relayUrl, null);
	}

	/** An airing of clips (no relay). */
	public Airing(String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle, ClipKind kind,
			Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd, long playedMs,
			long clipDurationMs, Outcome outcome, String reason, Reason reasonCode) {
		this(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart, actualStart, actualEnd,
				playedMs, clipDurationMs, outcome, reason, reasonCode, null, null);
	}

	/** An airing whose outcome needs no reason code (PLAYED, or a record of the first release). */
	public Airing(String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle, ClipKind kind,
			Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd, long playedMs,
			long clipDurationMs, Outcome outcome, String reason) {
		this(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart, actualStart, actualEnd,
				playedMs, clipDurationMs, outcome, reason, null);
	}

	public Airing {
		if (zoneId == null || zoneId.isBlank() || scheduledStart == null || outcome == null) {
			throw new IllegalArgumentException("an airing needs a zone, a scheduled start and an outcome");
		}
		scheduledStart = millis(scheduledStart);
		actualStart = millis(actualStart);
		actualEnd = millis(actualEnd);
		if (reason != null && reason.length() > 1000) {
			reason = reason.substring(0, 1000);
		}
	}

	/** A record about a slot as a whole in one zone (nothing of it aired): no clip, no actual times. */
	public static Airing slotLevel(String zoneId, String slotName, Instant scheduledStart, Outcome outcome, String reason,
			Reason reasonCode) {
		return new Airing(zoneId, slotName, null, null, null, null, null, scheduledStart, null, null, 0, 0, outcome, reason,
				reasonCode);
	}

	private static Instant millis(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
	}

	/** The same airing carrying this air-check (null: none). */
	public Airing withAirCheck(AirCheckRef check) {
		return new Airing(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart, actualStart,
				actualEnd, playedMs, clipDurationMs, outcome, reason, reasonCode, relay, relayUrl, check);
	}

	/** Started within {@code toleranceSeconds} of its scheduled start. */
	public boolean onTime(long toleranceSeconds) {
		return actualStart != null
				&& Math.abs(actualStart.toEpochMilli() - scheduledStart.toEpochMilli()) <= toleranceSeconds * 1000;
	}
}
