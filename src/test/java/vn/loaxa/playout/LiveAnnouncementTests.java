package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.AirCheckRef;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ClipSource;
import vn.loaxa.media.ClipStatus;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.support.Requires;
import vn.loaxa.support.TestDirs;
import vn.loaxa.support.WebSession;

/**
 * Phát trực tiếp on a real line: PulseAudio gives the PC a "microphone" (the monitor of a null
 * sink the test plays a tone into) and a "loudspeaker" (another null sink), both remapped onto the
 * two sides of one recorded sink, so where the tone starts on each side of one recording is the
 * delay from the microphone to the loudspeakers, on one clock. Channel {@code main} plays to the
 * line, channel {@code second} to the file sink. Needs PulseAudio ({@link Requires#audioLine()}).
 */
@Requires.Present(Requires.Os.AUDIO_LINE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveAnnouncementTests {

	static final Path ROOT = TestDirs.create("live");
	private static final int RATE = 44100;
	private static final Duration GRACE = Duration.ofSeconds(4);
	private static final Duration MAX_LENGTH = Duration.ofSeconds(10);
	private static final LiveLine LINE = new LiveLine();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(ROOT.resolve("schedules"));
		Files.createDirectories(ROOT.resolve("media"));
		Files.writeString(ROOT.resolve("schedules/zones.yaml"), """
				channels:
				  - id: main
				    name: Kênh chính
				    output: default
				  - id: second
				    name: Kênh hai
				    output: file
				zones:
				  - id: ban-a
				    name: Bản Na Lay
				    channel: main
				  - id: ban-b
				    name: Bản Pá Khoang
				    channel: main
				  - id: ban-c
				    name: Tổ dân phố 3
				    channel: second
				""");
		leftByACrash(ROOT.resolve("data/live"));
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
		registry.add("loaxa.audio.sink", () -> "line");
		registry.add("loaxa.playout.grace", () -> GRACE.toSeconds() + "s");
		registry.add("loaxa.live.max-length", () -> MAX_LENGTH.toSeconds() + "s");
	}

	/** Two hours ago a live announcement to two zones was cut by a power cut after 1.2 s: its files remain. */
	private static final Instant CUT_START = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

	private static void leftByACrash(Path dir) throws Exception {
		Files.createDirectories(dir);
		Path tone = TestAudio.tone(ROOT.resolve("cut.wav"), 700, 1200);
		byte[] wav = Files.readAllBytes(tone);
		Files.write(dir.resolve("live-" + CUT_START.toEpochMilli() + ".pcm"),
				java.util.Arrays.copyOfRange(wav, 44, wav.length));
		Files.writeString(dir.resolve("live-" + CUT_START.toEpochMilli() + ".properties"), "start=" + CUT_START
				+ "\nby=chu-tich\nzones=ban-b,ban-c\ntitle=Thông báo mất điện\ntopic=PROCEDURES\n");
	}

	@BeforeAll
	static void microphoneAndLoudspeaker() throws Exception {
		LINE.setUp();
	}

	@AfterAll
	static void restoreTheLine() throws Exception {
		LINE.tearDown();
	}

	@org.springframework.boot.test.web.server.LocalServerPort int port;
	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@Autowired ClipLibrary library;
	@Autowired BroadcastLog log;
	@Autowired LoaxaClock clock;
	@Autowired Schedule schedule;
	@Autowired Playout playout;
	@Autowired Sinks sinks;

	@Test
	void whatIsSaidIsHeardAtOnceRecordedAsAClipAndLoggedPerZone() throws Exception {
		Path tone = TestAudio.tone(ROOT.resolve("mic-tone.wav"), 1000, 1000);
		Path recording = ROOT.resolve("room.wav");
		Process parec = LiveLine.record(recording);
		Instant before = clock.now().toInstant();
		Instant stopped;
		JsonNode ended;
		try {
			Thread.sleep(400);
			ResponseEntity<String> started = admin().postForEntity("/api/playout/live",
					Map.of("zones", List.of("ban-a", "ban-c"), "title", "Thông báo khẩn: lịch tiếp công dân"), String.class);
			assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
			assertThat(json.readTree(started.getBody()).path("zones")).hasSize(2);
			Thread.sleep(700);
			LiveLine.play(tone);
			Thread.sleep(700);
			ResponseEntity<String> stop = admin().postForEntity("/api/playout/live/stop", Map.of(), String.class);
			assertThat(stop.getStatusCode().value()).as(stop.getBody()).isEqualTo(200);
			ended = json.readTree(stop.getBody());
			stopped = clock.now().toInstant();
			Thread.sleep(300);
		}
		finally {
			parec.destroy();
			parec.waitFor(5, TimeUnit.SECONDS);
		}

		short[][] sides = LiveLine.stereo(recording);
		int micOnset = onset(sides[0], 0);
		int speakerOnset = onset(sides[1], 0);
		assertThat(micOnset).as("the tone reached the microphone").isNotNegative();
		assertThat(speakerOnset).as("and the loudspeakers").isNotNegative();
		double lagMs = (speakerOnset - micOnset) * 1000.0 / RATE;
		System.out.printf("live: microphone to loudspeaker %.1f ms%n", lagMs);
		assertThat(lagMs).as("microphone to loudspeaker").isBetween(0.0, 150.0);
		assertThat(toneMs(sides[1], speakerOnset)).as("the whole second of tone came out").isBetween(950.0, 1050.0);

		// the recording is a clip: archived (not in the queue), an announcement, from the microphone
		assertThat(ended.path("clipId").isNumber()).as(ended.toString()).isTrue();
		Clip clip = library.get(ended.path("clipId").asLong());
		assertThat(clip.getTitle()).isEqualTo("Thông báo khẩn: lịch tiếp công dân");
		assertThat(clip.getKind()).isEqualTo(ClipKind.ANNOUNCEMENT);
		assertThat(clip.getSource()).isEqualTo(ClipSource.LIVE);
		assertThat(clip.getStatus()).isEqualTo(ClipStatus.ARCHIVED);
		short[] stored = TestAudio.samples(library.canonicalAudio(clip));
		int storedOnset = onset(stored, 0);
		assertThat(storedOnset).as("the tone is in the recording").isNotNegative();
		assertThat(toneMs(stored, storedOnset)).as("all of it").isBetween(950.0, 1050.0);

		// a record per zone, with the clip's hash and the loudspeakers' times
		await().atMost(Duration.ofSeconds(10)).until(() -> live(before, "ban-a").size() == 1
				&& live(before, "ban-c").size() == 1);
		for (String zone : List.of("ban-a", "ban-c")) {
			BroadcastRecord r = live(before, zone).get(0);
			assertThat(r.airing().outcome()).as(zone).isEqualTo(Outcome.PLAYED);
			assertThat(r.airing().clipId()).isEqualTo(clip.getId());
			assertThat(r.airing().clipSha256()).isEqualTo(clip.getSha256());
			assertThat(r.airing().kind()).isEqualTo(ClipKind.ANNOUNCEMENT);
			long span = Duration.between(r.airing().actualStart(), r.airing().actualEnd()).toMillis();
			// on the line the device's clock also counts the moments it ran dry waiting for the microphone, so
			// the span may exceed what was written; it lies between pressing start and the end's answer
			assertThat(span).as(zone + ": actual times span what played").isGreaterThanOrEqualTo(r.airing().playedMs() - 20);
			assertThat(r.airing().actualStart()).as(zone + ": heard after start was pressed").isAfter(before);
			assertThat(r.airing().actualEnd()).as(zone + ": and over when the end was answered")
				.isBefore(stopped.plusMillis(100));
			assertThat((double) r.airing().playedMs()).as(zone + ": played as long as was recorded")
				.isCloseTo(clip.getDurationMs(), org.assertj.core.data.Offset.offset(250.0));
		}
		// the file sink's channel got the same sound, gapless
		Path wav = latestWav("second");
		assertThat((double) TestAudio.frames(wav) * 1000 / RATE).as("the file sink's length")
			.isCloseTo(live(before, "ban-c").get(0).airing().playedMs(), org.assertj.core.data.Offset.offset(30.0));
		short[] filed = TestAudio.samples(wav);
		assertThat(toneMs(filed, onset(filed, 0))).as("the tone in the file sink").isBetween(950.0, 1050.0);

		// each channel kept an air-check of what it wrote: its hash on its zones' records, served as it is
		java.util.Set<String> airChecks = new java.util.HashSet<>();
		for (String zone : List.of("ban-a", "ban-c")) {
			BroadcastRecord r = live(before, zone).get(0);
			AirCheckRef check = r.airing().airCheck();
			assertThat(check).as(zone + ": its channel's air-check").isNotNull();
			airChecks.add(check.file());
			Path file = ROOT.resolve("data").resolve(check.file());
			assertThat(check.file()).endsWith("-phat-truc-tiep.mp3");
			assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(Files.readAllBytes(file)))).as(zone + ": the hash, recomputed apart").isEqualTo(check.sha256());
			ResponseEntity<byte[]> served = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", byte[].class);
			assertThat(served.getStatusCode().value()).isEqualTo(200);
			assertThat(served.getBody()).isEqualTo(Files.readAllBytes(file));
			short[] heard = airCheckSamples(file);
			assertThat(onset(heard, 0)).as(zone + ": the tone is in the air-check").isNotNegative();
		}
		assertThat(airChecks).as("one air-check per channel").hasSize(2);
		Path fileChannel = ROOT.resolve("data").resolve(live(before, "ban-c").get(0).airing().airCheck().file());
		assertThat(vn.loaxa.support.TestAudio.decodedMs(fileChannel)).as("as long as what the file channel wrote")
			.isCloseTo(TestAudio.frames(wav) * 1000.0 / RATE, org.assertj.core.data.Offset.offset(200.0));
	}

	@Test
	void eachChannelsAirCheckOfALiveAnnouncementIsOnItsZonesRecordsAndServed() throws Exception {
		Instant before = clock.now().toInstant();
		assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a", "ban-b", "ban-c")),
				String.class).getStatusCode().value()).isEqualTo(201);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(admin().getForEntity("/api/playout/live",
					String.class).getBody()).path("live").path("seconds").asLong() >= 2);
		}
		finally {
			assertThat(admin().postForEntity("/api/playout/live/stop", Map.of(), String.class).getStatusCode().value())
				.isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> List.of("ban-a", "ban-b", "ban-c").stream()
			.allMatch(zone -> live(before, zone).size() == 1));
		AirCheckRef line = live(before, "ban-a").get(0).airing().airCheck();
		AirCheckRef file = live(before, "ban-c").get(0).airing().airCheck();
		assertThat(line).as("channel main's").isNotNull();
		assertThat(live(before, "ban-b").get(0).airing().airCheck()).as("one per channel: its zones carry the same")
			.isEqualTo(line);
		assertThat(file).as("channel second's, another file").isNotNull().isNotEqualTo(line);
		for (BroadcastRecord r : List.of(live(before, "ban-a").get(0), live(before, "ban-c").get(0))) {
			Path mp3 = ROOT.resolve("data").resolve(r.airing().airCheck().file());
			byte[] bytes = Files.readAllBytes(mp3);
			assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)))
				.as("the hash, recomputed apart").isEqualTo(r.airing().airCheck().sha256());
			ResponseEntity<byte[]> served = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", byte[].class);
			assertThat(served.getStatusCode().value()).isEqualTo(200);
			assertThat(served.getBody()).isEqualTo(bytes);
		}
		assertThat(vn.loaxa.support.TestAudio.decodedMs(ROOT.resolve("data").resolve(file.file())))
			.as("as long as what the file channel wrote")
			.isCloseTo(TestAudio.frames(latestWav("second")) * 1000.0 / RATE, org.assertj.core.data.Offset.offset(200.0));
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void anAirCheckWhoseFfmpegDiesLeavesTheAnnouncementOnAirAndItsRecordsWithoutOne() throws Exception {
		Instant before = clock.now().toInstant();
		assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-c")), String.class)
			.getStatusCode().value()).isEqualTo(201);
		ProcessHandle ffmpeg;
		try {
			ffmpeg = await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.current().descendants()
				.filter(p -> p.info().commandLine().orElse("").contains("phat-truc-tiep.mp3.part"))
				.findFirst().orElse(null), java.util.Objects::nonNull);
			ffmpeg.destroyForcibly();
			await().atMost(Duration.ofSeconds(10)).until(() -> !ffmpeg.isAlive());
			await().atMost(Duration.ofSeconds(10)).until(() -> json.readTree(admin().getForEntity("/api/playout/live",
					String.class).getBody()).path("live").path("seconds").asLong() >= 2);
		}
		finally {
			assertThat(admin().postForEntity("/api/playout/live/stop", Map.of(), String.class).getStatusCode().value())
				.isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> live(before, "ban-c").size() == 1);
		BroadcastRecord r = live(before, "ban-c").get(0);
		assertThat(r.airing().outcome()).as("the announcement went on").isEqualTo(Outcome.PLAYED);
		assertThat(r.airing().playedMs()).isGreaterThanOrEqualTo(2000);
		assertThat(r.airing().airCheck()).as("no air-check").isNull();
		assertThat(r.airing().reason()).contains("air-check").contains("ffmpeg");
		ResponseEntity<String> none = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", String.class);
		assertThat(none.getStatusCode().value()).isEqualTo(404);
	}

	/** The air-check decoded by the bundled ffmpeg to 44.1 kHz samples. */
	private static short[] airCheckSamples(Path mp3) throws Exception {
		Path wav = ROOT.resolve(mp3.getFileName() + ".wav");
		vn.loaxa.support.TestAudio.run(List.of("-i", mp3.toString(), "-ar", String.valueOf(RATE), "-ac", "1", "-c:a",
				"pcm_s16le", "-y", wav.toString()));
		return TestAudio.samples(wav);
	}

	@Test
	void aSlotDueDuringALiveAnnouncementWaitsAndAirsWithinGraceOrGetsMissed() throws Exception {
		PlayoutFixture.tone(library, ROOT, "slot-tone", 600, 1500, Topic.PROCEDURES, Priority.NORMAL);
		ZonedDateTime now = clock.now().truncatedTo(ChronoUnit.SECONDS);
		// within grace: the live announcement starts before the slot's trigger (3 s ahead of its start)
		// and ends 2 s after the slot's start (grace 4 s)
		ZonedDateTime first = now.plusSeconds(6);
		Slot waits = schedule.saveSlot(PlayoutFixture.slotAt("ban-b", "Chờ phát trực tiếp", first, Duration.ofSeconds(8),
				List.of("PROCEDURES"), null), null);
		try {
			assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a")), String.class)
				.getStatusCode().value()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(10)).until(() -> clock.now().isAfter(first.plusSeconds(2)));
			admin().postForEntity("/api/playout/live/stop", Map.of(), String.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> slotRecords("Chờ phát trực tiếp", "ban-b").size() == 1);
			BroadcastRecord aired = slotRecords("Chờ phát trực tiếp", "ban-b").get(0);
			assertThat(aired.airing().outcome()).isEqualTo(Outcome.PLAYED);
			long lateMs = Duration.between(first.toInstant(), aired.airing().actualStart()).toMillis();
			// aired because it started within grace; it is heard once the line it opens is playing (a new
			// PulseAudio stream takes 0.2-1.8 s to connect, LineSink.WARM_LIMIT_MS at most), and the record says so
			assertThat(lateMs).as("waited for the live announcement, within grace, then for the line")
				.isBetween(1500L, GRACE.toMillis() + LineSink.WARM_LIMIT_MS);
		}
		finally {
			schedule.deleteSlot(waits.key());
		}

		// past grace: nobody ends it, the maximum length (10 s) does, 5 s after the slot's start
		Instant liveStart = clock.now().toInstant();
		ZonedDateTime second = clock.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
		Slot missed = schedule.saveSlot(PlayoutFixture.slotAt("ban-b", "Quá giờ chờ", second, Duration.ofSeconds(8),
				List.of("PROCEDURES"), null), null);
		try {
			assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a")), String.class)
				.getStatusCode().value()).isEqualTo(201);
			await().atMost(MAX_LENGTH.plusSeconds(10)).until(() -> live(liveStart, "ban-a").size() == 1);
			BroadcastRecord forgotten = live(liveStart, "ban-a").get(0);
			assertThat((double) forgotten.airing().playedMs()).as("ended by the maximum length")
				.isCloseTo(MAX_LENGTH.toMillis(), org.assertj.core.data.Offset.offset(300.0));
			await().atMost(Duration.ofSeconds(10)).until(() -> slotRecords("Quá giờ chờ", "ban-b").size() == 1);
			BroadcastRecord r = slotRecords("Quá giờ chờ", "ban-b").get(0);
			assertThat(r.airing().outcome()).isEqualTo(Outcome.MISSED);
			assertThat(r.airing().reasonCode()).isEqualTo(Reason.BUSY_PAST_GRACE);
		}
		finally {
			schedule.deleteSlot(missed.key());
		}
	}

	@Test
	void aLiveAnnouncementCutByACrashIsRecordedAtTheNextStart() {
		Instant now = clock.now().toInstant();
		for (String zone : List.of("ban-b", "ban-c")) {
			List<BroadcastRecord> cut = log.between(now.minus(Duration.ofHours(3)), now, zone).stream()
				.filter(r -> r.airing().slotName().equals(LiveAnnouncements.LIVE)
						&& r.airing().scheduledStart().equals(CUT_START))
				.toList();
			assertThat(cut).as(zone).hasSize(1);
			BroadcastRecord r = cut.get(0);
			assertThat(r.airing().outcome()).isEqualTo(Outcome.INTERRUPTED);
			assertThat(r.airing().reasonCode()).isEqualTo(Reason.CRASH);
			assertThat(r.airing().playedMs()).isEqualTo(1200);
			assertThat(r.airing().actualEnd()).isEqualTo(CUT_START.plusMillis(1200));
			Clip clip = library.get(r.airing().clipId());
			assertThat(clip.getTitle()).isEqualTo("Thông báo mất điện");
			assertThat(clip.getTopic()).isEqualTo(Topic.PROCEDURES);
			assertThat(clip.getSource()).isEqualTo(ClipSource.LIVE);
			assertThat(clip.getStatus()).isEqualTo(ClipStatus.ARCHIVED);
			assertThat(clip.getUploadedBy()).isEqualTo("chu-tich");
		}
		assertThat(ROOT.resolve("data/live").toFile().list()).as("nothing left to record twice").isEmpty();
	}

	@Test
	void badRequestsAreRefusedAndTouchNothing() throws Exception {
		assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of()), String.class).getBody())
			.contains("zones_required");
		ResponseEntity<String> unknown = admin().postForEntity("/api/playout/live",
				Map.of("zones", List.of("khong-co")), String.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody()).contains("unknown_zone");
		assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a"), "topic", "WEATHER"),
				String.class).getBody()).contains("invalid_topic");
		ResponseEntity<String> none = admin().postForEntity("/api/playout/live/stop", Map.of(), String.class);
		assertThat(none.getStatusCode().value()).isEqualTo(409);
		assertThat(none.getBody()).contains("live_not_running");
		assertThat(rest.postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a")), String.class)
			.getStatusCode().value()).isEqualTo(401);
		try {
			assertThat(admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-a")), String.class)
				.getStatusCode().value()).isEqualTo(201);
			ResponseEntity<String> twice = admin().postForEntity("/api/playout/live", Map.of("zones", List.of("ban-c")),
					String.class);
			assertThat(twice.getStatusCode().value()).isEqualTo(409);
			assertThat(twice.getBody()).contains("live_in_progress");
			JsonNode status = json.readTree(admin().getForEntity("/api/playout/live", String.class).getBody());
			assertThat(status.path("live").path("zones")).hasSize(1);
		}
		finally {
			assertThat(admin().postForEntity("/api/playout/live/stop", Map.of(), String.class).getStatusCode().value())
				.isEqualTo(200);
		}
	}

	@Test
	void onThePageAnApproverStartsSeesAndEndsALiveAnnouncement() throws Exception {
		WebSession web = WebSession.signIn(port, "admin", "test-admin-pw");
		assertThat(web.page("/on-air")).contains("Bắt đầu phát trực tiếp", "Bản Na Lay");
		web.post("/on-air/live/start", "");
		assertThat(web.page("/on-air")).as("no zone chosen: said on the page").contains("Hãy chọn ít nhất một vùng loa");
		web.post("/on-air/live/start", "zones=ban-a&zones=ban-c&title=" + WebSession.enc("Thông báo thu thuế"));
		assertThat(web.page("/on-air")).contains("Đã bật phát trực tiếp tới Bản Na Lay, Tổ dân phố 3")
			.contains("id=\"live-status\"").contains("Đang phát trực tiếp tới Bản Na Lay, Tổ dân phố 3")
			.contains("Kết thúc");
		Thread.sleep(1500);
		web.post("/on-air/live/stop", "");
		assertThat(web.page("/on-air")).contains("Đã kết thúc phát trực tiếp", "«Thông báo thu thuế»");
		await().atMost(Duration.ofSeconds(10)).until(() -> web.page("/broadcasts").contains("Thông báo thu thuế"));
		assertThat(web.page("/broadcasts")).as("the log names the zones").contains("Bản Na Lay</td>", "Tổ dân phố 3</td>")
			.doesNotContain("ban-a</td>");
	}

	private TestRestTemplate admin() {
		return rest.withBasicAuth("admin", "test-admin-pw");
	}

	private List<BroadcastRecord> live(Instant since, String zone) {
		return slotRecords(LiveAnnouncements.LIVE, zone).stream()
			.filter(r -> !r.airing().scheduledStart().isBefore(since.truncatedTo(ChronoUnit.MILLIS)))
			.toList();
	}

	private List<BroadcastRecord> slotRecords(String slotName, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().slotName().equals(slotName))
			.toList();
	}

	private Path latestWav(String channel) throws Exception {
		try (Stream<Path> files = Files.list(sinks.fileDir())) {
			return files.filter(f -> f.getFileName().toString().contains("-" + channel + "-"))
				.max(java.util.Comparator.comparing(Path::getFileName))
				.orElseThrow();
		}
	}

	/** The first sample of the tone (amplitude above 1000), or -1. */
	static int onset(short[] samples, int from) {
		for (int i = Math.max(0, from); i < samples.length; i++) {
			if (Math.abs(samples[i]) > 1000) {
				return i;
			}
		}
		return -1;
	}

	/** How long the tone lasts from its onset: until 10 ms pass without a sample above 1000. */
	static double toneMs(short[] samples, int onset) {
		int last = onset;
		for (int i = onset; i < samples.length && i - last < RATE / 100; i++) {
			if (Math.abs(samples[i]) > 1000) {
				last = i;
			}
		}
		return (last - onset) * 1000.0 / RATE;
	}
}
