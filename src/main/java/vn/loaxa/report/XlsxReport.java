package vn.loaxa.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.web.Formats;

/**
 * The XLSX export: a summary sheet laid out like the figures table of a commune report, then the
 * evidence sheet with every record that counts. Streamed with fastexcel: rows are flushed as they are
 * written and the one unique text of a row (its hash) is written inline, so a year of evidence needs
 * little memory; texts that repeat are shared strings, escaped once (fastexcel escapes a text
 * character by character, a new String each, which was most of a year's export time).
 */
final class XlsxReport {

	static final String SUMMARY = "Tổng hợp";
	static final String EVIDENCE = "Nhật ký phát sóng";
	/** Rows per evidence sheet before a new one starts (Excel allows 1,048,576). */
	static final int MAX_ROWS = 1_000_000;
	private static final int FLUSH_EVERY = 2_000;
	/** Deflate level: 1 writes about a third faster than the default for a somewhat larger file. */
	static final int COMPRESSION = 1;

	private final ReportLabels labels;
	private final ZoneId zone;

	XlsxReport(ReportLabels labels, ZoneId zone) {
		this.labels = labels;
		this.zone = zone;
	}

	/**
	 * Writes the workbook. The evidence is streamed first (its sheet is the second one), while the
	 * figures may still be computed on another thread; the summary sheet is filled and written last.
	 */
	void write(ReportPeriod period, Future<Report> figures, ReportService service,
			java.util.List<PlanForecasts.Line> forecasts, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "LoaXa", "1.0");
		wb.setGlobalDefaultFont("Arial", 10);
		wb.setCompressionLevel(COMPRESSION);
		Worksheet summary = wb.newWorksheet(SUMMARY);
		evidence(period, service, wb);
		Report report = await(figures);
		summary(report, summary);
		summary.finish();
		anchor(wb.newWorksheet(ANCHOR), service.anchor(report));
		if (!forecasts.isEmpty()) {
			XlsxForecastSheet.write(wb.newWorksheet(XlsxForecastSheet.NAME), forecasts, labels);
		}
		if (!report.figures().relays().isEmpty()) {
			XlsxRelaySheet.write(wb.newWorksheet(XlsxRelaySheet.NAME), report.figures().relays(), labels);
		}
		wb.finish();
	}

	/**
	 * The summary sheet (and the Tiếp sóng sheet when there is a relay) alone, as {@code write} makes them:
	 * what {@code verify-report} compares a file's figures with.
	 */
	void writeSummary(Report report, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "LoaXa", "1.0");
		Worksheet summary = wb.newWorksheet(SUMMARY);
		summary(report, summary);
		summary.finish();
		if (!report.figures().relays().isEmpty()) {
			XlsxRelaySheet.write(wb.newWorksheet(XlsxRelaySheet.NAME), report.figures().relays(), labels);
		}
		wb.finish();
	}

	/** The sheet {@code verify-report} reads: the signed anchor text and its signature. */
	static final String ANCHOR = "Kiểm chứng";

	private void anchor(Worksheet ws, ReportAnchor anchor) throws IOException {
		ws.width(0, 20);
		ws.width(1, 100);
		ws.value(0, 0, labels.get("report.anchor"));
		ws.inlineString(0, 1, anchor.signed());
		ws.value(1, 0, labels.get("report.anchor.signature"));
		ws.inlineString(1, 1, anchor.signature());
		ws.value(3, 0, labels.get("report.anchor.help"));
		ws.finish();
	}

	private static Report await(Future<Report> figures) throws IOException {
		try {
			return figures.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException(e.getCause());
		}
	}

	private void summary(Report report, Worksheet ws) {
		ReportFigures f = report.figures();
		CommuneSettings c = report.commune();
		ws.width(0, 6);
		ws.width(1, 48);
		ws.width(2, 24);
		ws.width(3, 14);
		ws.width(4, 14);
		ws.width(5, 14);
		int r = 0;
		ws.value(r, 0, c.superiorLine().isEmpty() ? c.authority() : c.superiorLine());
		ws.style(r, 0).bold().set();
		ws.value(r++, 3, labels.get("report.nation"));
		ws.value(r, 0, c.superiorLine().isEmpty() ? c.province() : c.authority());
		ws.value(r++, 3, labels.get("report.motto"));
		r++;
		ws.value(r, 0, labels.get("report.heading"));
		ws.style(r++, 0).bold().fontSize(12).set();
		ws.value(r, 0, labels.get("report.period"));
		ws.value(r++, 2, f.period().code() + " (" + ReportLabels.range(f.period().from(), f.period().to()) + ")");
		ws.value(r, 0, labels.get("report.plan"));
		ws.value(r++, 2, f.plan().name() == null ? labels.get("report.noPlan", f.plan().year()) : f.plan().name());
		r++;

		r = header(ws, r, "I. " + labels.get("report.section.totals"), labels.get("report.col.item"),
				labels.get("report.col.code"), labels.get("report.col.value"));
		ReportFigures.Totals t = f.totals();
		Object[][] totals = { { "clips", t.clips() }, { "airings", t.airings() }, { "minutes", t.minutes() },
				{ "partial", t.partial() }, { "interrupted", t.interrupted() }, { "missed", t.missed() },
				{ "failed", t.failed() }, { "onTimeRate", t.onTimeRate() } };
		int n = 1;
		for (Object[] row : totals) {
			ws.value(r, 0, n++);
			ws.value(r, 1, labels.get("report.totals." + row[0]));
			ws.value(r, 2, (String) row[0]);
			ws.value(r, 3, (Number) row[1]);
			r++;
		}
		r++;
		String[] cols = { labels.get("report.col.clips"), labels.get("report.col.airings"), labels.get("report.col.minutes") };
		r = header(ws, r, "II. " + labels.get("report.section.byKind"), labels.get("report.col.kind"),
				labels.get("report.col.code"), cols[0], cols[1], cols[2]);
		n = 1;
		for (ReportFigures.KindRow k : f.byKind()) {
			r = row(ws, r, n++, labels.of(k.kind(), "kind."), k.kind().name(), k.clips(), k.airings(), k.minutes());
		}
		r = sumRow(ws, r, t);
		r = header(ws, r, "III. " + labels.get("report.section.byTopic"), labels.get("report.col.topic"),
				labels.get("report.col.code"), cols[0], cols[1], cols[2]);
		n = 1;
		for (ReportFigures.TopicRow k : f.byTopic()) {
			r = row(ws, r, n++, labels.of(k.topic(), "topic."), k.topic().name(), k.clips(), k.airings(), k.minutes());
		}
		r = sumRow(ws, r, t);
		r = header(ws, r, "IV. " + labels.get("report.section.byZone"), labels.get("report.col.zone"),
				labels.get("report.col.code"), cols[0], cols[1], cols[2]);
		n = 1;
		for (ReportFigures.ZoneRow k : f.byZone()) {
			r = row(ws, r, n++, report.zoneName(k.zone()), k.zone(), k.clips(), k.airings(), k.minutes());
		}
		r++;
		r = header(ws, r, "V. " + labels.get("report.section.byMonth"), labels.get("report.col.month"),
				labels.get("report.col.code"), cols[0], cols[1], cols[2]);
		n = 1;
		for (ReportFigures.MonthRow k : f.byMonth()) {
			String label = labels.get("report.monthLabel", k.month().substring(5), k.month().substring(0, 4));
			r = row(ws, r, n++, label, k.month(), k.clips(), k.airings(), k.minutes());
		}
		r++;
		r = header(ws, r, "VI. " + labels.get("report.section.targets"), labels.get("report.col.target"),
				labels.get("report.col.code"), labels.get("report.col.planned"), labels.get("report.col.done"),
				labels.get("report.col.percent"));
		n = 1;
		for (ReportFigures.TargetRow k : f.targets()) {
			r = row(ws, r, n, k.name(), "T" + n, k.planned(), k.done(), k.percent());
			n++;
		}
		r++;
		r = header(ws, r, "VII. " + labels.get("report.section.problems"), labels.get("report.col.reason"),
				labels.get("report.col.outcome"), labels.get("report.col.count"));
		n = 1;
		for (ReportFigures.ProblemRow p : f.problems()) {
			ws.value(r, 0, n++);
			ws.value(r, 1, p.reason());
			ws.value(r, 2, p.outcome().name());
			ws.value(r, 3, p.count());
			r++;
		}
		r += 2;
		ws.value(r, 1, labels.get("report.signature.preparer"));
		ws.value(r, 3, labels.get("report.signature.head"));
		ws.style(r, 1).bold().set();
		ws.style(r, 3).bold().set();
		r++;
		ws.value(r, 1, labels.get("report.signature.hint"));
		ws.value(r, 3, labels.get("report.signature.hint"));
		r += 4;
		ws.value(r, 1, c.officerName());
	}

	private static int header(Worksheet ws, int r, String title, String... columns) {
		ws.value(r, 0, title);
		ws.style(r, 0).bold().set();
		r++;
		ws.value(r, 0, "STT");
		for (int i = 0; i < columns.length; i++) {
			ws.value(r, i + 1, columns[i]);
		}
		ws.range(r, 0, r, columns.length).style().bold().fillColor("DDEBF7").set();
		return r + 1;
	}

	private static int row(Worksheet ws, int r, int n, String label, String code, Number a, Number b, Number c) {
		ws.value(r, 0, n);
		ws.value(r, 1, label);
		ws.value(r, 2, code);
		ws.value(r, 3, a);
		ws.value(r, 4, b);
		ws.value(r, 5, c);
		return r + 1;
	}

	private int sumRow(Worksheet ws, int r, ReportFigures.Totals t) {
		ws.value(r, 1, labels.get("report.col.total"));
		ws.value(r, 2, "total");
		ws.value(r, 3, t.clips());
		ws.value(r, 4, t.airings());
		ws.value(r, 5, t.minutes());
		ws.range(r, 0, r, 5).style().bold().set();
		return r + 2;
	}

	private void evidence(ReportPeriod period, ReportService service, Workbook wb) throws IOException {
		String[] columns = { "report.ev.id", "report.ev.zone", "report.ev.date", "report.ev.scheduled",
				"report.ev.actual", "report.ev.slot", "report.ev.title", "report.ev.kind", "report.ev.topic",
				"report.ev.seconds", "report.ev.outcome", "report.ev.reason", "report.ev.corrects", "report.ev.sha256",
				"report.ev.hash", "report.ev.text" };
		double[] widths = { 10, 16, 11, 10, 10, 18, 48, 13, 24, 10, 12, 30, 10, 66, 66, 80 };
		EvidenceWriter writer = new EvidenceWriter(wb, columns, widths, service::zoneName);
		try {
			service.evidenceRows(period, writer::write);
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		writer.finish();
	}

	/** Writes evidence rows, flushing as it goes and starting a new sheet when one is full. */
	private final class EvidenceWriter {

		private final Workbook wb;
		private final String[] columns;
		private final double[] widths;
		private final LocalClock clock = new LocalClock(zone);
		private final String relayKind = labels.get(vn.loaxa.broadcast.EvidenceRow.RELAY_KIND);
		private Worksheet ws;
		private int sheets;
		private int r;

		private final java.util.function.Function<String, String> zoneName;
		private final java.util.Map<String, String> zoneNames = new java.util.HashMap<>();

		EvidenceWriter(Workbook wb, String[] columns, double[] widths, java.util.function.Function<String, String> zoneName)
				throws IOException {
			this.zoneName = zoneName;
			this.wb = wb;
			this.columns = columns;
			this.widths = widths;
			newSheet();
		}

		private void newSheet() throws IOException {
			if (ws != null) {
				ws.finish();
			}
			sheets++;
			ws = wb.newWorksheet(sheets == 1 ? EVIDENCE : EVIDENCE + " (" + sheets + ")");
			for (int i = 0; i < columns.length; i++) {
				ws.value(0, i, labels.get(columns[i]));
				ws.width(i, widths[i]);
			}
			ws.range(0, 0, 0, columns.length - 1).style().bold().fillColor("DDEBF7").set();
			ws.freezePane(0, 1);
			r = 1;
		}

		/**
		 * One row. Texts that repeat from row to row (zone, date, times, slot, title, kind, topic,
		 * outcome, clip hash, bulletin text) go to the shared strings, so each is escaped and stored
		 * once; only the record's own hash and a free-text reason are written inline.
		 */
		void write(EvidenceEntry row) {
			BroadcastRecord record = row.record();
			try {
				if (r > MAX_ROWS) {
					newSheet();
				}
				Airing a = record.airing();
				ws.value(r, 0, record.id());
				ws.value(r, 1, zoneNames.computeIfAbsent(a.zoneId(), zoneName));
				ws.value(r, 2, clock.date(a.scheduledStart()));
				ws.value(r, 3, clock.time(a.scheduledStart()));
				if (a.actualStart() != null) {
					ws.value(r, 4, clock.time(a.actualStart()));
				}
				if (a.slotName() != null) {
					ws.value(r, 5, a.slotName());
				}
				if (row.relay() != null) {
					ws.value(r, 6, row.relay());
					ws.value(r, 7, relayKind);
				}
				else if (a.clipTitle() != null) {
					ws.value(r, 6, a.clipTitle());
				}
				if (a.kind() != null) {
					ws.value(r, 7, a.kind().name());
				}
				if (a.topic() != null) {
					ws.value(r, 8, a.topic().name());
				}
				ws.value(r, 9, Math.round(a.playedMs() / 100.0) / 10.0);
				ws.value(r, 10, a.outcome().name());
				if (a.reason() != null || a.reasonCode() != null) {
					ws.inlineString(r, 11, reason(a));
				}
				if (record.correctsId() != null) {
					ws.value(r, 12, record.correctsId());
				}
				if (a.clipSha256() != null) {
					ws.value(r, 13, a.clipSha256());
				}
				ws.inlineString(r, 14, record.hash());
				if (row.text() != null) {
					ws.value(r, 15, row.text());
				}
				r++;
				if (r % FLUSH_EVERY == 0) {
					ws.flush();
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		void finish() throws IOException {
			ws.finish();
		}
	}

	/**
	 * Local dates and times of many instants, fast: the date text is kept while consecutive records
	 * share a day, and each time of day is written once, digit by digit, then reused.
	 */
	static final class LocalClock {

		private final ZoneId zone;
		private long day = Long.MIN_VALUE;
		private String dateText;
		private final String[] times = new String[86_400];

		LocalClock(ZoneId zone) {
			this.zone = zone;
		}

		private long localSeconds(Instant instant) {
			return instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
		}

		/** dd/MM/yyyy */
		String date(Instant instant) {
			long d = Math.floorDiv(localSeconds(instant), 86_400);
			if (d != day) {
				day = d;
				dateText = Formats.DATE.format(LocalDate.ofEpochDay(d));
			}
			return dateText;
		}

		/** HH:mm:ss */
		String time(Instant instant) {
			int s = (int) Math.floorMod(localSeconds(instant), 86_400);
			String text = times[s];
			if (text == null) {
				char[] c = { digit(s / 36_000), digit(s / 3600 % 10), ':', digit(s % 3600 / 600), digit(s % 600 / 60),
						':', digit(s % 60 / 10), digit(s % 10) };
				text = new String(c);
				times[s] = text;
			}
			return text;
		}

		private static char digit(int d) {
			return (char) ('0' + d);
		}
	}

	/** The Vietnamese cause of a record that did not air in full, then its technical detail. */
	private String reason(vn.loaxa.broadcast.Airing a) {
		if (a.reasonCode() == null) {
			return a.reason();
		}
		String label = labels.get(a.reasonCode().messageKey());
		return a.reason() == null ? label : label + " — " + a.reason();
	}
}
