package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

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
	private final PlanForecasts forecasts;
	private final EvidenceFileName evidenceFile;

	ReportExports(ReportService reports, ObjectMapper json, ITemplateEngine templates, MessageSource messages,
			PlanForecasts forecasts, EvidenceFileName evidenceFile) {
		this.forecasts = forecasts;
		this.evidenceFile = evidenceFile;
		this.reports = reports;
		this.json = json;
		this.templates = templates;
		this.messages = messages;
	}

	/**
	 * Computes the report of a period and writes it; the stream is flushed, not closed. For XLSX the
	 * figures are computed on another thread while the evidence is streamed.
	 */
	public void write(ReportPeriod period, ReportFormat format, OutputStream out) throws IOException {
		if (format == ReportFormat.XLSX) {
			CompletableFuture<Report> figures = CompletableFuture.supplyAsync(() -> reports.compute(period), FIGURES);
			try {
				new XlsxReport(labels(), reports.zone()).write(period, figures, reports, forecasts.lines(period), out);
			}
			finally {
				figures.cancel(false);
			}
			out.flush();
			return;
		}
		write(reports.compute(period), format, out);
	}

	/** Writes a computed report; the stream is flushed, not closed. */
	public void write(Report report, ReportFormat format, OutputStream out) throws IOException {
		ReportLabels labels = labels();
		switch (format) {
			case JSON -> json.writerWithDefaultPrettyPrinter()
				.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
				.writeValue(out, withAnchor(report));
			case XLSX -> new XlsxReport(labels, reports.zone()).write(report.period(),
					CompletableFuture.completedFuture(report), reports, forecasts.lines(report.period()), out);
			case CSV -> new CsvReport(labels).write(report, reports.anchor(report), reports, out);
			case PDF -> new PdfReport(templates, labels).write(report, reports.anchor(report), reports.today(),
					reports.planCitation(report.period()), out);
			case DOCX -> new DocxReport(labels).write(new DocxReport.Filing(report, reports.anchor(report),
					reports.today(), reports.planCitation(report.period()), forecastLines(report.period()),
					evidenceFile.of(report.period())), out);
		}
		out.flush();
	}

	/** The JSON report: the contract's figures, then {@code anchor} (README, "Every export is anchored"). */
	private com.fasterxml.jackson.databind.node.ObjectNode withAnchor(Report report) {
		com.fasterxml.jackson.databind.node.ObjectNode node = json.valueToTree(report.figures());
		// ids stay the contract; each zone row adds its name (not signed: ReportVerifier drops it)
		node.path("byZone").forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).put("name",
				report.zoneName(row.path("zone").asText())));
		// where each target is heading as of today: not signed either (it changes every day)
		List<TargetForecast> ahead = forecasts.of(report.period());
		com.fasterxml.jackson.databind.JsonNode targets = node.path("targets");
		for (int i = 0; i < targets.size() && i < ahead.size(); i++) {
			((com.fasterxml.jackson.databind.node.ObjectNode) targets.get(i)).set("forecast",
					json.valueToTree(ahead.get(i)));
		}
		// the contract lists relays always; the signed figures leave an empty list out (ReportFigures)
		if (!node.has("relays")) {
			node.putArray("relays");
		}
		node.set("anchor", json.valueToTree(reports.anchor(report)));
		return node;
	}

	/** The forecasts of the period's plan as they stand today ({@link PlanForecasts#lines}). */
	List<PlanForecasts.Line> forecastLines(ReportPeriod period) {
		return forecasts.lines(period);
	}

	private ReportLabels labels() {
		return new ReportLabels(messages, ReportLabels.VIETNAMESE);
	}

	private static final Executor FIGURES = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "report-figures");
		thread.setDaemon(true);
		return thread;
	});
}
