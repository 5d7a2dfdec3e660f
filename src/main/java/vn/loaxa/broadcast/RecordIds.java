package vn.loaxa.broadcast;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first and last record id of each bucket (a month, when the totals are folded), widened record
 * by record. Widening is idempotent, so a record seen twice (in the totals and after their mark)
 * changes nothing.
 */
final class RecordIds {

	private final Map<Integer, long[]> ids = new HashMap<>();

	void add(int bucket, long id) {
		widen(bucket, id, id);
	}

	void widen(int bucket, long first, long last) {
		long[] range = ids.computeIfAbsent(bucket, b -> new long[] { first, last });
		range[0] = Math.min(range[0], first);
		range[1] = Math.max(range[1], last);
	}

	void widen(Optional<BroadcastLog.IdRange> range) {
		range.ifPresent(r -> widen(0, r.firstId(), r.lastId()));
	}

	Map<Integer, long[]> byBucket() {
		return ids;
	}

	/** From the first id of any bucket to the last; empty when no record was seen. */
	Optional<BroadcastLog.IdRange> all() {
		return ids.values()
			.stream()
			.reduce((a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) })
			.map(r -> new BroadcastLog.IdRange(r[0], r[1]));
	}
}
