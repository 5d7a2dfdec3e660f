package vn.loaxa.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Air-checks: what a channel writes (raw PCM, signed 16-bit little-endian) encoded by the bundled ffmpeg
 * as it is written into a small mono MP3 (libmp3lame, constant bit rate, 32 kbit/s by default: about
 * 14.4 MB an hour). The encoding never holds playout back ({@link AirCheckEncoding}); an ffmpeg that is
 * missing or will not start gives an encoding that has failed already, never an exception.
 */
@Component
public class AirCheckEncoder {

	private static final Pattern BITRATE = Pattern.compile("[1-9][0-9]{0,2}k");
	/** The rates MPEG audio layer III has; the air-check takes the highest at or below both the PCM's and 22,050 Hz. */
	private static final int[] MP3_RATES = { 8000, 11025, 12000, 16000, 22050 };

	private final FfmpegTools tools;

	AirCheckEncoder(FfmpegTools tools) {
		this.tools = tools;
	}

	/**
	 * Starts ffmpeg writing {@code file} (its folder made) from PCM at this rate and channel count;
	 * {@code bitrate} as ffmpeg takes it ({@code 32k}).
	 */
	public AirCheckEncoding start(Path file, int sampleRate, int channels, String bitrate) {
		if (!BITRATE.matcher(bitrate).matches()) {
			throw new IllegalArgumentException("loaxa.aircheck.bitrate is kbit/s like 32k, not " + bitrate);
		}
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try {
			Files.createDirectories(file.getParent());
			Process ffmpeg = new ProcessBuilder(command(tools.ffmpeg(), sampleRate, channels, bitrate, part))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return new AirCheckEncoding(ffmpeg, part, file, sampleRate * channels * 2);
		}
		catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
			// UnsatisfiedLinkError: the bundled executables are not there for this system
			return AirCheckEncoding.failed(file, "ffmpeg could not be started: " + e);
		}
	}

	static List<String> command(String ffmpeg, int sampleRate, int channels, String bitrate, Path out) {
		return List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", String.valueOf(sampleRate),
				"-ac", String.valueOf(channels), "-i", "pipe:0", "-vn", "-ac", "1", "-ar",
				String.valueOf(mp3Rate(sampleRate)), "-c:a", "libmp3lame", "-b:a", bitrate, "-map_metadata", "-1",
				"-f", "mp3", "-y", out.toString());
	}

	/** 22,050 Hz for speech at 32 kbit/s (MPEG-2 layer III); lower when the PCM is. */
	static int mp3Rate(int sampleRate) {
		int rate = MP3_RATES[0];
		for (int r : MP3_RATES) {
			if (r <= sampleRate) {
				rate = r;
			}
		}
		return rate;
	}
}
