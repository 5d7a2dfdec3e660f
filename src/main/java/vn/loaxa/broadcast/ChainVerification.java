package vn.loaxa.broadcast;

/**
 * The result of checking the whole chain: intact, or the first record that does not match.
 * {@code problem} is a stable code: {@code content_changed}, {@code link_broken}, {@code record_missing},
 * {@code tail_missing}.
 */
public record ChainVerification(boolean intact, long recordsChecked, Long firstBrokenId, String problem,
		long millis) {
}
