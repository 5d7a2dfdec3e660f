package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;


/**
 * The PDF export: A4, the commune's title block, the figures tables and the signature lines, drawn
 * from {@code templates/reports/pdf.html} with the bundled DejaVu Sans so every Vietnamese letter
 * shows. The template is escaped XHTML: names typed by users are text, never markup.
 */
final class PdfReport {

	static final String FONT = PdfDocuments.FONT;

	private final ITemplateEngine templates;
	private final ReportLabels labels;

	PdfReport(ITemplateEngine templates, ReportLabels labels) {
		this.templates = templates;
		this.labels = labels;
	}

	record TotalRow(String key, Number value) {
	}

	record Line(String label, String code, long clips, long airings, double minutes) {
	}

	record Section(String title, String column, List<Line> rows, boolean withTotal) {
	}

	void write(Report report, ReportAnchor anchor, java.time.LocalDate today, String planCitation, OutputStream out)
			throws IOException {
		PdfLogging.install();
		ReportFigures f = report.figures();
		Context context = new Context(ReportLabels.VIETNAMESE);
		context.setVariable("f", f);
		context.setVariable("commune", report.commune());
		context.setVariable("placeAndDate", report.commune().placeAndDate(today));
		context.setVariable("planCitation", planCitation);
		context.setVariable("anchor", anchor);
		context.setVariable("range", ReportLabels.range(f.period().from(), f.period().to()));
		ReportFigures.Totals t = f.totals();
		context.setVariable("totals", List.of(new TotalRow("clips", t.clips()), new TotalRow("airings", t.airings()),
				new TotalRow("minutes", t.minutes()), new TotalRow("partial", t.partial()),
				new TotalRow("interrupted", t.interrupted()), new TotalRow("missed", t.missed()),
				new TotalRow("failed", t.failed()), new TotalRow("onTimeRate", t.onTimeRate())));
		List<Section> sections = new ArrayList<>();
		sections.add(new Section("II. " + labels.get("report.section.byKind"), labels.get("report.col.kind"),
				f.byKind().stream().map(k -> new Line(labels.of(k.kind(), "kind."), k.kind().name(), k.clips(),
						k.airings(), k.minutes())).toList(), true));
		sections.add(new Section("III. " + labels.get("report.section.byTopic"), labels.get("report.col.topic"),
				f.byTopic().stream().map(k -> new Line(labels.of(k.topic(), "topic."), k.topic().name(), k.clips(),
						k.airings(), k.minutes())).toList(), true));
		sections.add(new Section("IV. " + labels.get("report.section.byZone"), labels.get("report.col.zone"),
				f.byZone().stream().map(k -> new Line(report.zoneName(k.zone()), k.zone(), k.clips(), k.airings(), k.minutes())).toList(),
				false));
		sections.add(new Section("V. " + labels.get("report.section.byMonth"), labels.get("report.col.month"),
				f.byMonth().stream().map(k -> new Line(
						labels.get("report.monthLabel", k.month().substring(5), k.month().substring(0, 4)), k.month(),
						k.clips(), k.airings(), k.minutes())).toList(), false));
		context.setVariable("sections", sections);
		context.setVariable("relays", f.relays());
		context.setVariable("relayTotal", RelayTotal.of(f.relays()));
		PdfDocuments.render(templates.process("reports/pdf", context), out);
	}
}
