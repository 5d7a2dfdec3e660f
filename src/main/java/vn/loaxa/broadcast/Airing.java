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
		return of(zoneId, slotName).scheduled(scheduledStart).outcome(outcome).reason(reason).reasonCode(reasonCode)
			.build();
	}

	/** A builder of an airing in this zone and slot: each time and duration is set by name. */
	public static AiringBuilder of(String zoneId, String slotName) {
		return new AiringBuilder(zoneId, slotName);
	}

	/** A builder holding this airing's fields, to make a changed copy. */
	public AiringBuilder toBuilder() {
		return of(zoneId, slotName).clip(clipId, clipSha256, clipTitle, kind, topic)
			.scheduled(scheduledStart)
			.started(actualStart)
			.ended(actualEnd)
			.playedMs(playedMs)
			.dueMs(clipDurationMs)
			.outcome(outcome)
			.reason(reason)
			.reasonCode(reasonCode)
			.relay(relay, relayUrl)
			.airCheck(airCheck);
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
