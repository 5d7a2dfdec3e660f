package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a report in one of its formats; every format shows the same figures. */
@Service
public class ReportExports {

	private final ReportService reports;
	private final ObjectMapper json;
	private final ITemplateEngine templates;
	private final MessageSource messages;

	ReportExports(ReportService reports, ObjectMapper json, ITemplateEngine templates, MessageSource messages) {
		this.reports = reports;
		this.json = json;
		this.templates = templates;
		this.messages = messages;
	}

	/** Computes the report of a period and writes it; the stream is flushed, not closed. */
	public Report write(ReportPeriod period, ReportFormat format, OutputStream out) throws IOException {
		Report report = reports.compute(period);
		write(report, format, out);
		return report;
	}

	public void write(Report report, ReportFormat format, OutputStream out) throws IOException {
		ReportLabels labels = new ReportLabels(messages, ReportLabels.VIETNAMESE);
		switch (format) {
			case JSON -> json.writerWithDefaultPrettyPrinter()
				.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
				.writeValue(out, report.figures());
			case XLSX -> new XlsxReport(labels, reports.zone()).write(report, reports, out);
			case CSV -> new CsvReport(labels).write(report, out);
			case PDF -> new PdfReport(templates, labels).write(report, out);
		}
		out.flush();
	}
}
