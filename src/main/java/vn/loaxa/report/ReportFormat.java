package vn.loaxa.report;

import java.util.Locale;

import vn.loaxa.config.UserError;

/** The formats a report is exported in, with their media type and file extension. */
public enum ReportFormat {
	JSON("application/json", "json"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	CSV("text/csv; charset=UTF-8", "csv"),
	PDF("application/pdf", "pdf"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

	private final String mediaType;
	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/** Reads {@code json}, {@code xlsx}, {@code csv}, {@code pdf} or {@code docx}; blank is JSON. */
	public static ReportFormat parse(String text) {
		if (text == null || text.isBlank()) {
			return JSON;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new UserError(400, "invalid_format", "report.error.format",
					text.length() > 20 ? text.substring(0, 20) + "…" : text);
		}
	}

	/** The file name of a report, e.g. {@code bao-cao-loa-2026-Q1-statutory.xlsx}. */
	public String fileName(ReportPeriod period) {
		return "bao-cao-loa-" + period.fileStem() + "." + extension;
	}
}
