package vn.loaxa.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg and ffprobe as child processes. By default the executables bundled in the
 * {@code org.bytedeco:ffmpeg} jars (Linux and Windows) are unpacked once and used, so the radio
 * PC needs no system install and no download.
 */
@Component
class FfmpegTools {

	private static final Logger log = LoggerFactory.getLogger(FfmpegTools.class);

	record Result(int exitCode, String stdout, String stderr) {
		boolean ok() {
			return exitCode == 0;
		}
	}

	private final MediaProperties properties;
	private volatile String ffmpeg;
	private volatile String ffprobe;

	FfmpegTools(MediaProperties properties) {
		this.properties = properties;
	}

	String ffmpeg() {
		if (ffmpeg == null) {
			ffmpeg = properties.ffmpeg() != null ? properties.ffmpeg().toString()
					: Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
			log.info("ffmpeg: {}", ffmpeg);
		}
		return ffmpeg;
	}

	String ffprobe() {
		if (ffprobe == null) {
			ffprobe = properties.ffprobe() != null ? properties.ffprobe().toString()
					: Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
		}
		return ffprobe;
	}

	Result runFfmpeg(Path workDir, Duration timeout, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ffmpeg());
		command.addAll(List.of("-nostdin", "-hide_banner"));
		command.addAll(args);
		return run(workDir, timeout, command);
	}

	Result runFfprobe(Path workDir, Duration timeout, List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ffprobe());
		command.add("-hide_banner");
		command.addAll(args);
		return run(workDir, timeout, command);
	}

	private Result run(Path workDir, Duration timeout, List<String> command) throws IOException {
		Files.createDirectories(workDir);
		Path out = Files.createTempFile(workDir, "proc", ".out");
		Path err = Files.createTempFile(workDir, "proc", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
					.redirectInput(ProcessBuilder.Redirect.PIPE).start();
			process.getOutputStream().close();
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				return new Result(-1, "", "timeout after " + timeout);
			}
			return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
					new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while running " + command.get(0), e);
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}
}
