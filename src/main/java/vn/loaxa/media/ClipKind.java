package vn.loaxa.media;

/** Kind of clip, as counted in reports: tin, bài, phóng sự, khẩu hiệu, thông báo. */
public enum ClipKind {
	NEWS, ARTICLE, REPORTAGE, SLOGAN, ANNOUNCEMENT;

	public String messageKey() {
		return "kind." + name();
	}
}
