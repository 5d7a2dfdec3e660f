package vn.loaxa.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A test commune on disk, for a LoaXa child process: tone clips approved by {@code media/clips.yaml},
 * file-sink channels and zones in {@code schedules/zones.yaml}, one-off slots in their own files.
 */
public final class FaultCommune {

	public static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	public static final float RATE = 44100f;

	private FaultCommune() {
	}

	/** {@code n} channels {@code kenh-1…} each with one zone {@code ban-1…}, and the group {@code ca-xa} of all. */
	public static void zones(Path root, int n) throws IOException {
		StringBuilder yaml = new StringBuilder("channels:\n");
		for (int i = 1; i <= n; i++) {
			yaml.append("  - id: kenh-").append(i).append("\n    name: Kênh ").append(i).append("\n    output: file\n");
		}
		yaml.append("zones:\n");
		for (int i = 1; i <= n; i++) {
			yaml.append("  - id: ban-").append(i).append("\n    name: Bản ").append(i).append("\n    channel: kenh-")
				.append(i).append('\n');
		}
		yaml.append("groups:\n  - id: ca-xa\n    name: Cả xã\n    zones: [");
		for (int i = 1; i <= n; i++) {
			yaml.append(i > 1 ? ", " : "").append("ban-").append(i);
		}
		yaml.append("]\n");
		Files.createDirectories(root.resolve("schedules"));
		Files.createDirectories(root.resolve("media"));
		Files.writeString(root.resolve("schedules/zones.yaml"), yaml, StandardCharsets.UTF_8);
	}

	/** Tone clips of {@code ms} each in {@code media/}, approved in {@code clips.yaml}. */
	public static void clips(Path root, long ms, double... hz) throws IOException {
		StringBuilder yaml = new StringBuilder();
		for (int i = 0; i < hz.length; i++) {
			String name = "ban-tin-" + (i + 1) + ".wav";
			tone(root.resolve("media").resolve(name), hz[i], ms);
			yaml.append(name).append(":\n  kind: NEWS\n  topic: OTHER\n  approved: true\n");
		}
		Files.writeString(root.resolve("media/clips.yaml"), yaml, StandardCharsets.UTF_8);
	}

	/** One one-off slot, in a file of its own, {@code start} to the second in commune time. */
	public static void slot(Path root, String file, String target, String name, ZonedDateTime start, Duration length)
			throws IOException {
		ZonedDateTime at = start.withZoneSameInstant(HCM);
		Files.writeString(root.resolve("schedules").resolve(file + ".yaml"), """
				target: %s
				slots:
				  - name: "%s"
				    dates: [%s]
				    start: "%s"
				    length: %ds
				""".formatted(target, name, at.toLocalDate(), at.format(DateTimeFormatter.ofPattern("HH:mm:ss")),
				length.toSeconds()), StandardCharsets.UTF_8);
	}

	/**
	 * The arguments that put a LoaXa child process of this test commune on the test database: on
	 * PostgreSQL (the postgres-tests execution) the profile and a database of its own for {@code root},
	 * the same at every restart; on H2 none (the data dir holds the database).
	 */
	public static List<String> database(Path root) {
		List<String> args = new java.util.ArrayList<>();
		if (vn.loaxa.support.TestDatabase.postgres()) {
			args.add("--spring.profiles.active=postgres");
			vn.loaxa.support.TestDatabase.properties(root.toString()).forEach((k, v) -> args.add("--" + k + "=" + v));
		}
		return args;
	}

	/** Now plus {@code seconds}, rounded up to a whole second, in commune time. */
	public static ZonedDateTime inSeconds(long seconds) {
		return ZonedDateTime.now(HCM).plusSeconds(seconds).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
	}

	/** A mono 16-bit sine tone with no zero sample (any silence found later was put there by playout). */
	public static Path tone(Path file, double hz, long ms) throws IOException {
		int frames = (int) (RATE * ms / 1000);
		ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < frames; i++) {
			short v = (short) Math.round(0.4 * Math.sin(2 * Math.PI * hz * i / RATE + 0.3) * 32767);
			pcm.putShort(v == 0 ? 1 : v);
		}
		Files.createDirectories(file.getParent());
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()),
				new AudioFormat(RATE, 16, 1, true, false), frames)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

	/** Bytes of PCM in a file-sink WAV so far (its header is only completed at close). */
	public static long pcmBytes(Path wav) {
		try {
			return Math.max(0, Files.size(wav) - 44);
		}
		catch (IOException e) {
			return 0;
		}
	}

	public static List<Path> wavs(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (var files = Files.list(dir)) {
			return files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
		}
	}
}
