package vn.loaxa.media;

import java.time.LocalDate;

/** The editorial metadata an officer sets on a clip. Validated by {@link ClipLibrary}. */
public record ClipDetails(String title, ClipKind kind, Topic topic, Priority priority, LocalDate validFrom,
		LocalDate validUntil, String notes) {
}
