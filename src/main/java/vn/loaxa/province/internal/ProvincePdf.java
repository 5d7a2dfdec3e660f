package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.loaxa.province.ProvinceReports;
import vn.loaxa.report.CommuneSettings;
import vn.loaxa.report.CommuneSettingsStore;
import vn.loaxa.report.PdfDocuments;
import vn.loaxa.web.Formats;

/**
 * The province's report as the Sở VHTTDL's own paper: its title block (the province from the hub's
 * settings page), a row per commune, the province's totals, the communes that sent nothing, and the
 * signature lines. Drawn from {@code templates/province/pdf.html}.
 */
@Component
public class ProvincePdf {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ITemplateEngine templates;
	private final CommuneSettingsStore settings;

	ProvincePdf(ITemplateEngine templates, CommuneSettingsStore settings) {
		this.templates = templates;
		this.settings = settings;
	}

	public void write(ProvinceReports.ProvinceReport report, OutputStream out) throws IOException {
		CommuneSettings s = settings.current();
		Context context = new Context(VIETNAMESE);
		context.setVariable("r", report);
		// the province's department under the province's people's committee (Nghị định 30/2020's title block):
		// the hub's superior line when set, else "UBND" and its province
		String superior = !s.superiorLine().isEmpty() ? s.superiorLine()
				: s.province() == null || s.province().isBlank() ? "" : "UBND " + s.province();
		context.setVariable("superior", superior.toUpperCase(VIETNAMESE));
		context.setVariable("officer", s.officerName());
		context.setVariable("range", Formats.date(report.period().from()) + " – " + Formats.date(report.period().to()));
		PdfDocuments.render(templates.process("province/pdf", context), out);
	}
}
