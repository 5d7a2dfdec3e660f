package vn.loaxa.report;

/** What a plan target counts: distinct clips aired (số tin, bài) or airings (lượt phát). */
public enum Measure {
	CLIPS, AIRINGS;

	public String messageKey() {
		return "measure." + name();
	}
}
