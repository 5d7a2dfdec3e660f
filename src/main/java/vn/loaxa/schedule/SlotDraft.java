package vn.loaxa.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import vn.loaxa.media.Topic;

/**
 * A slot in the words of its plan file: the keys of a slot file, as text. It is what the slot form
 * posts, what the API takes (POST, PUT) and gives back (GET, the same shape, so a script can read,
 * change and send it back), and every one of them is read by {@link PlanReader}, the files' own
 * rules and messages. {@code dates} and {@code except}: a list, or one text of dates separated by
 * commas or spaces (dd/MM/yyyy or yyyy-MM-dd). {@code relay}: a relay's id, for a slot that relays a
 * station instead of playing clips.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SlotDraft(String target, String name,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> days,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> dates, String start,
		String length, @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> topics,
		String intro, String outro, String validFrom, String validUntil,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> except, String relay) {

	public SlotDraft {
		days = copy(days);
		dates = copy(dates);
		topics = copy(topics);
		except = copy(except);
	}

	/** A slot of clips (no relay). */
	public SlotDraft(String target, String name, List<String> days, List<String> dates, String start, String length,
			List<String> topics, String intro, String outro, String validFrom, String validUntil, List<String> except) {
		this(target, name, days, dates, start, length, topics, intro, outro, validFrom, validUntil, except, null);
	}

	/** The slot as its file writes it: MON, 2026-12-24, "05:30", 15m, DIGITAL_TRANSFORMATION. */
	public static SlotDraft of(Slot s) {
		String start = s.start().toString();
		return new SlotDraft(s.target(), s.name(), s.days().stream().map(d -> d.name().substring(0, 3)).toList(),
				iso(s.dates()), start.length() > 8 ? start.substring(0, 8) : start, PlanWriter.length(s.length()),
				s.topics().stream().map(Topic::name).toList(), s.intro(), s.outro(), iso(s.validFrom()),
				iso(s.validUntil()), iso(s.except()), s.relay());
	}

	private static List<String> iso(Collection<LocalDate> dates) {
		return dates.stream().map(LocalDate::toString).toList();
	}

	private static String iso(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static List<String> copy(List<String> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
	}
}
