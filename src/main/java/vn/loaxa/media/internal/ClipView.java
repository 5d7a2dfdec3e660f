package vn.loaxa.media.internal;

import java.time.Instant;
import java.time.LocalDate;

import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipSource;
import vn.loaxa.media.ClipStatus;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;

/** A clip as the API shows it. */
public record ClipView(long id, String title, ClipKind kind, Topic topic, Priority priority, ClipStatus status,
		long durationMs, String sha256, LocalDate validFrom, LocalDate validUntil, String format, Double loudnessLufs,
		double gainDb, int airCount, String originalName, String uploadedBy, Instant uploadedAt, String reviewedBy,
		String rejectReason, String notes, String text, ClipSource source, Long bulletinId, Priority level,
		Boolean duplicate) {

	public static ClipView of(Clip clip, Boolean duplicate) {
		return new ClipView(clip.getId(), clip.getTitle(), clip.getKind(), clip.getTopic(), clip.getPriority(),
				clip.getStatus(), clip.getDurationMs(), clip.getSha256(), clip.getValidFrom(), clip.getValidUntil(),
				clip.getFormat(), clip.getLoudnessLufs(), clip.getGainDb(), clip.getAirCount(), clip.getOriginalName(),
				clip.getUploadedBy(), clip.getUploadedAt(), clip.getReviewedBy(), clip.getRejectReason(),
				clip.getNotes(), clip.getText(), clip.getSource(), clip.getBulletinId(),
				clip.getSource() == ClipSource.PROVINCE ? clip.getPriority() : null, duplicate);
	}
}
