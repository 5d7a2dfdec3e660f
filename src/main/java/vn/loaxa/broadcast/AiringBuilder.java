package vn.loaxa.broadcast;

import java.time.Instant;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * Builds an {@link Airing} with each time and duration named, so that a swap of two Instants or two
 * longs cannot slip into the signed chain; {@link #build()} refuses an airing that cannot be true.
 * Start with {@link Airing#of(String, String)}.
 */
public final class AiringBuilder {

	private final String zoneId;
	private final String slotName;
	private Long clipId;
	private String clipSha256;
	private String clipTitle;
	private ClipKind kind;
	private Topic topic;
	private Instant scheduledStart;
	private Instant actualStart;
	private Instant actualEnd;
	private long playedMs;
	private long dueMs;
	private Outcome outcome;
	private String reason;
	private Reason reasonCode;
	private String relay;
	private String relayUrl;
	private AirCheckRef airCheck;

	AiringBuilder(String zoneId, String slotName) {
		this.zoneId = zoneId;
		this.slotName = slotName;
	}

	/** The clip's fields, copied in at air time (all null on a slot-level record). */
	public AiringBuilder clip(Long id, String sha256, String title, ClipKind kind, Topic topic) {
		this.clipId = id;
		this.clipSha256 = sha256;
		this.clipTitle = title;
		this.kind = kind;
		this.topic = topic;
		return this;
	}

	/** The title alone: a relay's name on a relay record. */
	public AiringBuilder title(String title) {
		this.clipTitle = title;
		return this;
	}

	public AiringBuilder scheduled(Instant scheduledStart) {
		this.scheduledStart = scheduledStart;
		return this;
	}

	public AiringBuilder started(Instant actualStart) {
		this.actualStart = actualStart;
		return this;
	}

	public AiringBuilder ended(Instant actualEnd) {
		this.actualEnd = actualEnd;
		return this;
	}

	public AiringBuilder playedMs(long playedMs) {
		this.playedMs = playedMs;
		return this;
	}

	/** What was due to play: the record's {@code clipDurationMs}. */
	public AiringBuilder dueMs(long dueMs) {
		this.dueMs = dueMs;
		return this;
	}

	public AiringBuilder outcome(Outcome outcome) {
		this.outcome = outcome;
		return this;
	}

	/** The free-text detail (the record's {@code reason}). */
	public AiringBuilder reason(String detail) {
		this.reason = detail;
		return this;
	}

	public AiringBuilder reasonCode(Reason reasonCode) {
		this.reasonCode = reasonCode;
		return this;
	}

	/** The relay's id and the address that played (null when none did). */
	public AiringBuilder relay(String id, String url) {
		this.relay = id;
		this.relayUrl = url;
		return this;
	}

	public AiringBuilder airCheck(AirCheckRef airCheck) {
		this.airCheck = airCheck;
		return this;
	}

	/**
	 * The airing; refuses only what the log cannot hold (no zone, outcome or scheduled start) and
	 * durations below zero. A slot name may be missing (a crash leftover of an early release), and an
	 * end before its start is kept as it was measured (a wall clock stepped back): a record is never
	 * lost to a check.
	 */
	public Airing build() {
		require(zoneId != null && !zoneId.isBlank(), "an airing needs a zone");
		require(outcome != null, "an airing needs an outcome");
		require(scheduledStart != null, "an airing needs a scheduled start");
		require(playedMs >= 0, "playedMs must not be negative: " + playedMs);
		require(dueMs >= 0, "dueMs must not be negative: " + dueMs);
		return new Airing(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart, actualStart,
				actualEnd, playedMs, dueMs, outcome, reason, reasonCode, relay, relayUrl, airCheck);
	}

	private static void require(boolean holds, String message) {
		if (!holds) {
			throw new IllegalArgumentException(message);
		}
	}
}
