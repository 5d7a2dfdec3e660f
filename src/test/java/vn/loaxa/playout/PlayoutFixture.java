package vn.loaxa.playout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.SlotDraft;

/** A commune for tests: three file-sink channels, four zones, a tune; tones imported as real clips. */
final class PlayoutFixture {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	private PlayoutFixture() {
	}

	static Path commune(Path root) {
		try {
			Path schedules = Files.createDirectories(root.resolve("schedules"));
			Path media = Files.createDirectories(root.resolve("media"));
			TestAudio.tone(media.resolve("tune.wav"), 523.25, 400);
			Files.writeString(schedules.resolve("zones.yaml"), """
					channels:
					  - id: main
					    name: Kênh chính
					    output: file
					  - id: second
					    name: Kênh hai
					    output: file
					  - id: third
					    name: Kênh ba
					    output: file
					zones:
					  - id: ban-a
					    name: Bản A
					    channel: main
					  - id: ban-b
					    name: Bản B
					    channel: main
					  - id: ban-c
					    name: Bản C
					    channel: second
					  - id: ban-d
					    name: Bản D
					    channel: third
					  - id: ban-e
					    name: Bản E (rơ-le hỏng)
					    channel: third
					    switch:
					      on: ["false"]
					      off: ["true"]
					      settle: 0s
					  - id: ban-f
					    name: Bản F (rơ-le)
					    channel: third
					    switch:
					      on: ["true", "on"]
					      off: ["true", "off"]
					      settle: 1s
					groups:
					  - id: ab
					    name: Bản A và B
					    zones: [ban-a, ban-b]
					  - id: def
					    name: Bản D, E, F
					    zones: [ban-d, ban-e, ban-f]
					""", StandardCharsets.UTF_8);
			return root;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, Object> properties(Path root) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("loaxa.data-dir", root.resolve("data").toString());
		p.put("loaxa.media-dir", root.resolve("media").toString());
		p.put("loaxa.schedules-dir", root.resolve("schedules").toString());
		p.put("loaxa.audio.sink", "file");
		p.put("loaxa.playout.pause", "300ms");
		p.put("loaxa.media.import-on-start", "false");
		p.put("loaxa.admin.password", "test-admin-pw");
		p.put("server.port", "0");
		// Quartz keeps schedulers and their data sources in JVM-wide registries by name: each test
		// commune (one database) gets its own name, so cached test contexts never share one
		p.put("spring.quartz.scheduler-name", "loaxa-" + root.getFileName());
		p.put("logging.file.name", root.resolve("data/logs/test.log").toString());
		// on PostgreSQL: one database per test commune, whichever context starts on it
		p.putAll(vn.loaxa.support.TestDatabase.properties(root.toString()));
		return p;
	}

	static Clip tone(ClipLibrary library, Path dir, String name, double hz, long ms, Topic topic, Priority priority) {
		try {
			Path file = TestAudio.tone(dir.resolve(name + ".wav"), hz, ms);
			Clip clip = library.importFile(file, new ClipDraft(name, ClipKind.NEWS, topic, priority, null, null, null),
					"test").clip();
			return library.approve(clip.getId(), "test");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A one-off slot today (commune time) starting at {@code start}, to the second. */
	static SlotDraft slotAt(String target, String name, ZonedDateTime start, Duration length, List<String> topics,
			String intro) {
		ZonedDateTime at = start.withZoneSameInstant(HCM);
		return new SlotDraft(target, name, List.of(), List.of(at.toLocalDate().toString()),
				at.toLocalTime().withNano(0).format(DateTimeFormatter.ofPattern("HH:mm:ss")), length.toSeconds() + "s",
				topics, intro, null, null, null, List.of());
	}

	/** A one-off slot that relays {@code relay} instead of playing clips. */
	static SlotDraft relaySlotAt(String target, String name, ZonedDateTime start, Duration length, String relay) {
		SlotDraft d = slotAt(target, name, start, length, List.of(), null);
		return new SlotDraft(d.target(), d.name(), d.days(), d.dates(), d.start(), d.length(), d.topics(), d.intro(),
				d.outro(), d.validFrom(), d.validUntil(), d.except(), relay);
	}

	/** The newest WAV the file sink wrote for the channel and the programme's label. */
	static Path sinkWav(Sinks sinks, String channel, String label) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.list(sinks.fileDir())) {
			return files.filter(f -> f.getFileName().toString().contains("-" + channel + "-" + label))
				.max(java.util.Comparator.comparing(Path::getFileName))
				.orElseThrow();
		}
	}

	static LocalTime secondOf(ZonedDateTime at) {
		return at.toLocalTime().withNano(0);
	}
}
