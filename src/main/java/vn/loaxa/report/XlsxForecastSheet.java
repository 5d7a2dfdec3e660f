package vn.loaxa.report;

import java.util.List;

import org.dhatim.fastexcel.Worksheet;

import vn.loaxa.web.Formats;

/**
 * The XLSX's "Dự báo" sheet: where each target of the year's plan is heading as of the day of the
 * export ({@link PlanForecasts}); not part of the signed figures (it changes every day).
 */
final class XlsxForecastSheet {

	static final String NAME = "Dự báo";

	private XlsxForecastSheet() {
	}

	static void write(Worksheet ws, List<PlanForecasts.Line> lines, ReportLabels labels) {
		ws.width(0, 48);
		for (int c = 1; c <= 8; c++) {
			ws.width(c, 16);
		}
		ws.value(0, 0, labels.get("forecast.title"));
		ws.style(0, 0).bold().fontSize(12).set();
		String[] heads = { labels.get("report.col.target"), labels.get("report.col.done"),
				labels.get("report.col.planned"), labels.get("forecast.col.pace"), labels.get("forecast.col.projected"),
				"Ngày dự báo", labels.get("forecast.col.needed"), "Đạt tiến độ", "Khung giờ có thể phát thêm" };
		for (int c = 0; c < heads.length; c++) {
			ws.value(2, c, heads[c]);
			ws.style(2, c).bold().set();
		}
		int r = 3;
		for (PlanForecasts.Line line : lines) {
			TargetForecast f = line.forecast();
			ws.value(r, 0, line.name());
			ws.value(r, 1, f.done());
			ws.value(r, 2, f.planned());
			ws.value(r, 3, f.pacePerWeek());
			ws.value(r, 4, f.projected());
			ws.value(r, 5, Formats.date(f.periodEnd()));
			ws.value(r, 6, f.neededPerWeek());
			ws.value(r, 7, f.onTrack() ? labels.get("forecast.onTrack") : labels.get("forecast.behind"));
			if (f.help() != null) {
				ws.value(r, 8, String.join(", ", f.help().slots().stream()
					.map(s -> s.slot() + " (" + s.zone() + ")").toList()));
			}
			r++;
		}
	}
}
