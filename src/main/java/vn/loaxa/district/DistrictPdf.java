package vn.loaxa.district;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.loaxa.report.CommuneSettings;
import vn.loaxa.report.CommuneSettingsStore;
import vn.loaxa.report.PdfDocuments;
import vn.loaxa.web.Formats;

/**
 * The district report as the district's own paper: its title block (the hub's settings page:
 * district and province), a row per commune, the district's totals, the communes that sent
 * nothing, and the signature lines. Drawn from {@code templates/district/pdf.html}.
 */
@Component
class DistrictPdf {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ITemplateEngine templates;
	private final CommuneSettingsStore settings;

	DistrictPdf(ITemplateEngine templates, CommuneSettingsStore settings) {
		this.templates = templates;
		this.settings = settings;
	}

	void write(DistrictReports.DistrictReport report, OutputStream out) throws IOException {
		CommuneSettings s = settings.current();
		Context context = new Context(VIETNAMESE);
		context.setVariable("r", report);
		// the hub's own authority: the superior line of its settings (no districts since 1/7/2025), else its province's
		context.setVariable("authority", (s.superiorLine().isEmpty() ? "UBND " + s.province() : s.superiorLine())
			.toUpperCase(VIETNAMESE));
		context.setVariable("province", s.province());
		context.setVariable("officer", s.officerName());
		context.setVariable("range", Formats.date(report.period().from()) + " – " + Formats.date(report.period().to()));
		PdfDocuments.render(templates.process("district/pdf", context), out);
	}
}
