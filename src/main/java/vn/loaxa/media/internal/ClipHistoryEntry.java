package vn.loaxa.media.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One line of a clip's history: who did what, when. */
@Table("clip_history")
public record ClipHistoryEntry(@Id Long id, long clipId, Instant at, String actor, String action, String detail) {

	public static ClipHistoryEntry of(long clipId, Instant at, String actor, String action, String detail) {
		return new ClipHistoryEntry(null, clipId, at, actor, action, detail == null ? null
				: detail.length() > 2000 ? detail.substring(0, 2000) : detail);
	}
}
