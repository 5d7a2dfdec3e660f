package vn.loaxa.media;

/** Where a clip is in its life: waiting for approval, approved for air, rejected, or archived. */
public enum ClipStatus {
	PENDING, APPROVED, REJECTED, ARCHIVED;

	public String messageKey() {
		return "status." + name();
	}
}
