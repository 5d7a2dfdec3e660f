package vn.loaxa.media;

import java.time.LocalDate;

/**
 * What the uploader said about a file before import; any field may be null and is then
 * prefilled from the file's tags or name, or a default.
 */
public record ClipDraft(String title, ClipKind kind, Topic topic, Priority priority, LocalDate validFrom,
		LocalDate validUntil, String notes) {

	public static final ClipDraft EMPTY = new ClipDraft(null, null, null, null, null, null, null);
}
