package vn.loaxa.playout;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audio output settings ({@code loaxa.audio.*}). {@code sink}: {@code line} plays to the sound
 * card (each channel's {@code output} names the Java Sound mixer, or {@code default}); {@code file}
 * writes each programme's PCM into a WAV under {@code file-sink-dir} (default
 * {@code <data-dir>/sink}). {@code file-sink-realtime}: the file sink takes as long as the
 * loudspeaker would, so times, Stop and Phát ngay behave as on the line. {@code switch-timeout}:
 * how long a zone switch command may take.
 */
@ConfigurationProperties("loaxa.audio")
public record AudioProperties(@DefaultValue("line") Sink sink, Path fileSinkDir,
		@DefaultValue("true") boolean fileSinkRealtime, @DefaultValue("200ms") Duration lineBuffer,
		@DefaultValue("10s") Duration switchTimeout) {

	public enum Sink {
		LINE, FILE
	}
}
