package vn.loaxa.media.speech;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text-to-speech settings ({@code loaxa.tts.*}). {@code engine}: {@code espeak-ng}, {@code piper} or
 * {@code http}; unset, there is no engine and the text form says so. {@code command} defaults to the
 * engine's own name on PATH; {@code rate} is in words per minute (espeak-ng's scale; piper's length
 * scale follows it). A process engine is killed after {@code timeout}.
 */
@ConfigurationProperties("loaxa.tts")
public record TtsProperties(
		String engine,
		String command,
		String voice,
		@DefaultValue("150") int rate,
		Path model,
		URI url,
		String key,
		@DefaultValue("60s") Duration timeout,
		/** At most the column's 10,000 characters. */
		@DefaultValue("10000") int maxChars) {

	public TtsProperties {
		if (maxChars < 1 || maxChars > 10_000) {
			throw new IllegalArgumentException("loaxa.tts.max-chars must be between 1 and 10000, not " + maxChars);
		}
	}

	static final int NORMAL_RATE = 150;

	String voiceOr(String fallback) {
		return voice == null || voice.isBlank() ? fallback : voice.strip();
	}

	String commandOr(String fallback) {
		return command == null || command.isBlank() ? fallback : command.strip();
	}
}
