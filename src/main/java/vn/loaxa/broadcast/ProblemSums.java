package vn.loaxa.broadcast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.loaxa.broadcast.AiringCounts.ProblemGroup;

/**
 * Records of the outcomes other than PLAYED counted by outcome and reason code, or by free-text
 * reason for a record without a code, as {@link AiringCounts} lists them: what the month totals,
 * the records after their mark and the records of part months add up. A record can be taken away
 * too (one counted at the mark and corrected since).
 */
final class ProblemSums {

	/**
	 * Most frequent first, then by outcome, code and reason, as the report lists them: a total order,
	 * so the figures signed are the same however the groups were summed.
	 */
	static final Comparator<ProblemGroup> ORDER = Comparator.comparingLong(ProblemGroup::count)
		.reversed()
		.thenComparing(p -> p.outcome().name())
		.thenComparing(p -> p.code() == null ? "" : p.code().code())
		.thenComparing(ProblemGroup::reason, Comparator.nullsFirst(Comparator.naturalOrder()));

	/** A group of the sums: the reason only when there is no code. */
	record Key(int bucket, Outcome outcome, Reason code, String reason) {
	}

	private final Map<Key, long[]> counts = new HashMap<>();

	/** Adds {@code n} records (negative: takes them away); the reason is kept only when there is no code. */
	void add(int bucket, Outcome outcome, Reason code, String reason, long n) {
		counts.computeIfAbsent(new Key(bucket, outcome, code, code == null ? reason : null), k -> new long[1])[0] += n;
	}

	void add(ProblemGroup g) {
		add(0, g.outcome(), g.code(), g.reason(), g.count());
	}

	Map<Key, long[]> counts() {
		return counts;
	}

	/** The groups of every bucket with records left, in the report's order. */
	List<ProblemGroup> groups() {
		Map<Key, long[]> merged = new HashMap<>();
		counts.forEach((k, n) -> merged.computeIfAbsent(new Key(0, k.outcome(), k.code(), k.reason()),
				x -> new long[1])[0] += n[0]);
		List<ProblemGroup> groups = new ArrayList<>();
		merged.forEach((k, n) -> {
			if (n[0] > 0) {
				groups.add(new ProblemGroup(k.outcome(), k.code(), k.reason(), n[0]));
			}
		});
		groups.sort(ORDER);
		return groups;
	}
}
