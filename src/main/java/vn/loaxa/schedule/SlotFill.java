package vn.loaxa.schedule;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import vn.loaxa.media.Topic;

/**
 * What fills a slot: clips of these topics (any topic when none), between an intro and an outro tune;
 * or, with {@code relay}, the station of that relay's id instead of clips (the tunes still play).
 */
public record SlotFill(Set<Topic> topics, String intro, String outro, String relay) {

	public static final SlotFill ANY = new SlotFill(Set.of(), null, null, null);

	public SlotFill {
		topics = topics == null || topics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
		relay = relay == null || relay.isBlank() ? null : relay;
	}

	public SlotFill(Set<Topic> topics, String intro, String outro) {
		this(topics, intro, outro, null);
	}

	public static SlotFill of(Set<Topic> topics) {
		return new SlotFill(topics, null, null);
	}

	public boolean accepts(Topic topic) {
		return topics.isEmpty() || topics.contains(topic);
	}
}
