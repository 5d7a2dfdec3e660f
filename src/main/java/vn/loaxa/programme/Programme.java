package vn.loaxa.programme;

import java.time.Instant;
import java.util.List;

import vn.loaxa.schedule.SlotOccurrence;

/**
 * Chương trình: what one slot airs on one date, in order, with planned start offsets. A late
 * start (within grace) gives a trimmed programme that fits what is left of the slot.
 */
public record Programme(SlotOccurrence occurrence, Instant start, long lengthMs, long pauseMs,
		List<ProgrammeItem> items, boolean trimmed) {

	public Programme {
		items = List.copyOf(items);
	}

	public List<ProgrammeItem> clips() {
		return items.stream().filter(ProgrammeItem::isClip).toList();
	}

	/** No clip to air: the slot is recorded as empty, which is not an error. */
	public boolean isEmpty() {
		return clips().isEmpty();
	}

	public long totalMs() {
		if (items.isEmpty()) {
			return 0;
		}
		ProgrammeItem last = items.get(items.size() - 1);
		return last.offsetMs() + last.durationMs();
	}

	public Instant plannedStart(ProgrammeItem item) {
		return start.plusMillis(item.offsetMs());
	}
}
