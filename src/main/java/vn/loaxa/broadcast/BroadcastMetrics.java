package vn.loaxa.broadcast;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Counters for {@code /actuator/prometheus}: records by outcome ({@code loaxa_broadcasts_total}),
 * the start lag of what aired ({@code loaxa_start_lag_seconds}), and the size of the log
 * ({@code loaxa_broadcast_records}: the chain head's last id, one row read, no count of the table).
 */
@Component
class BroadcastMetrics {

	private final MeterRegistry registry;
	private final Timer startLag;

	BroadcastMetrics(MeterRegistry registry, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.registry = registry;
		io.micrometer.core.instrument.Gauge.builder("loaxa.broadcast.records", jdbc, BroadcastMetrics::records)
			.description("records in the broadcast log (the append-only chain)")
			.register(registry);
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

	private static double records(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		try {
			Long last = jdbc.queryForObject("SELECT last_id FROM broadcast_chain_head WHERE id = 1", Long.class);
			return last == null ? 0 : last;
		}
		catch (RuntimeException e) {
			return Double.NaN;
		}
	}

	private Counter counter(Outcome outcome) {
		return Counter.builder("loaxa.broadcasts").tag("outcome", outcome.name().toLowerCase()).register(registry);
	}
}
