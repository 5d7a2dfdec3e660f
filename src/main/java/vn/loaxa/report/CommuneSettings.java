package vn.loaxa.report;

/**
 * The commune's names for report headers: "UBND Xã Na Lay", district, province, and the officer who
 * prepares the report (người lập biểu). Stored as typed; every page and export escapes them.
 */
public record CommuneSettings(String communeName, String district, String province, String officerName,
		String documentNumber, String place) {

	/** "Số: 12/BC-UBND"; with no number set, the blank the clerk fills in by hand. */
	public String documentLine() {
		return "Số: " + (documentNumber == null || documentNumber.isBlank() ? "…/BC-UBND" : documentNumber);
	}

	/** "Na Lay, ngày 02 tháng 12 năm 2026": the place set, else the commune's name without "Xã". */
	public String placeAndDate(java.time.LocalDate day) {
		String where = place == null || place.isBlank() ? communeName.replaceFirst("(?iu)^(xã|phường|thị trấn)\\s+", "")
				: place;
		return String.format("%s, ngày %02d tháng %02d năm %d", where, day.getDayOfMonth(), day.getMonthValue(),
				day.getYear());
	}

	/** "UBND XÃ NA LAY" for the title block. */
	public String authority() {
		return ("UBND " + communeName).toUpperCase(java.util.Locale.forLanguageTag("vi"));
	}
}
