package vn.loaxa.broadcast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a report's buckets are whole months in the commune's time zone, and so can be read from
 * the {@link MonthTotals}; the others (the statutory periods' 15th–14th, a custom range's ends) are
 * counted from the records, run by run.
 */
final class WholeMonths {

	/** Buckets {@code firstBucket} on that are not whole months, with their bounds. */
	record PartRun(int firstBucket, List<Instant> bounds) {
	}

	/** For each bucket, its month index ({@link MonthTotals#monthIndex}); -1 when it is not a whole month. */
	private final int[] months;
	private final Map<Integer, Integer> bucketOfMonth = new HashMap<>();
	private final MonthTotals totals;

	private WholeMonths(int[] months, MonthTotals totals) {
		this.months = months;
		this.totals = totals;
		for (int i = 0; i < months.length; i++) {
			if (months[i] >= 0) {
				bucketOfMonth.put(months[i], i);
			}
		}
	}

	/**
	 * Bucket {@code i} is [bounds[i], bounds[i+1]); it is a whole month when it runs from a month's
	 * first instant to the next month's in the commune's time zone.
	 */
	static WholeMonths of(List<Instant> bounds, MonthTotals totals) {
		int[] months = new int[bounds.size() - 1];
		for (int i = 0; i < months.length; i++) {
			int month = totals.monthIndex(bounds.get(i));
			boolean whole = bounds.get(i).equals(totals.monthStart(month))
					&& bounds.get(i + 1).equals(totals.monthStart(month + 1));
			months[i] = whole ? month : -1;
		}
		return new WholeMonths(months, totals);
	}

	boolean none() {
		return bucketOfMonth.isEmpty();
	}

	int first() {
		return Arrays.stream(months).filter(m -> m >= 0).min().orElse(-1);
	}

	int last() {
		return Arrays.stream(months).max().orElse(-1);
	}

	/** The bucket that is this whole month; -1 when none is. */
	int bucketOf(int month) {
		return bucketOfMonth.getOrDefault(month, -1);
	}

	/** The bucket of the whole month this instant lies in; -1 when that month is no bucket. */
	int bucketOf(Instant at) {
		return bucketOf(totals.monthIndex(at));
	}

	/** Each run of buckets that are not whole months. */
	List<PartRun> partRuns(List<Instant> bounds) {
		List<PartRun> runs = new ArrayList<>();
		for (int i = 0; i < months.length; i++) {
			int from = i;
			while (i < months.length && months[i] < 0) {
				i++;
			}
			if (i > from) {
				runs.add(new PartRun(from, bounds.subList(from, i + 1)));
			}
		}
		return runs;
	}
}
