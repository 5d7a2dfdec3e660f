package vn.loaxa.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.loaxa.media.Clip;
import vn.loaxa.schedule.Slot;

/**
 * How a slot is filled, in one place: pinned clips first, then the queue's taking order (khẩn
 * cấp, ưu tiên, thường; then the least-aired; then the oldest), only clips whose topic the slot
 * accepts and that are not dropped for the date, each at most once, as many as fit: intro, clips
 * and outro with the pause between each two never overrun the length. A clip longer than the
 * length is never started. Without any clip, no tunes either: the slot is empty.
 */
final class ProgrammeFiller {

	private ProgrammeFiller() {
	}

	static List<Clip> choose(List<Clip> queue, Slot slot, Set<Long> pinned, Set<Long> dropped, long lengthMs,
			long pauseMs, long introMs, long outroMs, Map<Long, Integer> airedMeanwhile) {
		Comparator<Clip> order = Comparator.<Clip, Boolean>comparing(c -> !pinned.contains(c.getId()))
			.thenComparing(Clip::getPriority)
			.thenComparingInt(c -> c.getAirCount() + airedMeanwhile.getOrDefault(c.getId(), 0))
			.thenComparing(Clip::getUploadedAt)
			.thenComparing(Clip::getId);
		List<Clip> candidates = queue.stream()
			.filter(c -> !dropped.contains(c.getId()))
			.filter(c -> pinned.contains(c.getId()) || slot.accepts(c.getTopic()))
			.sorted(order)
			.toList();
		List<Clip> chosen = new ArrayList<>();
		Set<Long> taken = new HashSet<>();
		long clipsMs = 0;
		for (Clip clip : candidates) {
			if (!taken.add(clip.getId()) || clip.getDurationMs() > lengthMs) {
				continue;
			}
			int items = chosen.size() + 1 + (introMs > 0 ? 1 : 0) + (outroMs > 0 ? 1 : 0);
			long total = introMs + outroMs + clipsMs + clip.getDurationMs() + pauseMs * (items - 1);
			if (total <= lengthMs) {
				chosen.add(clip);
				clipsMs += clip.getDurationMs();
			}
		}
		return chosen;
	}
}
