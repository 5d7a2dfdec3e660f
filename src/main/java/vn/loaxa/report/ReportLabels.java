package vn.loaxa.report;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.loaxa.web.Formats;

/** Labels for exported files: Vietnamese, from {@code messages_vi.properties}. */
final class ReportLabels {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;
	private final Locale locale;

	ReportLabels(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	String get(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	String of(Enum<?> value, String prefix) {
		return value == null ? "" : get(prefix + value.name());
	}

	/** "15/12/2025 – 14/03/2026". */
	static String range(LocalDate from, LocalDate to) {
		return Formats.date(from) + " – " + Formats.date(to);
	}
}
