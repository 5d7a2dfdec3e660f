package vn.loaxa.support;

import java.io.File;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from the operating system beyond Java 17 and Maven: Debian's chromium, a real
 * audio line (PulseAudio's null sink and {@code parec}), the PostgreSQL client tools. Each method
 * answers the thing when it is there; when it is not, the test is <em>skipped</em> with one line that
 * says what is missing and how to install it, so {@code mvn verify} passes on a machine with only
 * Java and Maven. With the environment variable {@code CI=true} (set by CI, {@code .ci/run}) an
 * absence <em>fails</em> the test instead: CI cannot go green without them.
 * <p>
 * Put {@link Present @Requires.Present(…)} on the test class (checked before anything starts: no
 * Spring context for a test that cannot run), or call a method at the start of a test.
 */
public final class Requires {

	/** What a test class needs from the operating system. */
	public enum Os {
		/** {@link Requires#chromium()} */
		CHROMIUM,
		/** {@link Requires#audioLine()} */
		AUDIO_LINE,
		/** {@code pg_dump} and {@code pg_restore} for the test database's server ({@link Requires#pgClient}) */
		PG_CLIENT_TOOLS,
		/** {@link Requires#espeakNg()} */
		ESPEAK_NG,
		/** {@link Requires#soffice()} */
		LIBREOFFICE
	}

	/**
	 * The class is skipped (CI=true: fails) when one of these is absent, with the reason and the
	 * install line.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(Requires.Condition.class)
	public @interface Present {
		Os[] value();
	}

	static final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			Optional<Present> present = AnnotationSupport.findAnnotation(context.getElement(), Present.class);
			if (present.isEmpty()) {
				return ConditionEvaluationResult.enabled("nothing required");
			}
			try {
				for (Os os : present.get().value()) {
					switch (os) {
						case CHROMIUM -> chromium();
						case AUDIO_LINE -> audioLine();
						case ESPEAK_NG -> espeakNg();
						case LIBREOFFICE -> soffice();
						case PG_CLIENT_TOOLS -> {
							int server = TestDatabase.serverMajor();
							pgClient("pg_dump", server);
							pgClient("pg_restore", server);
						}
					}
				}
			}
			catch (TestAbortedException e) {
				return ConditionEvaluationResult.disabled(e.getMessage());
			}
			return ConditionEvaluationResult.enabled("present: " + Arrays.toString(present.get().value()));
		}
	}

	static final String CHROMIUM_INSTALL = "sudo apt-get install chromium";
	static final String AUDIO_INSTALL = "sudo apt-get install pulseaudio pulseaudio-utils libasound2-plugins, "
			+ "then start PulseAudio with a null sink 'loa' as ALSA's default device (README, \"Tests and benchmarks\")";
	static final String PG_CLIENT_INSTALL = "sudo apt-get install postgresql-client";
	static final String ESPEAK_INSTALL = "sudo apt-get install espeak-ng";
	static final String LIBREOFFICE_INSTALL = "sudo apt-get install libreoffice-writer-nogui";

	private Requires() {
	}

	/**
	 * The chromium Playwright drives: {@code -Dloaxa.chromium=<path>} when given, else
	 * {@code chromium} (Debian) or {@code chromium-browser} on PATH.
	 */
	public static Path chromium() {
		String configured = System.getProperty("loaxa.chromium");
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			check(Files.isRegularFile(path) && Files.isExecutable(path), "chromium",
					"-Dloaxa.chromium=" + configured + " is not an executable file", CHROMIUM_INSTALL);
			return path;
		}
		Optional<Path> found = onPath("chromium").or(() -> onPath("chromium-browser"));
		check(found.isPresent(), "chromium", "no chromium or chromium-browser on PATH", CHROMIUM_INSTALL);
		return found.get();
	}

	/**
	 * A real audio line to play into and record from: PulseAudio running with the null sink
	 * {@code loa}, {@code parec} to record its monitor, and Java Sound's {@code default} mixer
	 * (ALSA's default device routed to PulseAudio). Answers that mixer.
	 */
	public static Mixer.Info audioLine() {
		check(onPath("pactl").isPresent() && onPath("parec").isPresent(), "an audio line",
				"no pactl/parec on PATH", AUDIO_INSTALL);
		Run sinks = run(List.of("pactl", "list", "short", "sinks"));
		check(sinks.exit() == 0, "an audio line", "no PulseAudio server answers (pactl: " + sinks.firstLine() + ")",
				AUDIO_INSTALL);
		check(sinks.output().lines().anyMatch(l -> Arrays.asList(l.split("\\s+")).contains("loa")), "an audio line",
				"PulseAudio has no sink 'loa'", AUDIO_INSTALL);
		Optional<Mixer.Info> mixer = Arrays.stream(AudioSystem.getMixerInfo())
			.filter(m -> m.getName().equals("default") || m.getName().startsWith("default ["))
			.findFirst();
		check(mixer.isPresent(), "an audio line", "Java Sound lists no 'default' mixer (ALSA's pulse plugin)",
				AUDIO_INSTALL);
		return mixer.get();
	}

	/** LibreOffice's {@code soffice} (or {@code libreoffice}) on PATH, to open DOCX files as Word users do. */
	public static Path soffice() {
		Optional<Path> found = onPath("soffice").or(() -> onPath("libreoffice"));
		check(found.isPresent(), "LibreOffice", "no soffice or libreoffice on PATH", LIBREOFFICE_INSTALL);
		return found.get();
	}

	/** {@code espeak-ng} on PATH with its Vietnamese voice {@code vi}, for text bulletins. Answers the program. */
	public static Path espeakNg() {
		Optional<Path> found = onPath("espeak-ng");
		check(found.isPresent(), "espeak-ng", "not on PATH", ESPEAK_INSTALL);
		Run voices = run(List.of(found.get().toString(), "--voices=vi"));
		check(voices.exit() == 0 && voices.output().lines().anyMatch(l -> Arrays.asList(l.trim().split("\\s+")).contains("vi")),
				"espeak-ng", "no Vietnamese voice 'vi' (espeak-ng --voices=vi: " + voices.firstLine() + ")", ESPEAK_INSTALL);
		return found.get();
	}

	/**
	 * The PostgreSQL client program {@code name} ({@code pg_dump}, {@code pg_restore}) on PATH, of a
	 * major version that can work with a server of {@code serverMajor} (not older than it).
	 */
	public static Path pgClient(String name, int serverMajor) {
		Optional<Path> found = onPath(name);
		check(found.isPresent(), name, "not on PATH", PG_CLIENT_INSTALL);
		Run version = run(List.of(found.get().toString(), "--version"));
		Matcher m = Pattern.compile("\\) (\\d+)").matcher(version.output());
		check(version.exit() == 0 && m.find(), name, found.get() + " --version answered: " + version.firstLine(),
				PG_CLIENT_INSTALL);
		int major = Integer.parseInt(m.group(1));
		check(major >= serverMajor, name, found.get() + " is version " + major + ", older than the PostgreSQL "
				+ serverMajor + " server it must work with", PG_CLIENT_INSTALL + "-" + serverMajor);
		return found.get();
	}

	/** True when running in CI ({@code CI=true}), where an absence fails rather than skips. */
	public static boolean ci() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** Skips (or with CI=true fails) with "needs X: reason; install: command" when {@code present} is false. */
	static void check(boolean present, String what, String reason, String install) {
		if (present) {
			return;
		}
		String line = "needs " + what + ": " + reason + "; install: " + install;
		if (ci()) {
			Assertions.fail("CI=true, so not skipped: " + line);
		}
		Assumptions.abort(line);
	}

	/** The first executable {@code name} (or {@code name.exe}) in a PATH directory. */
	static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			for (String file : List.of(name, name + ".exe")) {
				Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(file);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	record Run(int exit, String output) {
		String firstLine() {
			return output.lines().findFirst().orElse("(no output)");
		}
	}

	/** Runs a short probe command; a command that cannot start or hangs answers a non-zero exit. */
	static Run run(List<String> command) {
		Path out = null;
		try {
			out = Files.createTempFile("loaxa-probe", ".out");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
				.start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Run(-1, "timed out: " + command);
			}
			return new Run(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8).strip());
		}
		catch (IOException e) {
			return new Run(-1, e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Run(-1, "interrupted");
		}
		finally {
			if (out != null) {
				try {
					Files.deleteIfExists(out);
				}
				catch (IOException e) {
					// a temp file left behind
				}
			}
		}
	}
}
