package vn.loaxa.ops;

import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import vn.loaxa.playout.AirChecks;

/**
 * {@code airCheck} in {@code /actuator/health}: whether air-checks are kept, and the last one that could
 * not be (ffmpeg missing or gone: when, channel, slot, why). Always UP: a failed air-check never stops an
 * airing, and its records say it themselves.
 */
@Component("airCheckHealthIndicator")
class AirCheckHealth extends AbstractHealthIndicator {

	private final AirChecks airChecks;

	AirCheckHealth(AirChecks airChecks) {
		super("air-check health check failed");
		this.airChecks = airChecks;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("enabled", airChecks.enabled());
		airChecks.lastFailure().ifPresent(f -> builder.withDetail("lastFailure", Map.of("at", f.at().toString(),
				"channel", f.channel(), "slot", f.slot(), "why", f.why())));
	}
}
