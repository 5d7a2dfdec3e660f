package vn.loaxa.playout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a relay (tiếp sóng) judges its source: no sound data for {@code stall}, or sound below
 * {@code silenceLevel} dBFS for {@code silence}, counts as lost; an address has {@code answerWait}
 * to give its first sound; a source that does not come back is retried with a backoff doubling up to
 * {@code maxBackoff}.
 */
@ConfigurationProperties("loaxa.relay")
public record RelayProperties(@DefaultValue("5s") Duration stall, @DefaultValue("30s") Duration silence,
		@DefaultValue("-50") double silenceLevel, @DefaultValue("5s") Duration answerWait,
		@DefaultValue("30s") Duration maxBackoff) {
}
