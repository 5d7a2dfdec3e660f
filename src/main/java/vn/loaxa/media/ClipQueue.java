package vn.loaxa.media;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Approved clips that may air on a date, in the order they will be taken: khẩn cấp before ưu tiên
 * before thường, then the least-aired, then the oldest.
 */
public record ClipQueue(LocalDate date, List<Clip> clips) {

	static final Comparator<Clip> TAKING_ORDER = Comparator.comparing(Clip::getPriority)
		.thenComparingInt(Clip::getAirCount)
		.thenComparing(Clip::getUploadedAt)
		.thenComparing(Clip::getId);

	public long totalMs() {
		return clips.stream().mapToLong(Clip::getDurationMs).sum();
	}

	public double totalMinutes() {
		return Math.round(totalMs() / 600.0) / 100.0;
	}
}
