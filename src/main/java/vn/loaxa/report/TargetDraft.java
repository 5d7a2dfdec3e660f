package vn.loaxa.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonFormat;

import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.web.Formats;

/**
 * A plan target as typed in the plan page's form or sent to the API: text, read by one set of
 * rules ({@link #target}) so both refuse the same input with the same message. Empty kinds or topics
 * mean any; measure {@code CLIPS} (the default), {@code AIRINGS} or {@code relayMinutes} (minutes relayed,
 * no kinds or topics; {@code relay} the one relay it counts, blank for all).
 */
public record TargetDraft(String name, String planned, boolean perMonth,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> kinds,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> topics, String measure,
		String relay) {

	public TargetDraft {
		kinds = kinds == null ? List.of() : kinds.stream().filter(k -> k != null).toList();
		topics = topics == null ? List.of() : topics.stream().filter(t -> t != null).toList();
		relay = relay == null || relay.isBlank() ? null : relay.strip();
	}

	/** The target this draft describes, for the plan of {@code year}; a {@link UserError} for the first bad field. */
	PlanTarget target(Long id, int year) {
		Set<ClipKind> kindSet = parsed(ClipKind.class, kinds, "invalid_kind");
		Set<Topic> topicSet = parsed(Topic.class, topics, "invalid_topic");
		Measure how = how();
		if (how == Measure.RELAY_MINUTES && !kindSet.isEmpty()) {
			throw new UserError(400, "invalid_target", "report.error.relayKinds").withField("kinds");
		}
		if (how == Measure.RELAY_MINUTES && !topicSet.isEmpty()) {
			throw new UserError(400, "invalid_target", "report.error.relayKinds").withField("topics");
		}
		if (how != Measure.RELAY_MINUTES && relay != null) {
			throw new UserError(400, "invalid_target", "report.error.relayMeasure").withField("relay");
		}
		return new PlanTarget(id, year, name, PlanTargets.parseCount(planned), perMonth, kindSet, topicSet, how, 0,
				relay);
	}

	/** Each code read; a blank entry (an empty checkbox value) means nothing, as in every other form. */
	private static <E extends Enum<E>> Set<E> parsed(Class<E> type, List<String> typed, String code) {
		Set<E> values = EnumSet.noneOf(type);
		for (String text : typed) {
			E value = Formats.parseEnum(type, text, code);
			if (value != null) {
				values.add(value);
			}
		}
		return values;
	}

	/** The measure typed (its name or JSON spelling); CLIPS when blank. */
	Measure how() {
		if (measure == null || measure.isBlank()) {
			return Measure.CLIPS;
		}
		Measure how = Measure.parse(measure);
		if (how == null) {
			throw new UserError(400, "invalid_target", "report.error.measure").withField("measure");
		}
		return how;
	}

	/** What of the draft can be shown again in a refused form: the known kinds, topics and measure as typed. */
	PlanController.TargetForm asTyped(Long id) {
		return new PlanController.TargetForm(id, name == null ? "" : name, planned == null ? "" : planned, perMonth,
				known(ClipKind.class, kinds), known(Topic.class, topics),
				java.util.Optional.ofNullable(Measure.parse(measure)).orElse(Measure.CLIPS), relay == null ? "" : relay);
	}

	private static <E extends Enum<E>> Set<E> known(Class<E> type, List<String> typed) {
		Set<E> known = EnumSet.noneOf(type);
		EnumSet.allOf(type).stream().filter(e -> typed.contains(e.name())).forEach(known::add);
		return known;
	}
}
