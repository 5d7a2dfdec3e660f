package vn.loaxa.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.bytedeco.javacpp.Loader;

/**
 * Audio for tests, made and measured with the ffmpeg bundled in {@code org.bytedeco:ffmpeg} (the
 * same executable the product runs, but through its own command lines): unique clips so that no
 * two tests share a hash, the decoded length of a file at its own sample rate, and an EBU R128
 * measurement with the {@code ebur128} filter (the product measures with {@code loudnorm}).
 */
public final class TestAudio {

	private static final AtomicInteger COUNTER = new AtomicInteger();
	private static volatile String ffmpeg;

	private TestAudio() {
	}

	public static String ffmpeg() {
		if (ffmpeg == null) {
			ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
		}
		return ffmpeg;
	}

	public record Loudness(double integratedLufs, double truePeakDbtp) {
	}

	/** A mono MP3 (libmp3lame, 64 kbit/s) of a sine tone; every call gives different bytes. */
	public static byte[] uniqueMp3(double seconds, String title) throws IOException {
		return unique(seconds, title, "mp3", List.of("-c:a", "libmp3lame", "-b:a", "64k"));
	}

	/** A mono 16-bit PCM WAV of a sine tone; every call gives different samples. */
	public static byte[] uniqueWav(double seconds, int sampleRate) throws IOException {
		Path dir = Files.createTempDirectory("loaxa-audio");
		try {
			Path out = dir.resolve("clip.wav");
			run(List.of("-f", "lavfi", "-i", sine(seconds, sampleRate), "-ac", "1", "-c:a", "pcm_s16le", "-bitexact",
					"-y", out.toString()));
			return Files.readAllBytes(out);
		}
		finally {
			deleteTree(dir);
		}
	}

	private static byte[] unique(double seconds, String title, String ext, List<String> codec) throws IOException {
		Path dir = Files.createTempDirectory("loaxa-audio");
		try {
			Path out = dir.resolve("clip." + ext);
			List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", sine(seconds, 44100), "-ac", "1"));
			args.addAll(codec);
			if (title != null) {
				args.addAll(List.of("-metadata", "title=" + title));
			}
			// a unique album tag: the bytes (and so the SHA-256) never repeat, whatever the tone
			args.addAll(List.of("-metadata", "album=test-" + UUID.randomUUID(), "-id3v2_version", "4", "-y",
					out.toString()));
			run(args);
			return Files.readAllBytes(out);
		}
		finally {
			deleteTree(dir);
		}
	}

	private static String sine(double seconds, int sampleRate) {
		int n = COUNTER.incrementAndGet();
		double frequency = 220 + (n * 37 + (System.nanoTime() % 97)) % 1500;
		return String.format(Locale.ROOT, "sine=frequency=%.1f:sample_rate=%d:duration=%.3f", frequency, sampleRate,
				seconds);
	}

	/** The decoded length of the file's first audio stream, at its own sample rate, in milliseconds. */
	public static double decodedMs(Path file) throws IOException {
		Path dir = Files.createTempDirectory("loaxa-decode");
		try {
			Path wav = dir.resolve("decoded.wav");
			run(List.of("-i", file.toString(), "-map", "0:a:0", "-c:a", "pcm_s16le", "-f", "wav", "-y", wav.toString()));
			AudioFileFormat format = wavFormat(wav);
			return format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate();
		}
		finally {
			deleteTree(dir);
		}
	}

	public static AudioFileFormat wavFormat(Path wav) throws IOException {
		try {
			return AudioSystem.getAudioFileFormat(wav.toFile());
		}
		catch (UnsupportedAudioFileException e) {
			throw new IOException("not a WAV Java Sound can read: " + wav, e);
		}
	}

	private static final Pattern INTEGRATED = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[0-9.]+|-inf) LUFS");
	private static final Pattern TRUE_PEAK = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.]+|-inf) dBFS");

	/** EBU R128 integrated loudness and true peak, from ffmpeg's ebur128 filter summary. */
	public static Loudness measure(Path file) throws IOException {
		String log = run(List.of("-nostats", "-i", file.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true",
				"-f", "null", "-"));
		String summary = log.substring(Math.max(0, log.lastIndexOf("Summary:")));
		return new Loudness(number(INTEGRATED, summary), number(TRUE_PEAK, summary));
	}

	private static double number(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no " + pattern + " in ebur128 output:\n" + text);
		}
		return "-inf".equals(m.group(1)) ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
	}

	/** Runs the bundled ffmpeg; answers its stderr, fails on a non-zero exit. */
	public static String run(List<String> args) throws IOException {
		List<String> command = new ArrayList<>(List.of(ffmpeg(), "-nostdin", "-hide_banner"));
		command.addAll(args);
		Path err = Files.createTempFile("loaxa-ffmpeg", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("ffmpeg timed out: " + command);
			}
			String stderr = Files.readString(err, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + command + "\n" + stderr);
			}
			return stderr;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		finally {
			Files.deleteIfExists(err);
		}
	}

	public static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var files = Files.walk(dir)) {
			for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
