package vn.loaxa.report;

import java.util.List;

import org.dhatim.fastexcel.Worksheet;

/**
 * The XLSX's "Tiếp sóng" sheet: each relay's occasions, minutes relayed, outages and minutes lost in
 * the period ({@code figures.relays}), then their total; apart from the commune's own tin, bài.
 */
final class XlsxRelaySheet {

	static final String NAME = "Tiếp sóng";
	/** The row of the column headings; the relays follow it. */
	static final int HEADINGS = 2;

	private XlsxRelaySheet() {
	}

	static void write(Worksheet ws, List<ReportFigures.RelayRow> relays, ReportLabels labels) {
		ws.width(0, 6);
		ws.width(1, 40);
		ws.width(2, 16);
		for (int c = 3; c <= 6; c++) {
			ws.width(c, 16);
		}
		ws.value(0, 0, labels.get("report.section.relays"));
		ws.style(0, 0).bold().fontSize(12).set();
		String[] heads = { "STT", labels.get("report.col.relay"), labels.get("report.col.code"),
				labels.get("report.col.relayAirings"), labels.get("report.col.minutes"), labels.get("report.col.outages"),
				labels.get("report.col.lostMinutes") };
		for (int c = 0; c < heads.length; c++) {
			ws.value(HEADINGS, c, heads[c]);
		}
		ws.range(HEADINGS, 0, HEADINGS, heads.length - 1).style().bold().fillColor("DDEBF7").set();
		int r = HEADINGS + 1;
		for (ReportFigures.RelayRow row : relays) {
			ws.value(r, 0, r - HEADINGS);
			ws.value(r, 1, row.name());
			ws.value(r, 2, row.relay());
			ws.value(r, 3, row.airings());
			ws.value(r, 4, row.minutes());
			ws.value(r, 5, row.outages());
			ws.value(r, 6, row.lostMinutes());
			r++;
		}
		RelayTotal total = RelayTotal.of(relays);
		ws.value(r, 1, labels.get("report.col.total"));
		ws.value(r, 2, "total");
		ws.value(r, 3, total.airings());
		ws.value(r, 4, total.minutes());
		ws.value(r, 5, total.outages());
		ws.value(r, 6, total.lostMinutes());
		ws.range(r, 0, r, heads.length - 1).style().bold().set();
	}
}
