package vn.loaxa.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Decodes a live stream (HLS, Icecast/Shoutcast, plain HTTP audio) with the bundled ffmpeg into raw
 * PCM (signed 16-bit little-endian, at the rate and channels asked) on the process's standard output,
 * as fast as the stream gives it. For plain HTTP the {@code -reconnect} options are passed; an HLS
 * playlist ({@code .m3u8}) is given to ffmpeg as is. The caller reads the output and destroys the
 * process when done; ffmpeg's messages are discarded.
 */
@Component
public class StreamDecoder {

	/** How long ffmpeg waits for the network before it gives up on a read (microseconds, its unit). */
	static final long IO_TIMEOUT_MICROS = 5_000_000L;

	private final FfmpegTools tools;

	StreamDecoder(FfmpegTools tools) {
		this.tools = tools;
	}

	/** Starts ffmpeg on the address; its standard output is the PCM. */
	public Process open(String url, int sampleRate, int channels) throws IOException {
		return new ProcessBuilder(command(tools.ffmpeg(), url, sampleRate, channels))
			.redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
	}

	static List<String> command(String ffmpeg, String url, int sampleRate, int channels) {
		List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error"));
		if (!isHls(url)) {
			command.addAll(List.of("-reconnect", "1", "-reconnect_streamed", "1", "-reconnect_delay_max", "2"));
		}
		command.addAll(List.of("-rw_timeout", String.valueOf(IO_TIMEOUT_MICROS), "-i", url, "-vn", "-f", "s16le",
				"-acodec", "pcm_s16le", "-ar", String.valueOf(sampleRate), "-ac", String.valueOf(channels), "pipe:1"));
		return command;
	}

	static boolean isHls(String url) {
		String path = url.toLowerCase(Locale.ROOT);
		int query = path.indexOf('?');
		return (query < 0 ? path : path.substring(0, query)).endsWith(".m3u8");
	}
}
