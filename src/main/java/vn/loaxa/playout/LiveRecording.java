package vn.loaxa.playout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * What is said during a live announcement, as it is said: raw PCM appended to
 * {@code <data-dir>/live/live-<start>.pcm} beside a small {@code .properties} file naming the zones,
 * the speaker and the start. Both go once the recording is a clip and its airings are in the log; a
 * pair found at start is a live announcement a crash or power cut cut, still to be recorded.
 */
final class LiveRecording implements AutoCloseable {

	/** What the marker file says. */
	record Marker(Instant start, String by, List<String> zones, String title, String topic) {
	}

	private final Path marker;
	private final AudioFormat format;
	private final OutputStream out;
	private long bytes;

	private LiveRecording(Path marker, AudioFormat format, OutputStream out) {
		this.marker = marker;
		this.format = format;
		this.out = out;
	}

	static LiveRecording begin(Path dir, AudioFormat format, Marker about) throws IOException {
		Files.createDirectories(dir);
		String base = "live-" + about.start().toEpochMilli();
		Path marker = dir.resolve(base + ".properties");
		Properties p = new Properties();
		p.setProperty("start", about.start().toString());
		p.setProperty("by", about.by());
		p.setProperty("zones", String.join(",", about.zones()));
		p.setProperty("title", about.title() == null ? "" : about.title());
		p.setProperty("topic", about.topic() == null ? "" : about.topic());
		try (var o = Files.newBufferedWriter(marker, java.nio.charset.StandardCharsets.UTF_8)) {
			p.store(o, "LoaXa live announcement in progress");
		}
		Path pcm = dir.resolve(base + ".pcm");
		return new LiveRecording(marker, format, Files.newOutputStream(pcm, StandardOpenOption.CREATE_NEW));
	}

	/** The live announcements a crash left: their marker and PCM, oldest first. */
	static List<Path> leftIn(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (var files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().matches("live-\\d+\\.properties")).sorted().toList();
		}
	}

	static Marker read(Path marker) throws IOException {
		Properties p = new Properties();
		try (var in = Files.newBufferedReader(marker, java.nio.charset.StandardCharsets.UTF_8)) {
			p.load(in);
		}
		String zones = p.getProperty("zones", "");
		return new Marker(Instant.parse(p.getProperty("start")), p.getProperty("by", "?"),
				zones.isBlank() ? List.of() : List.of(zones.split(",")), blank(p.getProperty("title")),
				blank(p.getProperty("topic")));
	}

	static Path pcmOf(Path marker) {
		return marker.resolveSibling(marker.getFileName().toString().replace(".properties", ".pcm"));
	}

	private static Path wavOf(Path pcm) {
		return pcm.resolveSibling(pcm.getFileName().toString().replace(".pcm", ".wav"));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	void write(byte[] chunk, int length) throws IOException {
		out.write(chunk, 0, length);
		bytes += length;
	}

	long millis() {
		return millis(bytes, format);
	}

	/** How long {@code bytes} of PCM in this format last, in whole milliseconds. */
	static long millis(long bytes, AudioFormat format) {
		return Math.round(bytes / format.getFrameSize() * 1000.0 / format.getFrameRate());
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

	Path marker() {
		return marker;
	}

	/** The PCM as a WAV beside it (a clip is imported from a file), for {@link #discard}. */
	static Path toWav(Path pcm, AudioFormat format) throws IOException {
		Path wav = wavOf(pcm);
		long frames = Files.size(pcm) / format.getFrameSize();
		try (InputStream raw = Files.newInputStream(pcm);
				AudioInputStream in = new AudioInputStream(raw, format, frames)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
		}
		return wav;
	}

	/**
	 * A marker that cannot be recorded, with its PCM and WAV, moved into {@code quarantine} beside a
	 * {@code .why} file saying when and why: never recorded twice, never deleted, counted by health.
	 */
	static void quarantine(Path marker, Path quarantine, Exception why, Instant now) {
		String base = marker.getFileName().toString().replace(".properties", "");
		try {
			Files.createDirectories(quarantine);
			Files.writeString(quarantine.resolve(base + ".why"), now + " " + why + System.lineSeparator(),
					java.nio.charset.StandardCharsets.UTF_8);
			for (Path f : List.of(pcmOf(marker), wavOf(pcmOf(marker)), marker)) {
				if (Files.exists(f)) {
					Files.move(f, quarantine.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
			LOG.error("LIVE ANNOUNCEMENT NOT RECORDED: {} could not be recorded ({}); moved to {} for a technician",
					marker, why.toString(), quarantine);
		}
		catch (IOException | RuntimeException e) {
			LOG.error("LIVE ANNOUNCEMENT NOT RECORDED: {} could not be recorded ({}) nor quarantined ({}); it is tried "
					+ "again at the next start", marker, why.toString(), e.toString());
		}
	}

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveRecording.class);

	/**
	 * Removes the marker, then the PCM and its WAV: called once the airings are handed to the
	 * recorder. The marker goes first: without it a leftover PCM is only a file, never recorded twice.
	 */
	static void discard(Path marker) throws IOException {
		Path pcm = pcmOf(marker);
		Files.deleteIfExists(marker);
		Files.deleteIfExists(wavOf(pcm));
		Files.deleteIfExists(pcm);
	}
}
