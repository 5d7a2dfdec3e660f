package vn.loaxa.broadcast;

/**
 * What happened to one clip in one zone. Only PLAYED counts as an airing in reports; the others
 * are counted apart, with their reasons.
 */
public enum Outcome {
	/** Aired in full. */
	PLAYED,
	/** Aired in part: trimmed to the slot's end after a late start, or skipped by the operator. */
	PARTIAL,
	/** Cut off by a power cut, a crash, a stop or an emergency broadcast. */
	INTERRUPTED,
	/** Not aired: the PC was off or busy past the grace window. */
	MISSED,
	/** Not aired: the file had vanished or could not be read, or the line failed. */
	FAILED;

	public String messageKey() {
		return "outcome." + name();
	}
}
