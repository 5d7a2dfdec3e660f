package vn.loaxa.media;

import java.text.Normalizer;

/** Tidies text from files and forms: NFC (so Vietnamese compares equal), no control characters. */
final class TextCleaner {

	private TextCleaner() {
	}

	static String singleLine(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String cleaned = Normalizer.normalize(value, Normalizer.Form.NFC)
			.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\uFEFF]+", " ")
			.replaceAll("\\s+", " ")
			.strip();
		if (cleaned.isEmpty()) {
			return null;
		}
		return cleaned.length() > maxLength ? cleaned.substring(0, maxLength).strip() : cleaned;
	}

	static String multiLine(String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String cleaned = Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]+", "")
			.strip();
		if (cleaned.isEmpty()) {
			return null;
		}
		return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) : cleaned;
	}

	/** The last segment of an uploaded name: no directories, no control characters. Never used as a path. */
	static String fileName(String uploaded) {
		String name = uploaded == null ? "" : uploaded;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String cleaned = singleLine(name, 300);
		return cleaned == null || cleaned.equals(".") || cleaned.equals("..") ? "khong-ten" : cleaned;
	}

	/** A title from a file name: "ban-tin_sang.mp3" becomes "ban tin sang". */
	static String titleFromFileName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String base = dot > 0 ? fileName.substring(0, dot) : fileName;
		String title = singleLine(base.replace('_', ' ').replace('-', ' '), 300);
		return title == null ? fileName : title;
	}
}
