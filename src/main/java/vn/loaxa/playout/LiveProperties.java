package vn.loaxa.playout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live announcements ({@code loaxa.live.*}). {@code capture}: the Java Sound mixer the microphone
 * or line-in is on, matched by name as a channel's {@code output} is ({@code default}: the PC's
 * default input). {@code max-length}: a live broadcast someone forgot to end ends by itself.
 * {@code line-buffer}: what a channel's line keeps queued while live, the main part of the delay
 * from the microphone to the loudspeakers (a scheduled programme uses {@code loaxa.audio.line-buffer}).
 */
@ConfigurationProperties("loaxa.live")
public record LiveProperties(@DefaultValue("default") String capture, @DefaultValue("15m") Duration maxLength,
		@DefaultValue("40ms") Duration lineBuffer, @DefaultValue("20ms") Duration captureBuffer) {

	public LiveProperties {
		if (maxLength.isNegative() || maxLength.isZero()) {
			throw new IllegalArgumentException("loaxa.live.max-length must be positive, was " + maxLength);
		}
	}
}
