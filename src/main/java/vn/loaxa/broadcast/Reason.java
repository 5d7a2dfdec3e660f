package vn.loaxa.broadcast;

import java.util.Locale;

/**
 * Why a zone did not air (all or part of) what was due: kept with each non-PLAYED record beside
 * the free-text detail, counted by reports, shown in Vietnamese ({@code reason.<code>}).
 */
public enum Reason {
	/** The programme could not be built from the queue. */
	NO_PROGRAMME,
	/** The queue had no clip the slot could air (none approved, valid, of its topics, or short enough). */
	EMPTY_QUEUE,
	/** The channel's line or file sink could not be opened. */
	SINK_UNAVAILABLE,
	/** Writing to the line or file failed while the programme played. */
	WRITE_FAILED,
	/** The zone's loudspeaker switch (relay, gateway) failed. */
	SWITCH_FAILED,
	/** The clip's file had vanished or could not be read. */
	CLIP_UNREADABLE,
	/** The PC was off or asleep at the slot's start and past the grace window. */
	PC_OFF,
	/** The slot could not start within the grace window (the PC or its channel was busy). */
	BUSY_PAST_GRACE,
	/** The slot was saved (created or edited) after its start, past the grace window. */
	SAVED_LATE,
	/** A crash or power cut cut it. */
	CRASH,
	/** An operator stopped it. */
	STOPPED,
	/** Phát ngay took the channel. */
	PLAY_NOW,
	/** A live announcement (Phát trực tiếp) took the channel. */
	LIVE,
	/** LoaXa was shut down while it played. */
	SHUTDOWN,
	/** The operator skipped it. */
	SKIPPED,
	/** An EMERGENCY bulletin of the province took the channel. */
	EMERGENCY,
	/** A bulletin of the province reached this PC after its validity ended. */
	EXPIRED,
	/** No address of a relay (tiếp sóng) gave sound in the whole slot. */
	STREAM_UNAVAILABLE,
	/** A relay's stream stopped giving sound (no data, the decoder ended) and was reconnected. */
	STREAM_LOST,
	/** A relay's stream gave only silence (below {@code loaxa.relay.silence-level}) for {@code loaxa.relay.silence}. */
	SILENCE;

	/** The value on the API and in files: {@code sink_unavailable}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "reason." + code();
	}

	public static Reason ofCode(String code) {
		return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
	}
}
