package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import vn.loaxa.broadcast.EvidenceRow;

/**
 * The CSV export of the figures: UTF-8 with a byte-order mark so Excel shows the diacritics, one row
 * per figure in long form ({@code section, code, label, clips, airings, minutes, planned, done,
 * percent, count, value}); a relay's row ({@code relays}) has its outages in {@code count} and the minutes
 * lost in {@code value}. Every text is quoted, so a title with {@code ;} or {@code ,} stays in
 * one cell whichever list separator the reader's Excel uses.
 */
final class CsvReport {

	static final String[] HEADER = { "section", "code", "label", "clips", "airings", "minutes", "planned", "done",
			"percent", "count", "value" };
	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader(HEADER)
		.setQuoteMode(QuoteMode.NON_NUMERIC)
		.setRecordSeparator("\r\n")
		.get();

	private final ReportLabels labels;

	CsvReport(ReportLabels labels) {
		this.labels = labels;
	}

	void write(Report report, ReportAnchor anchor, ReportService service, OutputStream out) throws IOException {
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer, FORMAT);
		ReportFigures f = report.figures();
		CommuneSettings c = report.commune();
		value(csv, "commune", "communeName", labels.get("settings.communeName"), c.communeName());
		value(csv, "commune", "superiorAuthority", labels.get("settings.superiorAuthority"), c.superiorLine());
		value(csv, "commune", "province", labels.get("settings.province"), c.province());
		value(csv, "period", "code", labels.get("report.period"), f.period().code());
		value(csv, "period", "from", labels.get("report.from"), f.period().from().toString());
		value(csv, "period", "to", labels.get("report.to"), f.period().to().toString());
		value(csv, "plan", String.valueOf(f.plan().year()), labels.get("report.plan"),
				f.plan().name() == null ? "" : f.plan().name());
		ReportFigures.Totals t = f.totals();
		totals(csv, "clips", t.clips());
		totals(csv, "airings", t.airings());
		totals(csv, "minutes", t.minutes());
		totals(csv, "partial", t.partial());
		totals(csv, "interrupted", t.interrupted());
		totals(csv, "missed", t.missed());
		totals(csv, "failed", t.failed());
		totals(csv, "onTimeRate", t.onTimeRate());
		for (ReportFigures.KindRow k : f.byKind()) {
			figures(csv, "byKind", k.kind().name(), labels.of(k.kind(), "kind."), k.clips(), k.airings(), k.minutes());
		}
		for (ReportFigures.TopicRow k : f.byTopic()) {
			figures(csv, "byTopic", k.topic().name(), labels.of(k.topic(), "topic."), k.clips(), k.airings(),
					k.minutes());
		}
		for (ReportFigures.ZoneRow k : f.byZone()) {
			figures(csv, "byZone", k.zone(), report.zoneName(k.zone()), k.clips(), k.airings(), k.minutes());
		}
		for (ReportFigures.MonthRow k : f.byMonth()) {
			figures(csv, "byMonth", k.month(),
					labels.get("report.monthLabel", k.month().substring(5), k.month().substring(0, 4)), k.clips(),
					k.airings(), k.minutes());
		}
		int n = 1;
		for (ReportFigures.TargetRow k : f.targets()) {
			csv.printRecord("targets", "T" + n++, k.name(), null, null, null, k.planned(), k.done(), k.percent(), null,
					null);
		}
		for (ReportFigures.ProblemRow p : f.problems()) {
			csv.printRecord("problems", p.outcome().name(), p.reason(), null, null, null, null, null, null, p.count(),
					p.code());
		}
		// tiếp sóng: airings and minutes in their columns, outages in count, minutes lost in value
		for (ReportFigures.RelayRow k : f.relays()) {
			csv.printRecord("relays", k.relay(), k.name(), null, k.airings(), k.minutes(), null, null, null, k.outages(),
					k.lostMinutes());
		}
		evidence(csv, report, service);
		value(csv, "anchor", "signed", labels.get("report.anchor"), anchor.signed());
		value(csv, "anchor", "signature", labels.get("report.anchor.signature"), anchor.signature());
		csv.flush();
		writer.flush();
	}

	/**
	 * After the figures, every record that counts (as the XLSX evidence sheet): a heading row
	 * ({@code evidence, columns, …}), then {@code evidence, <record id>, <EvidenceRow cells>, <text read out, for a text bulletin>}.
	 */
	private void evidence(CSVPrinter csv, Report report, ReportService service) throws IOException {
		List<Object> heading = new ArrayList<>(List.of("evidence", "columns"));
		heading.addAll(EvidenceRow.headings(labels::get));
		heading.add(labels.get("report.ev.text"));
		csv.printRecord(heading);
		EvidenceRow.Context context = new EvidenceRow.Context(service.zone(), service::zoneName, labels::get);
		try {
			service.evidenceRows(report.period(), entry -> {
				List<Object> row = new ArrayList<>(List.of("evidence", String.valueOf(entry.record().id())));
				row.addAll(EvidenceRow.cells(entry.record(), context));
				row.add(entry.text() == null ? "" : entry.text());
				try {
					csv.printRecord(row);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static void value(CSVPrinter csv, String section, String code, String label, String value)
			throws IOException {
		csv.printRecord(section, code, label, null, null, null, null, null, null, null, value);
	}

	private void totals(CSVPrinter csv, String code, Number value) throws IOException {
		csv.printRecord("totals", code, labels.get("report.totals." + code), null, null, null, null, null, null, null,
				value);
	}

	private static void figures(CSVPrinter csv, String section, String code, String label, long clips, long airings,
			double minutes) throws IOException {
		csv.printRecord(section, code, label, clips, airings, minutes, null, null, null, null, null);
	}
}
