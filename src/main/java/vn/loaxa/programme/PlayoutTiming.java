package vn.loaxa.programme;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timing rules of a programme ({@code loaxa.playout.*}): the silence between two items
 * ({@code pause}, default 1 s, 0 allowed) and how late a slot may still start ({@code grace},
 * default 5 min; later it is MISSED). Programme filling and playout both follow them.
 */
@ConfigurationProperties("loaxa.playout")
public record PlayoutTiming(@DefaultValue("1s") Duration pause, @DefaultValue("5m") Duration grace) {

	public PlayoutTiming {
		if (pause.isNegative() || pause.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("loaxa.playout.pause must be between 0 and 1m, not " + pause);
		}
		if (grace.isNegative() || grace.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("loaxa.playout.grace must be between 0 and 1h, not " + grace);
		}
	}
}
