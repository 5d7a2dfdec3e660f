package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.loaxa.config.UserError;
import vn.loaxa.province.ProvinceReports;
import vn.loaxa.report.ReportFigures;

/**
 * The province's report as a file: JSON (the API's shape), CSV (UTF-8 with BOM, one row per commune
 * and figure) and XLSX (a summary sheet, then one sheet per commune); the PDF is {@link ProvincePdf}'s. Every format shows the same
 * numbers, with the communes' names.
 */
public final class ProvinceReportFiles {

	public enum Format {
		JSON("application/json", "json"), CSV("text/csv;charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
		PDF("application/pdf", "pdf"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

		private final String mediaType;
		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		public static Format parse(String text) {
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new UserError(400, "bad_format", "province.error.bad_format", text);
			}
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private ProvinceReportFiles() {
	}

	/** {@code labels}: a kind's or topic's message key to its Vietnamese name ("Tin", "Chuyển đổi số"). */
	public static void write(ProvinceReports.ProvinceReport report, Format format, Function<String, String> labels,
			OutputStream out) throws IOException {
		switch (format) {
			case JSON -> JSON.writeValue(out, report);
			case CSV -> csv(report, out);
			case XLSX -> xlsx(report, labels, out);
			case PDF -> throw new IllegalArgumentException("the PDF is ProvincePdf's");
			case DOCX -> throw new IllegalArgumentException("the DOCX is ProvinceDocx's");
		}
	}

	private static final String[] HEADER = { "commune", "name", "section", "code", "clips", "airings", "minutes",
			"value" };

	private static void csv(ProvinceReports.ProvinceReport report, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER)
			.setQuoteMode(QuoteMode.NON_NUMERIC).setRecordSeparator("\r\n").get());
		csv.printRecord("", "", "period", report.period().code(), null, null, null,
				report.period().from() + ".." + report.period().to());
		totals(csv, "", "Toàn huyện", report.totals());
		for (ProvinceReports.CommuneRow c : report.communes()) {
			totals(csv, c.commune(), c.name(), c.totals());
			for (ReportFigures.KindRow k : c.byKind()) {
				csv.printRecord(c.commune(), c.name(), "byKind", k.kind().name(), k.clips(), k.airings(), k.minutes(), null);
			}
			for (ReportFigures.TopicRow t : c.byTopic()) {
				csv.printRecord(c.commune(), c.name(), "byTopic", t.topic().name(), t.clips(), t.airings(), t.minutes(),
						null);
			}
			csv.printRecord(c.commune(), c.name(), "plan", null, null, null, null, c.plan());
			for (ReportFigures.TargetRow t : c.targets()) {
				// a target: done in the value, "done/planned" readable beside the name
				csv.printRecord(c.commune(), c.name(), "target", t.name(), null, null, null,
						t.done() + "/" + t.planned());
			}
			csv.printRecord(c.commune(), c.name(), "lastRecordAt", null, null, null, null, String.valueOf(c.lastRecordAt()));
		}
		for (ProvinceReports.Missing m : report.missing()) {
			csv.printRecord(m.commune(), m.name(), "missing", null, null, null, null, "chưa gửi báo cáo");
		}
		csv.flush();
		writer.flush();
	}

	private static void totals(CSVPrinter csv, String id, String name, ReportFigures.Totals t) throws IOException {
		csv.printRecord(id, name, "totals", "airings", t.clips(), t.airings(), t.minutes(), null);
		csv.printRecord(id, name, "totals", "partial", null, null, null, t.partial());
		csv.printRecord(id, name, "totals", "interrupted", null, null, null, t.interrupted());
		csv.printRecord(id, name, "totals", "missed", null, null, null, t.missed());
		csv.printRecord(id, name, "totals", "failed", null, null, null, t.failed());
		csv.printRecord(id, name, "totals", "onTimeRate", null, null, null, t.onTimeRate());
	}

