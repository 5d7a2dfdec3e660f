package vn.loaxa.schedule;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A slot as the API gives it: its key (target/name, for PUT and DELETE), the fields of
 * {@link SlotDraft} that POST and PUT take, its length in seconds and its next firing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SlotView(String key, @JsonUnwrapped SlotDraft slot, long lengthSeconds, Instant next) {

	static SlotView of(Slot s, Schedule schedule) {
		return new SlotView(s.key(), SlotDraft.of(s), s.length().toSeconds(), schedule.nextFire(s.key()).orElse(null));
	}
}
