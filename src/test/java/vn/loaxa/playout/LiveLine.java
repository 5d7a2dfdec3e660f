package vn.loaxa.playout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A microphone and a loudspeaker on one recorded clock, from PulseAudio: a stereo null sink
 * "room", a mono sink "mic" remapped onto its left side and a mono sink "out" onto its right. The
 * PC's default input becomes mic's monitor and its default output "out", so a tone played into
 * mic is what LoaXa captures, and what LoaXa plays lands on room's right side beside it.
 */
final class LiveLine {

	private static final String ROOM = "loaxa-live-room";
	private static final String MIC = "loaxa-live-mic";
	private static final String OUT = "loaxa-live-out";

	private final List<String> modules = new ArrayList<>();
	private String sinkBefore;
	private String sourceBefore;

	void setUp() throws IOException, InterruptedException {
		sinkBefore = pactl("get-default-sink").strip();
		sourceBefore = pactl("get-default-source").strip();
		modules.add(pactl("load-module", "module-null-sink", "sink_name=" + ROOM, "channels=2",
				"channel_map=front-left,front-right").strip());
		modules.add(pactl("load-module", "module-remap-sink", "sink_name=" + MIC, "master=" + ROOM, "channels=1",
				"channel_map=mono", "master_channel_map=front-left", "remix=no").strip());
		modules.add(pactl("load-module", "module-remap-sink", "sink_name=" + OUT, "master=" + ROOM, "channels=1",
				"channel_map=mono", "master_channel_map=front-right", "remix=no").strip());
		pactl("set-default-sink", OUT);
		pactl("set-default-source", MIC + ".monitor");
	}

	void tearDown() throws IOException, InterruptedException {
		if (sinkBefore != null) {
			pactl("set-default-sink", sinkBefore);
			pactl("set-default-source", sourceBefore);
		}
		for (int i = modules.size() - 1; i >= 0; i--) {
			pactl("unload-module", modules.get(i));
		}
	}

	/** Records the room, both sides, until destroyed. */
	static Process record(Path wav) throws IOException {
		return new ProcessBuilder("parec", "-d", ROOM + ".monitor", "--file-format=wav", "--rate=44100", "--channels=2",
				"--format=s16le", wav.toString()).redirectErrorStream(true).start();
	}

	/** Plays a WAV into the microphone, to its end. */
	static void play(Path wav) throws IOException, InterruptedException {
		play(wav, 10);
	}

	/** Plays a WAV into the microphone, to its end, waiting at most {@code seconds}. */
	static void play(Path wav, int seconds) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("paplay", "-d", MIC, wav.toString()).redirectErrorStream(true).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException("paplay failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** The left (microphone) and right (loudspeaker) sides of a room recording. */
	static short[][] stereo(Path wav) throws IOException {
		byte[] bytes = Files.readAllBytes(wav);
		// parec stopped by a signal may leave the header's sizes unset: the PCM starts after the 44-byte header
		ShortBufferView pcm = new ShortBufferView(ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN));
		int frames = (bytes.length - 44) / 4;
		short[][] sides = new short[2][frames];
		for (int i = 0; i < frames; i++) {
			sides[0][i] = pcm.next();
			sides[1][i] = pcm.next();
		}
		return sides;
	}

	private record ShortBufferView(ByteBuffer buffer) {
		short next() {
			return buffer.getShort();
		}
	}

	private static String pactl(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("pactl"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + out);
		}
		return out;
	}
}