	private static void xlsx(ProvinceReports.ProvinceReport report, Function<String, String> labels, OutputStream out)
			throws IOException {
		Workbook wb = new Workbook(out, "LoaXa", "1.0");
		wb.setGlobalDefaultFont("Arial", 10);
		Worksheet summary = wb.newWorksheet("Tổng hợp");
		summary.value(0, 0, "BÁO CÁO TỔNG HỢP PHÁT THANH CƠ SỞ");
		summary.value(1, 0, "Kỳ báo cáo: " + report.period().code() + " (" + report.period().from() + " – "
				+ report.period().to() + ")");
		String[] head = { "Xã", "Số tin, bài", "Lượt phát", "Phút", "Phát một phần", "Bị ngắt", "Bị lỡ", "Lỗi" };
		for (int i = 0; i < head.length; i++) {
			summary.value(3, i, head[i]);
			summary.style(3, i).bold().set();
		}
		int r = 4;
		for (ProvinceReports.CommuneRow c : report.communes()) {
			row(summary, r++, c.name(), c.totals());
		}
		row(summary, r++, "Toàn huyện", report.totals());
		r++;
		for (ProvinceReports.Missing m : report.missing()) {
			summary.value(r++, 0, m.name() + ": chưa gửi báo cáo");
		}
		summary.width(0, 32);
		summary.finish();
		java.util.Set<String> names = new java.util.HashSet<>();
		for (ProvinceReports.CommuneRow c : report.communes()) {
			Worksheet ws = wb.newWorksheet(sheetName(c.name(), names));
			ws.value(0, 0, c.name());
			row(ws, 1, "Tổng", c.totals());
			int k = 3;
			for (ReportFigures.KindRow kind : c.byKind()) {
				ws.value(k, 0, labels.apply(kind.kind().messageKey()));
				ws.value(k, 1, kind.clips());
				ws.value(k, 2, kind.airings());
				ws.value(k++, 3, kind.minutes());
			}
			k++;
			for (ReportFigures.TopicRow topic : c.byTopic()) {
				ws.value(k, 0, labels.apply(topic.topic().messageKey()));
				ws.value(k, 1, topic.clips());
				ws.value(k, 2, topic.airings());
				ws.value(k++, 3, topic.minutes());
			}
			k = targets(ws, k + 1, c);
			ws.width(0, 28);
			ws.finish();
		}
		wb.finish();
	}

	/** The commune's plan targets from row {@code r}: name, planned, done, percent; the next free row. */
	private static int targets(Worksheet ws, int r, ProvinceReports.CommuneRow c) {
		ws.value(r, 0, c.plan() == null ? "Chưa gửi kế hoạch có chỉ tiêu cho năm này" : "Chỉ tiêu: " + c.plan());
		ws.style(r++, 0).bold().set();
		if (!c.targets().isEmpty()) {
			String[] head = { "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ %" };
			for (int i = 0; i < head.length; i++) {
				ws.value(r, i, head[i]);
				ws.style(r, i).bold().set();
			}
			r++;
		}
		for (ReportFigures.TargetRow t : c.targets()) {
			ws.value(r, 0, t.name());
			ws.value(r, 1, t.planned());
			ws.value(r, 2, t.done());
			ws.value(r++, 3, t.percent());
		}
		return r;
	}

	private static void row(Worksheet ws, int r, String name, ReportFigures.Totals t) {
		ws.value(r, 0, name);
		ws.value(r, 1, t.clips());
		ws.value(r, 2, t.airings());
		ws.value(r, 3, t.minutes());
		ws.value(r, 4, t.partial());
		ws.value(r, 5, t.interrupted());
		ws.value(r, 6, t.missed());
		ws.value(r, 7, t.failed());
	}

	/** Excel: at most 31 characters, none of []:*?/\, unique in the workbook. */
	private static String sheetName(String name, java.util.Set<String> taken) {
		String base = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		base = base.isEmpty() ? "Xã" : base.substring(0, Math.min(28, base.length()));
		String candidate = base;
		for (int i = 2; !taken.add(candidate); i++) {
			candidate = base + " " + i;
		}
		return candidate;
	}
}
