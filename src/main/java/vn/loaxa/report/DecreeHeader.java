package vn.loaxa.report;

import java.time.LocalDate;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The title block of Nghị định 30/2020/NĐ-CP (Phụ lục I): on the left the superior authority (when
 * set) and the commune's authority, then "Số: …/BC-UBND"; on the right the national title and motto,
 * then place and date; below, the kind of document and its subject.
 */
final class DecreeHeader {

	private DecreeHeader() {
	}

	static void write(XWPFDocument doc, CommuneSettings commune, LocalDate today, String subject, String nation,
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
}
