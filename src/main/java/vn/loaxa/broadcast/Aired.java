package vn.loaxa.broadcast;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * PLAYED airings of one clip as they are counted: what a report's figures are summed from, on the
 * commune's PC ({@link AiringCounts.PlayedGroup}) and at the province's hub alike.
 */
public interface Aired {

	/** What makes the clip distinct among those summed; null for airings of no clip. */
	String clipKey();

	/**
	 * What tells the clip apart when counting distinct clips: {@link #clipKey} unless a cheaper value
	 * that is equal exactly when the keys are (a report counts ~100,000 groups of a year several times).
	 */
	default Object clipIdentity() {
		return clipKey();
	}

	/** A clip's key: its id, or its SHA-256 when it has none (a clip gone from the library); null for neither. */
	static String clipKey(Long clipId, String clipSha256) {
		return clipId != null ? "id:" + clipId : clipSha256 != null ? "sha:" + clipSha256 : null;
	}

	ClipKind kind();

	Topic topic();

	long airings();

	long playedMs();

	/** Of the airings, those that started within a minute of their scheduled time. */
	long onTime();
}
