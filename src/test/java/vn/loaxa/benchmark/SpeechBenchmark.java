package vn.loaxa.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ImportOutcome;
import vn.loaxa.media.TextForm;

/**
 * Text-to-speech time with espeak-ng, not a test: figures are printed, never asserted.
 * <p>
 * {@code mvn -q -Pbenchmark test-compile exec:java -Dbench=SpeechBenchmark} [{@code -Dtexts=10 -Dchars=1000}]
 * <p>
 * Starts LoaXa on a fresh data dir under {@code target/benchmark} with {@code loaxa.tts.engine=espeak-ng},
 * and for {@code texts} different notices of about {@code chars} characters prints, per 1,000
 * characters: espeak-ng alone on the raw text (one process, {@code -w} to a file), and the whole text
 * bulletin path ({@link ClipLibrary#speak}: preparation, espeak-ng, decode, loudness, hash, store).
 */
public final class SpeechBenchmark {

	private SpeechBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int texts = Integer.getInteger("texts", 10);
		int chars = Integer.getInteger("chars", 1000);
		Path root = Files.createDirectories(Path.of("target", "benchmark", "speech-" + System.currentTimeMillis()));
		Path empty = Files.createDirectories(root.resolve("empty"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class).run(
				"--loaxa.data-dir=" + root.resolve("data"), "--loaxa.media-dir=" + empty,
				"--loaxa.schedules-dir=" + empty, "--loaxa.media.import-on-start=false",
				"--loaxa.admin.password=benchmark", "--server.port=0", "--loaxa.tts.engine=espeak-ng",
				"--logging.level.root=WARN", "--logging.level.vn.loaxa=WARN", "--spring.main.banner-mode=off");
		try {
			ClipLibrary library = context.getBean(ClipLibrary.class);
			long engineNs = 0;
			long wholeNs = 0;
			long totalChars = 0;
			long audioMs = 0;
			for (int i = 0; i < texts; i++) {
				String text = notice(i, chars);
				totalChars += text.length();
				engineNs += espeakAlone(text, root);
				TextForm form = new TextForm();
				form.setTitle("Benchmark " + i);
				form.setText(text);
				long start = System.nanoTime();
				ImportOutcome outcome = library.speak(form, "benchmark");
				wholeNs += System.nanoTime() - start;
				audioMs += outcome.clip().getDurationMs();
			}
			double per1000 = 1000.0 / totalChars;
			System.out.printf(Locale.ROOT, "%d texts, %d characters, %.1f s of speech%n", texts, totalChars, audioMs / 1000.0);
			System.out.printf(Locale.ROOT, "espeak-ng alone:        %.0f ms per 1,000 characters%n", engineNs / 1e6 * per1000);
			System.out.printf(Locale.ROOT, "text bulletin, whole:   %.0f ms per 1,000 characters%n", wholeNs / 1e6 * per1000);
			System.out.printf(Locale.ROOT, "speech per 1,000 chars: %.1f s%n", audioMs / 1000.0 * per1000);
		}
		finally {
			context.close();
		}
	}

	/** A notice of about {@code chars} characters, different for each {@code i} (numbers, dates, abbreviations). */
	static String notice(int i, int chars) {
		int n = 0;
		StringBuilder text = new StringBuilder();
		while (text.length() < chars) {
			String s = switch (n % 4) {
				case 0 -> "UBND xã thông báo lịch tiếp công dân ngày " + (1 + (i + n) % 28) + "/" + (1 + n % 12) + "/2026 lúc 7h30.";
				case 1 -> "Mức thu thuế sử dụng đất phi nông nghiệp năm nay là " + (12_500 + 100 * i + n) + " đồng mỗi mét vuông.";
				case 2 -> "Bà con thực hiện TTHC trên Cổng dịch vụ công, tỷ lệ hồ sơ trực tuyến đạt " + (60 + n % 40) + "%.";
				default -> "Đề nghị các thôn phối hợp với MTTQ và HĐND xã tuyên truyền về CĐS và CCHC đến từng hộ gia đình.";
			};
			text.append(text.isEmpty() ? "" : " ").append(s);
			n++;
		}
		return text.toString();
	}

	private static long espeakAlone(String text, Path root) throws Exception {
		Path in = Files.writeString(root.resolve("alone.txt"), text);
		Path out = root.resolve("alone.wav");
		long start = System.nanoTime();
		Process p = new ProcessBuilder("espeak-ng", "-v", "vi", "-s", "150", "-w", out.toString(), "-f", in.toString())
			.redirectErrorStream(true).redirectOutput(root.resolve("alone.log").toFile()).start();
		if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
			p.destroyForcibly();
			throw new IllegalStateException("espeak-ng failed");
		}
		return System.nanoTime() - start;
	}
}
