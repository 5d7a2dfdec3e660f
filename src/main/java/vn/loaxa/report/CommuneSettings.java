package vn.loaxa.report;

/**
 * The commune's names for report headers: "UBND Xã Na Lay", district, province, and the officer who
 * prepares the report (người lập biểu). Stored as typed; every page and export escapes them.
 */
public record CommuneSettings(String communeName, String district, String province, String officerName) {

	/** "UBND XÃ NA LAY" for the title block. */
	public String authority() {
		return ("UBND " + communeName).toUpperCase(java.util.Locale.forLanguageTag("vi"));
	}
}
