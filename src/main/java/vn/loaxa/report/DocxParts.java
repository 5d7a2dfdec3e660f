package vn.loaxa.report;

import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The building blocks of the filed DOCX in the form of Nghị định 30/2020/NĐ-CP: A4 with the decree's
 * margins, Times New Roman, paragraphs and runs, borderless layout tables and ruled data tables.
 * Public for the province hub's DOCX, as {@link PdfDocuments} is for its PDF.
 */
public final class DocxParts {

	static final String FONT = "Times New Roman";
	/** Body text: the decree asks 13–14 pt. */
	static final int BODY = 14;
	static final int SMALL = 13;

	private DocxParts() {
	}

	/** A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (the decree's lower bounds). */
	public static void page(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(twips(210)));
		size.setH(BigInteger.valueOf(twips(297)));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(20)));
		margins.setBottom(BigInteger.valueOf(twips(20)));
		margins.setLeft(BigInteger.valueOf(twips(30)));
		margins.setRight(BigInteger.valueOf(twips(15)));
		margins.setHeader(BigInteger.valueOf(twips(10)));
		margins.setFooter(BigInteger.valueOf(twips(10)));
	}

	public static long twips(double mm) {
		return Math.round(mm * 1440 / 25.4);
	}

	/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
	public static XWPFParagraph text(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.BOTH);
		p.setIndentationFirstLine((int) twips(10));
		p.setSpacingAfter(120);
		run(p, text, false, false, BODY);
		return p;
	}

	/** A bold heading line ("I. KẾT QUẢ THỰC HIỆN"). */
	public static XWPFParagraph heading(XWPFDocument doc, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setIndentationFirstLine((int) twips(10));
		p.setSpacingBefore(120);
		p.setSpacingAfter(120);
		p.setKeepNext(true);
		run(p, text, true, false, BODY);
		return p;
	}

	public static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
		XWPFRun r = p.createRun();
		r.setFontFamily(FONT);
		r.setFontSize(size);
		r.setBold(bold);
		r.setItalic(italic);
		r.setText(text);
		return r;
	}

	/** A centred line in a layout cell; the cell's first (empty) paragraph is used first. */
	public static XWPFParagraph line(XWPFTableCell cell, String text, boolean bold, boolean italic, int size) {
		XWPFParagraph p = cell.getParagraphs().size() == 1 && cell.getParagraphs().get(0).getRuns().isEmpty()
				? cell.getParagraphs().get(0) : cell.addParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		p.setSpacingAfter(0);
		run(p, text, bold, italic, size);
		return p;
	}

	/** The width of the text between the margins: 210 − 30 − 15 mm. */
	static final int TEXT_MM = 165;
	/** Each figure column of a data table; the first (the names) takes the rest. */
	static final int FIGURE_MM = 28;

	/** A borderless table of {@code rows} rows and two columns, the left {@code leftMm} wide, for the header and signature. */
	public static XWPFTable layout(XWPFDocument doc, int rows, int leftMm) {
		XWPFTable table = doc.createTable(rows, 2);
		table.removeBorders();
		widths(table, leftMm, TEXT_MM - leftMm);
		return table;
	}

	/**
	 * Fixed column widths in millimetres, in the table grid and every cell: Word and LibreOffice then
	 * lay the columns out alike (with widths in percent LibreOffice shares them out equally).
	 */
	public static void widths(XWPFTable table, int... mm) {
		CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
				: table.getCTTbl().getTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		long total = 0;
		for (int w : mm) {
			grid.addNewGridCol().setW(BigInteger.valueOf(twips(w)));
			total += twips(w);
		}
		table.setWidthType(TableWidthType.DXA);
		table.setWidth(String.valueOf(total));
		CTTblPr properties = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr()
				: table.getCTTbl().getTblPr();
		(properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
			.setType(STTblLayoutType.FIXED);
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < mm.length && c < row.getTableCells().size(); c++) {
				row.getCell(c).setWidth(String.valueOf(twips(mm[c])));
			}
		}
	}

	/** A ruled data table: a bold header row, then the rows; numbers right-aligned. None when there are no rows. */
	public static void grid(XWPFDocument doc, List<String> header, List<List<String>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		XWPFTable table = doc.createTable(rows.size() + 1, header.size());
		int[] mm = new int[header.size()];
		java.util.Arrays.fill(mm, FIGURE_MM);
		mm[0] = TEXT_MM - FIGURE_MM * (header.size() - 1);
		widths(table, mm);
		for (int c = 0; c < header.size(); c++) {
			cell(table.getRow(0).getCell(c), header.get(c), true, ParagraphAlignment.CENTER);
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < header.size(); c++) {
				String value = rows.get(r).get(c);
				cell(table.getRow(r + 1).getCell(c), value, false,
						c > 0 && value.matches("[0-9.,%/ -]+") ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
			}
		}
		doc.createParagraph().setSpacingAfter(0);
	}

	/** A line of plain text, left-aligned without indent (hashes and signatures do not justify). */
	public static XWPFParagraph plain(XWPFDocument doc, String text, int size) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(ParagraphAlignment.LEFT);
		p.setSpacingAfter(60);
		run(p, text, false, false, size);
		return p;
	}

	private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setAlignment(align);
		p.setSpacingAfter(0);
		run(p, text, bold, false, SMALL);
	}
}
