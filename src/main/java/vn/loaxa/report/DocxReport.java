package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The report the officer files, as a Word document in the form of Nghị định 30/2020/NĐ-CP: the
 * decree's title block ({@link DecreeHeader}), the results written as sentences ({@link ReportSentences})
 * with the figures' tables, where the plan is heading, the evidence to attach, "Nơi nhận" and the
 * signature block. Every number is one of the report's figures, as in every other format.
 */
final class DocxReport {

	/** What the DOCX is written from: the report, its anchor, the forecasts and the evidence bundle's file name. */
	record Filing(Report report, ReportAnchor anchor, LocalDate today, String planCitation,
			List<PlanForecasts.Line> forecasts, String evidenceFile) {
	}

	private final ReportLabels labels;
	private final ReportSentences sentences;

	DocxReport(ReportLabels labels) {
		this.labels = labels;
		this.sentences = new ReportSentences(labels);
	}

	void write(Filing filing, OutputStream out) throws IOException {
		Report report = filing.report();
		try (XWPFDocument doc = new XWPFDocument()) {
			DocxParts.page(doc);
			DecreeHeader.write(doc, report.commune(), filing.today(), "Kết quả tuyên truyền trên hệ thống loa truyền "
					+ "thanh " + ReportSentences.periodPhrase(report.period()), labels.get("report.nation"),
					labels.get("report.motto"));
			if (!filing.planCitation().isEmpty()) {
				DocxParts.text(doc, "Căn cứ " + filing.planCitation() + ", Ủy ban nhân dân "
						+ ReportSentences.lower(report.commune().communeName()) + " báo cáo kết quả như sau:");
			}
			results(doc, report);
			forecast(doc, filing);
			evidence(doc, filing);
			DecreeHeader.signature(doc, report.commune());
			doc.write(out);
		}
	}

	private void results(XWPFDocument doc, Report report) {
		ReportFigures f = report.figures();
		DocxParts.heading(doc, "I. KẾT QUẢ THỰC HIỆN");
		DocxParts.heading(doc, "1. Tổng quát");
		DocxParts.text(doc, sentences.totals(f));
		DocxParts.grid(doc, List.of(labels.get("report.col.kind"), labels.get("report.col.clips"),
				labels.get("report.col.airings"), labels.get("report.col.minutes")), kindRows(f));
		String relays = sentences.relays(f);
		if (relays != null) {
			DocxParts.text(doc, relays);
		}
		DocxParts.heading(doc, "2. " + labels.get("report.section.byTopic"));
		DocxParts.text(doc, sentences.topics(f));
		DocxParts.grid(doc, List.of(labels.get("report.col.topic"), labels.get("report.col.clips"),
				labels.get("report.col.airings"), labels.get("report.col.minutes")),
				f.byTopic().stream().map(t -> row(labels.of(t.topic(), "topic."), t.clips(), t.airings(), t.minutes()))
					.toList());
		DocxParts.heading(doc, "3. " + labels.get("report.section.byZone"));
		DocxParts.text(doc, sentences.zones(report));
		DocxParts.grid(doc, List.of(labels.get("report.col.zone"), labels.get("report.col.clips"),
				labels.get("report.col.airings"), labels.get("report.col.minutes")),
				f.byZone().stream().map(z -> row(report.zoneName(z.zone()), z.clips(), z.airings(), z.minutes()))
					.toList());
		DocxParts.heading(doc, "4. " + labels.get("report.section.targets"));
		if (f.targets().isEmpty()) {
			DocxParts.text(doc, labels.get("report.noTargets"));
		}
		f.targets().forEach(t -> DocxParts.text(doc, sentences.target(t)));
		DocxParts.grid(doc, List.of(labels.get("report.col.target"), labels.get("report.col.planned"),
				labels.get("report.col.done"), labels.get("report.col.percent")),
				f.targets().stream().map(t -> List.of(t.name(), VnNumbers.count(t.planned()),
						VnNumbers.count(t.done()), VnNumbers.percent(t.percent()))).toList());
		DocxParts.heading(doc, "5. " + labels.get("report.section.problems"));
		DocxParts.text(doc, sentences.problems(f));
	}

	private List<List<String>> kindRows(ReportFigures f) {
		List<List<String>> rows = new ArrayList<>(f.byKind().stream()
			.map(k -> row(labels.of(k.kind(), "kind."), k.clips(), k.airings(), k.minutes())).toList());
		rows.add(row(labels.get("report.col.total"), f.totals().clips(), f.totals().airings(), f.totals().minutes()));
		return rows;
	}

	private static List<String> row(String label, long clips, long airings, double minutes) {
		return List.of(label, VnNumbers.count(clips), VnNumbers.count(airings), VnNumbers.decimal(minutes));
	}

	private void forecast(XWPFDocument doc, Filing filing) {
		if (filing.forecasts().isEmpty()) {
			return;
		}
		DocxParts.heading(doc, "II. DỰ BÁO THỰC HIỆN KẾ HOẠCH NĂM");
		List<PlanForecasts.Line> behind = filing.forecasts().stream().filter(l -> !l.forecast().onTrack()).toList();
		if (behind.isEmpty()) {
			DocxParts.text(doc, "Theo tốc độ thực hiện đến ngày " + vn.loaxa.web.Formats.date(filing.today())
					+ ", các chỉ tiêu đều ước đạt kế hoạch năm.");
		}
		behind.forEach(l -> DocxParts.text(doc, sentences.behind(l.name(), l.measure(), l.forecast(), filing.today())));
		DocxParts.grid(doc, List.of(labels.get("report.col.target"), labels.get("forecast.col.done"),
				labels.get("forecast.col.pace"), labels.get("forecast.col.projected"), labels.get("forecast.col.needed")),
				filing.forecasts().stream().map(l -> List.of(l.name(),
						VnNumbers.count(l.forecast().done()) + "/" + VnNumbers.count(l.forecast().planned()),
						VnNumbers.decimal(l.forecast().pacePerWeek()), VnNumbers.count(l.forecast().projected()),
						VnNumbers.decimal(l.forecast().neededPerWeek()))).toList());
	}

	/** "Tài liệu kiểm chứng": what the anchor pins, with the anchor's own names for it, and the bundle to attach. */
	private void evidence(XWPFDocument doc, Filing filing) {
		ReportAnchor a = filing.anchor();
		DocxParts.heading(doc, (filing.forecasts().isEmpty() ? "II" : "III") + ". TÀI LIỆU KIỂM CHỨNG");
		DocxParts.text(doc, "Tệp bằng chứng gửi kèm: " + filing.evidenceFile() + ".");
		DocxParts.plain(doc, labels.get("report.anchor.pdf", a.firstId() == null ? "—" : a.firstId() + "–" + a.lastId(),
				a.headId() + " " + a.headHash(), a.keyFingerprint()), 11);
		DocxParts.plain(doc, labels.get("report.anchor.signature") + ": " + a.signature(), 11);
	}
}
