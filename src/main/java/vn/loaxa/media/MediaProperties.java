package vn.loaxa.media;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import settings ({@code loaxa.media.*}). {@code ffmpeg}/{@code ffprobe} name a system
 * executable; left empty, the executables bundled in the jar are used.
 */
@ConfigurationProperties("loaxa.media")
public record MediaProperties(
		@DefaultValue("200MB") DataSize maxFileSize,
		@DefaultValue("-16") double loudnessTarget,
		@DefaultValue("-1") double truePeakLimit,
		@DefaultValue("44100") int sampleRate,
		@DefaultValue("true") boolean importOnStart,
		Path ffmpeg,
		Path ffprobe) {

	public MediaProperties {
		if (loudnessTarget < -40 || loudnessTarget > -5) {
			throw new IllegalArgumentException("loaxa.media.loudness-target must be between -40 and -5 LUFS, not " + loudnessTarget);
		}
		if (sampleRate < 8000 || sampleRate > 96000) {
			throw new IllegalArgumentException("loaxa.media.sample-rate must be between 8000 and 96000, not " + sampleRate);
		}
	}
}
