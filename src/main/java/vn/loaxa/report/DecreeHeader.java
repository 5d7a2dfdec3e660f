package vn.loaxa.report;

import java.time.LocalDate;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import java.util.List;

/**
 * The title block of Nghị định 30/2020/NĐ-CP (Phụ lục I): on the left the superior authority (when
 * set) and the commune's authority, then "Số: …/BC-UBND"; on the right the national title and motto,
 * then place and date; below, the kind of document and its subject. At the end ({@link #signature}),
 * "Nơi nhận" and the signature block.
 */
public final class DecreeHeader {

	private DecreeHeader() {
	}

	/** "quý I năm 2026", "6 tháng đầu năm 2026", a statutory period with its dates: for the subject line. */
	public static String periodPhrase(ReportPeriod period) {
		return ReportSentences.periodPhrase(period);
	}

	public static void write(XWPFDocument doc, CommuneSettings commune, LocalDate today, String subject, String nation,
			String motto) {
		XWPFTable table = DocxParts.layout(doc, 2, 62);
		XWPFTableCell left = table.getRow(0).getCell(0);
		if (!commune.superiorLine().isEmpty()) {
			DocxParts.line(left, commune.superiorLine().toUpperCase(ReportLabels.VIETNAMESE), false, false,
					DocxParts.SMALL);
		}
		DocxParts.line(left, commune.authority(), true, false, DocxParts.SMALL);
		DocxParts.line(left, "———", false, false, DocxParts.SMALL);
		XWPFTableCell right = table.getRow(0).getCell(1);
		DocxParts.line(right, nation, true, false, 12);
		DocxParts.line(right, motto, true, false, DocxParts.BODY);
		DocxParts.line(right, "———————————", false, false, DocxParts.SMALL);
		DocxParts.line(table.getRow(1).getCell(0), commune.documentLine(), false, false, DocxParts.SMALL);
		DocxParts.line(table.getRow(1).getCell(1), commune.placeAndDate(today), false, true, DocxParts.BODY);

		XWPFParagraph kind = doc.createParagraph();
		kind.setAlignment(ParagraphAlignment.CENTER);
		kind.setSpacingBefore(360);
		kind.setSpacingAfter(0);
		DocxParts.run(kind, "BÁO CÁO", true, false, DocxParts.BODY);
		XWPFParagraph about = doc.createParagraph();
		about.setAlignment(ParagraphAlignment.CENTER);
		about.setSpacingAfter(360);
		DocxParts.run(about, subject, true, false, DocxParts.BODY);
	}

	/** The form's close: "Nơi nhận" and its lines on the left, the signer's title, seal note and name on the right. */
	public static void signature(XWPFDocument doc, CommuneSettings commune) {
		doc.createParagraph().setSpacingAfter(120);
		XWPFTable table = DocxParts.layout(doc, 1, 75);
		XWPFTableCell left = table.getRow(0).getCell(0);
		DocxParts.line(left, "Nơi nhận:", true, true, 12).setAlignment(
				org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT);
		commune.recipientLines().forEach(r -> DocxParts.line(left, r, false, false, 11).setAlignment(
				org.apache.poi.xwpf.usermodel.ParagraphAlignment.LEFT));
		XWPFTableCell right = table.getRow(0).getCell(1);
		List<String> title = commune.signerTitleLines().isEmpty() ? List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
				: commune.signerTitleLines();
		title.forEach(line -> DocxParts.line(right, line, true, false, DocxParts.BODY));
		DocxParts.line(right, "(Ký, đóng dấu)", false, true, DocxParts.SMALL);
		for (int i = 0; i < 4; i++) {
			DocxParts.line(right, "", false, false, DocxParts.BODY);
		}
		DocxParts.line(right, commune.signerName() == null ? "" : commune.signerName(), true, false, DocxParts.BODY);
	}
}
