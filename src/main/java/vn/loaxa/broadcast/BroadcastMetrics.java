package vn.loaxa.broadcast;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Counters for {@code /actuator/prometheus}: records by outcome ({@code loaxa_broadcasts_total}) and
 * the start lag of what aired ({@code loaxa_start_lag_seconds}).
 */
@Component
class BroadcastMetrics {

	private final MeterRegistry registry;
	private final Timer startLag;

	BroadcastMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.startLag = Timer.builder("loaxa.start.lag")
			.description("actual minus scheduled start of aired clips")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		for (Outcome outcome : Outcome.values()) {
			counter(outcome);
		}
	}

	void recorded(Airing airing) {
		counter(airing.outcome()).increment();
		if (airing.actualStart() != null && airing.outcome() == Outcome.PLAYED) {
			Duration lag = Duration.between(airing.scheduledStart(), airing.actualStart());
			startLag.record(lag.isNegative() ? Duration.ZERO : lag);
		}
	}

	private Counter counter(Outcome outcome) {
		return Counter.builder("loaxa.broadcasts").tag("outcome", outcome.name().toLowerCase()).register(registry);
	}
}
