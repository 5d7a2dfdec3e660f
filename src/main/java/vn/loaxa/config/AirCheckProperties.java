package vn.loaxa.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Air-checks ({@code loaxa.aircheck.*}): whether what a channel writes during a relay or a live
 * announcement is kept as a compressed file, at what bit rate ({@code 32k}), and for how long
 * ({@code 90} or {@code 90d} days; {@code 2160h} works too) before a daily job deletes it.
 */
@ConfigurationProperties("loaxa.aircheck")
public record AirCheckProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("32k") String bitrate,
		@DefaultValue("90") @DurationUnit(ChronoUnit.DAYS) Duration keep) {

	public AirCheckProperties {
		if (bitrate == null || !bitrate.matches("[1-9][0-9]{0,2}k")) {
			throw new IllegalArgumentException("loaxa.aircheck.bitrate is kbit/s like 32k, not " + bitrate);
		}
		if (keep.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("loaxa.aircheck.keep is at least a day, not " + keep);
		}
	}
}
