package vn.loaxa.media;

/** Thường, ưu tiên, khẩn cấp. Declared from most to least urgent: the queue sorts by it. */
public enum Priority {
	EMERGENCY, HIGH, NORMAL;

	public String messageKey() {
		return "priority." + name();
	}
}
