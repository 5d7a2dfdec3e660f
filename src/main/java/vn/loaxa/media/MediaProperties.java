package vn.loaxa.media;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Import settings ({@code loaxa.media.*}). {@code ffmpeg}/{@code ffprobe} name a system
 * executable; left empty, the executables bundled in the jar are used.
 */
@Validated
@ConfigurationProperties("loaxa.media")
public record MediaProperties(
		@DefaultValue("200MB") DataSize maxFileSize,
		@DefaultValue("-16") @Min(-40) @Max(-5) double loudnessTarget,
		@DefaultValue("-1") double truePeakLimit,
		@DefaultValue("44100") @Min(8000) @Max(96000) int sampleRate,
		@DefaultValue("true") boolean importOnStart,
		Path ffmpeg,
		Path ffprobe) {
}
