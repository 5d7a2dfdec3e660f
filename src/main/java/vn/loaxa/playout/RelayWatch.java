package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Relay;

/**
 * Which channel relays what right now, and which relay is down (no sound from any of its addresses for
 * longer than an address has to answer): for health and the status strip.
 */
@Component
class RelayWatch {

	static final String RECONNECTING = "mất sóng, đang kết nối lại";

	/** A channel's relay without sound: since when and why. */
	private record Down(String relayId, String relayName, Instant since, String why) {
	}

	private final Map<String, Down> channels = new ConcurrentHashMap<>();
	private final RelayProperties properties;
	private final LoaxaClock clock;

	RelayWatch(RelayProperties properties, LoaxaClock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The channel's relay has sound (again). */
	void on(String channelId) {
		channels.remove(channelId);
	}

	void down(String channelId, Relay relay, Instant since, String why) {
		channels.put(channelId, new Down(relay.id(), relay.name(), since, why));
	}

	/** The relay run on the channel is over. */
	void off(String channelId) {
		channels.remove(channelId);
	}

	/** Relays without sound now, longer than an address has to answer. */
	List<Playout.RelayDown> down() {
		Instant now = clock.now().toInstant();
		Duration wait = properties.answerWait();
		return channels.entrySet()
			.stream()
			.filter(e -> e.getValue().since().plus(wait).isBefore(now))
			.map(e -> new Playout.RelayDown(e.getKey(), e.getValue().relayId(), e.getValue().relayName(),
					e.getValue().since(), e.getValue().why()))
			.sorted(Comparator.comparing(Playout.RelayDown::channelId))
			.toList();
	}
}
