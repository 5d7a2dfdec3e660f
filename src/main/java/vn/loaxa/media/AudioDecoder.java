package vn.loaxa.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import vn.loaxa.media.internal.ImportRefused;

/**
 * Decodes a file in full with ffmpeg: probes what it claims to be, measures its loudness
 * (EBU R128), and writes the canonical PCM WAV (mono, 16-bit, one sample rate) with the gain that
 * brings it to the library's loudness target. The duration is counted from the decoded samples,
 * never taken from headers.
 */
@Component
class AudioDecoder {

	/** How much shorter than its header promises a decode may be before we call the file truncated. */
	private static final long TRUNCATION_TOLERANCE_MS = 300;
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
	private static final Duration DECODE_TIMEOUT = Duration.ofMinutes(15);
	/**
	 * Every channel mixed to one at equal weights (a stereo file: (L+R)/2), so that the mix never
	 * clips. Loudness is measured on, and gain applied to, exactly this signal. An explicit filter,
	 * because ffmpeg's automatic conversion mixes at different weights for float and integer samples.
	 */
	static final String MONO_DOWNMIX = "aresample=ochl=mono:rematrix_maxval=1";

	record Probe(AudioFormat format, Long promisedMs) {
	}

	record Loudness(Double integratedLufs, Double truePeakDb, List<String> errors) {
	}

	private final FfmpegTools ffmpeg;
	private final MediaProperties properties;
	private final ObjectMapper json = new ObjectMapper();

	AudioDecoder(FfmpegTools ffmpeg, MediaProperties properties) {
		this.ffmpeg = ffmpeg;
		this.properties = properties;
	}

	Probe probe(Path file, Path workDir) throws IOException {
		FfmpegTools.Result result = ffmpeg.runFfprobe(workDir, PROBE_TIMEOUT, List.of("-v", "warning", "-of", "json",
				"-show_entries", "format=format_name,duration:stream=codec_type,codec_name", file.toString()));
		if (!result.ok()) {
			throw ImportRefused.unsupported("not_audio");
		}
		JsonNode root = json.readTree(result.stdout());
		boolean hasAudio = false;
		for (JsonNode stream : root.path("streams")) {
			hasAudio |= "audio".equals(stream.path("codec_type").asText());
		}
		if (!hasAudio) {
			throw ImportRefused.unsupported("no_audio_stream");
		}
		AudioFormat format = AudioFormat.fromProbe(root.path("format").path("format_name").asText());
		// A duration ffmpeg estimated from the bitrate is a guess, not a promise the file makes.
		boolean estimated = result.stderr().contains("Estimating duration from bitrate");
		JsonNode duration = root.path("format").path("duration");
		Long promised = estimated || duration.isMissingNode() ? null : Math.round(duration.asDouble() * 1000);
		if (format == AudioFormat.WAV) {
			// ffprobe caps a WAV's duration at what the file holds, so a cut-off WAV looks complete;
			// the data chunk's own length is what the file promised.
			Long header = wavHeaderMs(file);
			if (header != null) {
				promised = header;
			}
		}
		return new Probe(format, promised);
	}

