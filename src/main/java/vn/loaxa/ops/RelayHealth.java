package vn.loaxa.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import vn.loaxa.playout.Playout;

/**
 * {@code relay} in {@code /actuator/health}: UP unless a relay (tiếp sóng) on air has had no sound
 * for longer than an address has to answer; then DEGRADED (still HTTP 200: LoaXa reconnects on its
 * own and records the outage), with the channel, relay, since when and why.
 */
@Component("relayHealthIndicator")
class RelayHealth extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "a relay on air has no sound and is reconnecting");

	private final Playout playout;

	RelayHealth(Playout playout) {
		super("relay health check failed");
		this.playout = playout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<Playout.RelayDown> down = playout.relaysDown();
		Map<String, Object> channels = new LinkedHashMap<>();
		for (Playout.RelayDown d : down) {
			channels.put(d.channelId(), Map.of("relay", d.relayId(), "name", d.relayName(), "since", d.since().toString(),
					"why", d.why()));
		}
		builder.status(down.isEmpty() ? Status.UP : DEGRADED).withDetail("down", channels);
	}
}
