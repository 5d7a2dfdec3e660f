package vn.loaxa.report;

import java.util.List;

/**
 * The commune's names for report headers: "Xã Na Lay", the optional superior authority shown above it
 * ("UBND TỈNH ĐIỆN BIÊN"; Vietnam has no districts since 1/7/2025), the province, the officer who
 * prepares the report (người lập biểu), and for the filed report (Nghị định 30/2020) its recipients
 * and the signer's title and name. Recipients and the signer's title are lines separated by
 * {@code \n}. Stored as typed; every page and export escapes them.
 */
public record CommuneSettings(String communeName, String superiorAuthority, String province, String officerName,
		String documentNumber, String place, String recipients, String signerTitle, String signerName) {

	/** Settings with none of the filed report's fields (recipients, signer) set. */
	public CommuneSettings(String communeName, String superiorAuthority, String province, String officerName,
			String documentNumber, String place) {
		this(communeName, superiorAuthority, province, officerName, documentNumber, place, "", "", "");
	}

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
		// the province's hub names its own authority ("Sở Văn hóa, Thể thao và Du lịch"): not a people's committee
		boolean named = communeName.strip().matches("(?iu)^(ubnd|ủy ban|sở)\\b.*");
		return (named ? communeName.strip() : "UBND " + communeName).toUpperCase(java.util.Locale.forLanguageTag("vi"));
	}

	/** The superior authority line as typed, or empty when there is none. */
	public String superiorLine() {
		return superiorAuthority == null ? "" : superiorAuthority.strip();
	}

	public List<String> recipientLines() {
		return lines(recipients);
	}

	public List<String> signerTitleLines() {
		return lines(signerTitle);
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
