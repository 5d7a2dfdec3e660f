package vn.loaxa.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * One target of a yearly propaganda plan: "150 tin, bài trên loa" ({@code planned} 150 for the
 * year, kinds NEWS and ARTICLE) or "02 bài mỗi tháng" ({@code perMonth}: multiplied by the months of
 * the period). Empty kinds or topics mean any. A target of minutes relayed ({@link Measure#RELAY_MINUTES})
 * has no kinds or topics and may name the one {@code relay} it counts (null: every relay).
 */
public record PlanTarget(Long id, int planYear, String name, int planned, boolean perMonth, Set<ClipKind> kinds,
		Set<Topic> topics, Measure measure, int position,
		@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String relay) {

	public PlanTarget {
		kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
		topics = topics == null || topics.isEmpty() ? Set.of() : Set.copyOf(topics);
		measure = measure == null ? Measure.CLIPS : measure;
		relay = relay == null || relay.isBlank() ? null : relay.strip();
	}

	/** A target of clips or airings (no relay). */
	public PlanTarget(Long id, int planYear, String name, int planned, boolean perMonth, Set<ClipKind> kinds,
			Set<Topic> topics, Measure measure, int position) {
		this(id, planYear, name, planned, perMonth, kinds, topics, measure, position, null);
	}

	/** The target for a period: the yearly figure as it stands, a monthly one times the period's months. */
	public int plannedFor(ReportPeriod period) {
		return perMonth ? planned * period.monthCount() : planned;
	}

	public boolean matches(ClipKind kind, Topic topic) {
		return (kinds.isEmpty() || kind != null && kinds.contains(kind))
				&& (topics.isEmpty() || topic != null && topics.contains(topic));
	}

	/** Kinds in their declared order, for forms and listings. */
	public java.util.List<ClipKind> kindList() {
		return Arrays.stream(ClipKind.values()).filter(kinds::contains).toList();
	}

	public java.util.List<Topic> topicList() {
		return Arrays.stream(Topic.values()).filter(topics::contains).toList();
	}

	static String join(Set<? extends Enum<?>> values) {
		return values.isEmpty() ? null
				: values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static <E extends Enum<E>> Set<E> split(Class<E> type, String text) {
		Set<E> set = EnumSet.noneOf(type);
		if (text != null) {
			for (String part : text.split(",")) {
				if (!part.isBlank()) {
					set.add(Enum.valueOf(type, part.strip()));
				}
			}
		}
		return set;
	}
}
