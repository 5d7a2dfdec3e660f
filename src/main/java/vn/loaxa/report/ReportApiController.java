package vn.loaxa.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loaxa.web.ApiController;

/** {@code GET /api/reports?period=…&format=json|xlsx|csv|pdf|docx}, or {@code from}/{@code to} for a custom range. */
@ApiController("/api")
class ReportApiController {

	private final ReportExports exports;

	ReportApiController(ReportExports exports) {
		this.exports = exports;
	}

	@Operation(summary = "Download a report of a period",
			description = "A month, quarter, half, year, statutory year or range (period, or from/to); format "
					+ "json (default, inline), xlsx, csv, pdf or docx (downloads; docx is the report to file, in the "
					+ "form of Nghị định 30/2020). Every format shows the same figures; each target adds where it "
					+ "is heading (forecast).")
	@GetMapping("/reports")
	void report(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		ReportPeriod chosen = ReportPeriod.choose(period, from, to);
		ReportFormat chosenFormat = ReportFormat.parse(format);
		send(chosen, chosenFormat, response, exports);
	}

	/** Writes a report with its file name; period and format are checked before any header goes out. */
	static void send(ReportPeriod period, ReportFormat format, HttpServletResponse response, ReportExports exports)
			throws IOException {
		response.setContentType(format.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				(format == ReportFormat.JSON ? ContentDisposition.inline() : ContentDisposition.attachment())
					.filename(format.fileName(period), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		exports.write(period, format, response.getOutputStream());
	}
}
