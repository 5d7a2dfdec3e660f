package vn.loaxa.broadcast;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Schedule;

/**
 * The log page's filtered rows as a file: {@code /broadcasts/export.csv} (UTF-8 with a byte-order
 * mark, so Excel shows the diacritics) and {@code /broadcasts/export.xlsx}, with the page's filters.
 * Streamed a page of the log at a time; columns are {@link EvidenceRow}'s, after the record number.
 */
@Controller
class LogExportController {

	private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
		.setQuoteMode(QuoteMode.NON_NUMERIC)
		.setRecordSeparator("\r\n")
		.get();
	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final LogSearch search;
	private final LoaxaClock clock;
	private final MessageSource messages;
	private final Schedule schedule;

	LogExportController(LogSearch search, LoaxaClock clock, MessageSource messages, Schedule schedule) {
		this.search = search;
		this.clock = clock;
		this.messages = messages;
		this.schedule = schedule;
	}

	@GetMapping("/broadcasts/export.csv")
	void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String outcome,
			HttpServletResponse response) throws IOException {
		LogFilter filter = BroadcastController.filter(from, to, zone, topic, kind, outcome, clock);
		start(response, "text/csv; charset=UTF-8", "csv");
		OutputStream out = response.getOutputStream();
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer, CSV);
		csv.printRecord(headings());
		EvidenceRow.Context context = context();
		each(filter, record -> {
			List<Object> row = new ArrayList<>();
			row.add(record.id());
			row.addAll(EvidenceRow.cells(record, context));
			csv.printRecord(row);
		});
		csv.flush();
		writer.flush();
	}

	@GetMapping("/broadcasts/export.xlsx")
	void xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String outcome,
			HttpServletResponse response) throws IOException {
		LogFilter filter = BroadcastController.filter(from, to, zone, topic, kind, outcome, clock);
		start(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
		Workbook wb = new Workbook(response.getOutputStream(), "LoaXa", "1.0");
		Worksheet ws = wb.newWorksheet(label("broadcast.title"));
		List<String> headings = headings();
		for (int i = 0; i < headings.size(); i++) {
			ws.value(0, i, headings.get(i));
			ws.width(i, i == 4 || i == 8 ? 48 : 20);
		}
		ws.range(0, 0, 0, headings.size() - 1).style().bold().fillColor("DDEBF7").set();
		EvidenceRow.Context context = context();
		int[] r = { 1 };
		each(filter, record -> {
			ws.value(r[0], 0, record.id());
			List<String> cells = EvidenceRow.cells(record, context);
			for (int i = 0; i < cells.size(); i++) {
				ws.inlineString(r[0], i + 1, cells.get(i));
			}
			if (++r[0] % 2000 == 0) {
				ws.flush();
			}
		});
		wb.finish();
	}

	private interface RecordWriter {
		void write(BroadcastRecord record) throws IOException;
	}

	private void each(LogFilter filter, RecordWriter writer) throws IOException {
		try {
			search.each(filter, record -> {
				try {
					writer.write(record);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private List<String> headings() {
		List<String> headings = new ArrayList<>();
		headings.add(label("report.ev.id"));
		headings.addAll(EvidenceRow.headings(this::label));
		return headings;
	}

	private EvidenceRow.Context context() {
		var plan = schedule.current();
		return new EvidenceRow.Context(clock.zone(), plan::targetName, this::label);
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, VIETNAMESE);
	}

	private void start(HttpServletResponse response, String type, String extension) {
		response.setContentType(type);
		String name = "nhat-ky-phat-song-" + clock.today() + "." + extension;
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
	}
}
