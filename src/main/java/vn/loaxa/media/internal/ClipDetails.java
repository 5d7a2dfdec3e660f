package vn.loaxa.media.internal;

import java.time.LocalDate;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;

/** The editorial metadata an officer sets on a clip. Validated by {@link ClipLibrary}. */
public record ClipDetails(String title, ClipKind kind, Topic topic, Priority priority, LocalDate validFrom,
		LocalDate validUntil, String notes) {
}
