package vn.loaxa.media.speech;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.media.internal.ImportRefused;

/**
 * A local speech program run once per text: espeak-ng ({@code -v voice -s rate -w out.wav -f text})
 * or piper ({@code --model m --length_scale s --output_file out.wav}, text on standard input). The
 * text goes through a file, output to a file (no pipe can fill up), and a run past the time-out is
 * killed with everything it started.
 */
final class CommandSpeech implements SpeechEngine {

	private static final Logger log = LoggerFactory.getLogger(CommandSpeech.class);

	enum Kind { ESPEAK_NG, PIPER }

	private final Kind kind;
	private final String command;
	private final String voice;
	private final int rate;
	private final Path model;
	private final Duration timeout;

	CommandSpeech(Kind kind, TtsProperties settings) {
		this.kind = kind;
		this.command = settings.commandOr(kind == Kind.ESPEAK_NG ? "espeak-ng" : "piper");
		this.voice = settings.voiceOr("vi");
		this.rate = settings.rate();
		this.model = settings.model();
		this.timeout = settings.timeout();
	}

	@Override
	public String label() {
		return kind == Kind.ESPEAK_NG ? "espeak-ng (" + voice + ")" : "piper (" + (model == null ? "—" : model.getFileName()) + ")";
	}

	@Override
	public boolean ready() {
		return executable().isPresent() && (kind == Kind.ESPEAK_NG || (model != null && Files.isRegularFile(model)));
	}

	@Override
	public void speak(String text, Path wav, Path work) {
		Path program = executable().orElseThrow(() -> new ImportRefused(503, "tts_unavailable"));
		Path input = null;
		Path output = null;
		try {
			input = Files.createTempFile(work, "tts-", ".txt");
			output = Files.createTempFile(work, "tts-", ".log");
			Files.writeString(input, text, StandardCharsets.UTF_8);
			ProcessBuilder builder = new ProcessBuilder(arguments(program, wav, input)).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(kind == Kind.PIPER ? ProcessBuilder.Redirect.from(input.toFile())
						: ProcessBuilder.Redirect.from(nullDevice()));
			run(builder, output);
		}
		catch (IOException e) {
			log.warn("{} could not run: {}", label(), e.toString());
			throw new ImportRefused(502, "tts_failed", e.getMessage());
		}
		finally {
			deleteQuietly(input);
			deleteQuietly(output);
		}
		WavCheck.require(wav, label());
	}

	private List<String> arguments(Path program, Path wav, Path input) {
		List<String> args = new ArrayList<>(List.of(program.toString()));
		if (kind == Kind.ESPEAK_NG) {
			args.addAll(List.of("-v", voice, "-s", Integer.toString(rate), "-w", wav.toString(), "-f", input.toString()));
		}
		else {
			double lengthScale = (double) TtsProperties.NORMAL_RATE / Math.max(1, rate);
			args.addAll(List.of("--model", String.valueOf(model), "--length_scale",
					String.format(Locale.ROOT, "%.2f", lengthScale), "--output_file", wav.toString()));
		}
		return args;
	}

	private void run(ProcessBuilder builder, Path output) throws IOException {
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				log.warn("{} did not finish within {} s: killed", label(), timeout.toSeconds());
				throw new ImportRefused(504, "tts_timeout", Math.max(1, timeout.toSeconds()));
			}
		}
		catch (InterruptedException e) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new ImportRefused(502, "tts_failed", "interrupted");
		}
		if (process.exitValue() != 0) {
			String said = firstLine(output);
			log.warn("{} exited with {}: {}", label(), process.exitValue(), said);
			throw new ImportRefused(502, "tts_failed", "exit " + process.exitValue() + (said.isEmpty() ? "" : ", " + said));
		}
	}

	/** The program and whatever it started (a wrapper script's children too). */
	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The command as given when it is a path to an executable, else the first match on PATH. */
	Optional<Path> executable() {
		if (command.contains("/") || command.contains(File.separator)) {
			Path path = Path.of(command);
			return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			for (String name : List.of(command, command + ".exe")) {
				Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	private static File nullDevice() {
		return new File(File.separatorChar == '/' ? "/dev/null" : "NUL");
	}

	private static String firstLine(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			String text = new String(in.readNBytes(2000), StandardCharsets.UTF_8).strip();
			String line = text.lines().findFirst().orElse("");
			return line.length() > 200 ? line.substring(0, 200) : line;
		}
		catch (IOException e) {
			return "";
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				log.warn("could not delete {}: {}", file, e.toString());
			}
		}
	}
}
