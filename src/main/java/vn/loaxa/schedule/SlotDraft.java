package vn.loaxa.schedule;

import java.util.List;

/**
 * A slot as typed in the web form: text fields, read with the same rules (and the same
 * Vietnamese messages) as the plan files. {@code dates} and {@code except}: dates separated by
 * commas or spaces (dd/MM/yyyy or yyyy-MM-dd).
 */
public record SlotDraft(String target, String name, List<String> days, String dates, String start, String length,
		List<String> topics, String intro, String outro, String validFrom, String validUntil, String except) {

	public SlotDraft {
		days = days == null ? List.of() : List.copyOf(days);
		topics = topics == null ? List.of() : List.copyOf(topics);
	}
}
