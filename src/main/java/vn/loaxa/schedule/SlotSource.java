package vn.loaxa.schedule;

/** Where a slot was written: its plan file and line (0 for one made in a form or by the API before it has a place). */
public record SlotSource(String file, int line) {

	public static final SlotSource NONE = new SlotSource(null, 0);
}