	/**
	 * The length a WAV's header declares (data chunk size ÷ frame size), or null when Java Sound
	 * cannot read the header or the size is the placeholder of a streamed WAV (0 or 0xFFFFFFFF).
	 */
	static Long wavHeaderMs(Path file) {
		try {
			AudioFileFormat header = AudioSystem.getAudioFileFormat(file.toFile());
			long frames = header.getFrameLength();
			int frameSize = header.getFormat().getFrameSize();
			float rate = header.getFormat().getFrameRate();
			if (frames <= 0 || rate <= 0 || frames >= Integer.MAX_VALUE
					|| (frameSize > 0 && frames * frameSize >= 0xFFFFFFFFL - frameSize)) {
				return null;
			}
			return Math.round(frames * 1000.0 / rate);
		}
		catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
			return null;
		}
	}

	Loudness measure(Path file, Path workDir) throws IOException {
		// Measured on the very mono downmix that the canonical WAV will hold: a stereo file measures
		// 3 to 6 LU louder than its mono mix, and a gain computed from that would miss the target.
		String filter = String.format(Locale.ROOT, "%s,loudnorm=I=%.1f:TP=%.1f:print_format=json", MONO_DOWNMIX,
				properties.loudnessTarget(), properties.truePeakLimit());
		FfmpegTools.Result result = ffmpeg.runFfmpeg(workDir, DECODE_TIMEOUT, List.of("-loglevel", "level+info",
				"-i", file.toString(), "-map", "0:a:0", "-af", filter, "-f", "null", "-"));
		List<String> errors = new ArrayList<>();
		for (String line : result.stderr().split("\n")) {
			if (line.contains("[error]") || line.contains("[fatal]")) {
				errors.add(line.strip());
			}
		}
		if (!result.ok()) {
			throw ImportRefused.unsupported("decode_failed", firstOr(errors, "exit " + result.exitCode()));
		}
		int start = result.stderr().lastIndexOf("{");
		int end = result.stderr().lastIndexOf("}");
		Double integrated = null;
		Double truePeak = null;
		if (start >= 0 && end > start) {
			JsonNode stats = json.readTree(result.stderr().substring(start, end + 1));
			integrated = finite(stats.path("input_i").asText());
			truePeak = finite(stats.path("input_tp").asText());
		}
		return new Loudness(integrated, truePeak, errors);
	}

	/**
	 * How a clip is brought to the target: one linear gain; where that gain would push the true peak
	 * over the limit, a look-ahead limiter (ffmpeg {@code alimiter}, delay compensated, so the length
	 * is unchanged) takes the peaks down instead of turning the whole clip down, so speech with
	 * sharp consonants ends as loud as everything else.
	 */
	record Gain(double db, boolean limited) {
	}

	/** More than this is not boosted: it would raise a quiet recording's noise floor with it. */
	static final double MAX_BOOST_DB = 24;

	Gain gainFor(Loudness loudness) {
		if (loudness.integratedLufs() == null) {
			return new Gain(0, false); // digital silence or too short to measure: leave it as it is
		}
		double gain = Math.min(properties.loudnessTarget() - loudness.integratedLufs(), MAX_BOOST_DB);
		boolean limited = loudness.truePeakDb() != null && loudness.truePeakDb() + gain > properties.truePeakLimit();
		return new Gain(Math.round(gain * 100) / 100.0, limited);
	}

	/**
	 * Writes the canonical WAV and answers the gain finally applied and the exact length. A limited
	 * clip loses a little loudness in the limiter; it is measured once more and made up for.
	 */
	Normalised normalise(Path file, Gain gain, Path target, Path workDir) throws IOException {
		long length = writeCanonical(file, gain, target, workDir);
		if (gain.limited()) {
			Loudness after = measure(target, workDir);
			if (after.integratedLufs() != null) {
				double makeUp = properties.loudnessTarget() - after.integratedLufs();
				if (Math.abs(makeUp) > 0.3) {
					gain = new Gain(Math.round(Math.min(gain.db() + makeUp, MAX_BOOST_DB) * 100) / 100.0, true);
					length = writeCanonical(file, gain, target, workDir);
				}
			}
		}
		return new Normalised(gain, length);
	}

	record Normalised(Gain gain, long durationMs) {
	}

	/** Writes the canonical WAV and answers its exact length in milliseconds. */
	long writeCanonical(Path file, Gain gain, Path target, Path workDir) throws IOException {
		List<String> args = new ArrayList<>(List.of("-v", "error", "-i", file.toString(), "-map", "0:a:0", "-vn"));
		StringBuilder filter = new StringBuilder(MONO_DOWNMIX);
		if (gain.db() != 0) {
			filter.append(String.format(Locale.ROOT, ",volume=%.2fdB", gain.db()));
		}
		if (gain.limited()) {
			// ceiling a little under the true-peak limit: the limiter sees samples, not the peaks between them
			double ceiling = Math.pow(10, (properties.truePeakLimit() - 0.5) / 20);
			filter.append(String.format(Locale.ROOT, ",alimiter=limit=%.4f:attack=5:release=50:level=false:latency=1",
					ceiling));
		}
		args.addAll(List.of("-af", filter.toString()));
		args.addAll(List.of("-ac", "1", "-ar", Integer.toString(properties.sampleRate()), "-c:a", "pcm_s16le",
				"-bitexact", "-f", "wav", "-y", target.toString()));
		FfmpegTools.Result result = ffmpeg.runFfmpeg(workDir, DECODE_TIMEOUT, args);
		if (!result.ok() && (result.stderr().contains("No space left on device")
				|| result.stderr().contains("Read-only file system"))) {
			// the work dir is full or read-only: a disk fault, not a file that does not decode
			throw new IOException("ffmpeg could not write " + target + ": " + result.stderr().strip());
		}
		if (!result.ok()) {
			throw ImportRefused.unsupported("decode_failed", firstOr(List.of(result.stderr().strip()), "?"));
		}
		return lengthMs(target.toFile());
	}

	static long lengthMs(File wav) throws IOException {
		try {
			AudioFileFormat format = AudioSystem.getAudioFileFormat(wav);
			return Math.round(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate());
		}
		catch (UnsupportedAudioFileException e) {
			throw new IOException("canonical WAV unreadable: " + wav, e);
		}
	}

	void checkComplete(Probe probe, long decodedMs) {
		if (decodedMs <= 0) {
			throw ImportRefused.unsupported("empty_audio");
		}
		if (probe.promisedMs() != null && decodedMs + TRUNCATION_TOLERANCE_MS < probe.promisedMs()) {
			throw ImportRefused.badRequest("truncated", seconds(probe.promisedMs()), seconds(decodedMs));
		}
	}

	private static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
	}

	private static Double finite(String value) {
		try {
			double d = Double.parseDouble(value);
			return Double.isFinite(d) && d > -70 ? d : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String firstOr(List<String> lines, String fallback) {
		String line = lines.isEmpty() || lines.get(0).isBlank() ? fallback : lines.get(0);
		return line.length() > 200 ? line.substring(0, 200) : line;
	}
}
