package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.PlanEditor;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotDraft;
import vn.loaxa.support.WebSession;

/**
 * Tiếp sóng when the station fails (issue 26, step 2), with real parts: Quartz fires the relay slots,
 * ffmpeg decodes a test station's live MP3 and HLS, the file sink writes in real time. An outage in
 * the middle of a slot is a PARTIAL {@code stream_lost} stretch, silence in the channel's output while
 * LoaXa reconnects, then a PLAYED stretch to the end; a station sending silence is given up as
 * {@code silence}; Phát ngay during a relay cuts it (INTERRUPTED) and the relay comes back after it.
 * Stall and silence limits are short here ({@code loaxa.relay.stall=2s}, {@code silence=3s}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayOutageTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("relay-outage"));
	static TestStation station;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
		registry.add("loaxa.relay.stall", () -> "2s");
		registry.add("loaxa.relay.silence", () -> "3s");
	}

	@Autowired Schedule schedule;
	@Autowired PlanEditor editor;
	@Autowired ClipLibrary library;
	@Autowired BroadcastLog log;
	@Autowired Sinks sinks;
	@Autowired LoaxaClock clock;
	@Autowired Playout playout;
	@Autowired vn.loaxa.report.ReportService reports;
	@org.springframework.boot.test.web.server.LocalServerPort int port;

	@BeforeAll
	static void station() throws IOException {
		station = new TestStation(ROOT);
	}

	@AfterAll
	static void stop() {
		if (station != null) {
			station.close();
		}
	}

	@Test
	void anOutageMidSlotIsAPartialStretchSilenceWhileReconnectingThenAPlayedStretchToTheEnd() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("vov-thu", "VOV thử", List.of(station.url("/live.mp3")), null), null);
		ZonedDateTime start = clock.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(16);
		Instant end = start.toInstant().plus(length);
		Slot slot = schedule.saveSlot(PlayoutFixture.relaySlotAt("ab", "Mat song giua chung", start, length, "vov-thu"), null);
		try {
			Instant outageAt = start.toInstant().plusSeconds(4);
			Duration outage = Duration.ofSeconds(6);
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
				.until(() -> !clock.now().toInstant().isBefore(outageAt));
			station.offAir(outage);
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
				.until(() -> !playout.relaysDown().isEmpty());
			assertThat(playout.relaysDown()).singleElement().satisfies(d -> {
				assertThat(d.channelId()).isEqualTo("main");
				assertThat(d.relayName()).isEqualTo("VOV thử");
				assertThat(d.why()).contains("stream_lost");
			});
			String page = WebSession.signIn(port, "admin", "test-admin-pw").page("/on-air");
			assertThat(page).as("the status strip says so").contains("Mất sóng tiếp sóng «VOV thử» trên kênh main");
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> records(slot, "ban-b").size() == 2);
			assertThat(playout.relaysDown()).as("the slot is over: nothing is down").isEmpty();
			for (String zone : List.of("ban-a", "ban-b")) {
				List<Airing> stretches = records(slot, zone);
				Airing lost = stretches.get(0);
				Airing back = stretches.get(1);
				System.out.printf("outage: %s %d ms to %s, then %s from %s to %s%n", lost.outcome(), lost.playedMs(),
						lost.actualEnd(), back.outcome(), back.actualStart(), back.actualEnd());
				assertThat(lost.outcome()).isEqualTo(Outcome.PARTIAL);
				assertThat(lost.reasonCode()).isEqualTo(Reason.STREAM_LOST);
				assertThat(lost.relayUrl()).isEqualTo(station.url("/live.mp3"));
				assertThat(Duration.between(start.toInstant(), lost.actualStart()).toMillis()).isBetween(-50L, 1000L);
				assertThat(Duration.between(outageAt, lost.actualEnd()).toMillis())
					.as("the first stretch ends with the station's last sound").isBetween(-300L, 1500L);
				assertThat(back.outcome()).isEqualTo(Outcome.PLAYED);
				assertThat(back.reasonCode()).isNull();
				assertThat(back.actualStart()).as("back only once the station is").isAfter(outageAt.plus(outage));
				assertThat(back.actualEnd()).isCloseTo(end, within(150, ChronoUnit.MILLIS));
				assertThat(lost.clipDurationMs()).isEqualTo(back.clipDurationMs()).isEqualTo(length.toMillis());
				assertThat(lost.scheduledStart()).isEqualTo(back.scheduledStart()).isEqualTo(start.toInstant());
				long gapMs = Duration.between(lost.actualEnd(), back.actualStart()).toMillis();
				assertThat(lost.playedMs() + gapMs + back.playedMs()).as("the stretches and the gap fill the slot")
					.isBetween(length.toMillis() - 1000, length.toMillis() + 150);
			}
			List<Airing> all = java.util.stream.Stream.of("ban-a", "ban-b").flatMap(z -> records(slot, z).stream())
				.toList();
			assertThat(all).extracting(Airing::airCheck).as("one air-check of the channel on every record").doesNotContainNull()
				.hasSize(4).containsOnly(all.get(0).airCheck());
			Path airCheck = ROOT.resolve("data").resolve(all.get(0).airCheck().file());
			assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(Files.readAllBytes(airCheck)))).as("the air-check is the file its records name")
				.isEqualTo(all.get(0).airCheck().sha256());
			assertThat(vn.loaxa.support.TestAudio.decodedMs(airCheck)).as("it holds all the channel put out, gap included")
				.isBetween(length.toMillis() - 1000.0, length.toMillis() + 300.0);
			List<Airing> heard = records(slot, "ban-a");
			long relayedMs = heard.stream().mapToLong(Airing::playedMs).sum();
			vn.loaxa.report.ReportFigures.RelayRow row = reports
				.compute(vn.loaxa.report.ReportPeriod.parse(java.time.YearMonth.from(start.withZoneSameInstant(
						PlayoutFixture.HCM)).toString()))
				.figures().relays().stream().filter(r -> r.relay().equals("vov-thu")).findFirst().orElseThrow();
			assertThat(row.name()).isEqualTo("VOV thử");
			assertThat(row.airings()).isEqualTo(1);
			assertThat(row.outages()).isEqualTo(1);
			assertThat(row.minutes()).as("the report's relayed minutes are the records'").isCloseTo(relayedMs / 60_000.0,
					within(0.051));
			assertThat(row.lostMinutes()).isCloseTo((length.toMillis() - relayedMs) / 60_000.0, within(0.051));
			short[] samples = TestAudio.samples(PlayoutFixture.sinkWav(sinks, "main", "Mat-song-giua-chung"));
			List<Airing> stretches = records(slot, "ban-a");
			long gapMs = Duration.between(stretches.get(0).actualEnd(), stretches.get(1).actualStart()).toMillis();
			int longestSilence = TestAudio.silences(samples, 441).stream().mapToInt(Integer::intValue).max().orElse(0);
			assertThat(TestAudio.ms(longestSilence)).as("the channel is silent for the outage, and only then")
				.isCloseTo(gapMs, within(400.0));
			assertThat(TestAudio.ms(samples.length)).as("the channel's output lasts the slot")
				.isBetween(length.toMillis() - 1000.0, length.toMillis() + 150.0);
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aStationSendingSilenceIsGivenUpAsSilence() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("dai-cam", "Đài câm", List.of(station.url("/silence.mp3")), null),
				null);
		ZonedDateTime start = clock.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(PlayoutFixture.relaySlotAt("ban-c", "Dai cam", start, Duration.ofSeconds(6), "dai-cam"), null);
		try {
			await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
				.until(() -> clock.now().toInstant().isAfter(start.toInstant().plusSeconds(7))
						&& !records(slot, "ban-c").isEmpty());
			List<Airing> stretches = records(slot, "ban-c");
			assertThat(stretches.get(0)).satisfies(a -> {
				assertThat(a.outcome()).isEqualTo(Outcome.PARTIAL);
				assertThat(a.reasonCode()).isEqualTo(Reason.SILENCE);
				assertThat(a.playedMs()).as("nothing but silence was relayed").isLessThan(100);
				assertThat(a.reason()).contains("dBFS");
			});
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void aLiveHlsPlaylistIsRelayed() throws Exception {
		station.startHls(ROOT);
		Path playlist = ROOT.resolve("hls/live.m3u8");
		await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(playlist)
				&& Files.readString(playlist).split("#EXTINF").length > 3);
		editor.saveRelay(new PlanEditor.RelayDraft("hls-thu", "Đài tỉnh (HLS)", List.of(station.url("/hls/live.m3u8")),
				null), null);
		ZonedDateTime start = clock.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(6);
		Slot slot = schedule.saveSlot(PlayoutFixture.relaySlotAt("ban-d", "Tiep song HLS", start, length, "hls-thu"), null);
		try {
			await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
				.until(() -> !records(slot, "ban-d").isEmpty());
			assertThat(records(slot, "ban-d")).singleElement().satisfies(a -> {
				assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.PLAYED);
				assertThat(a.relayUrl()).isEqualTo(station.url("/hls/live.m3u8"));
				assertThat(a.playedMs()).isBetween(length.toMillis() - 1000, length.toMillis() + 150);
			});
			short[] samples = TestAudio.samples(PlayoutFixture.sinkWav(sinks, "third", "Tiep-song-HLS"));
			long silent = TestAudio.silences(samples, 441).stream().mapToLong(Integer::longValue).sum();
			assertThat(TestAudio.ms(silent)).as("the playlist's tone throughout").isLessThan(1000.0);
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void phatNgayDuringARelayInterruptsItAndTheRelayResumesWithinTheSlot() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("vov-ngat", "VOV bị ngắt", List.of(station.url("/live.mp3")), null),
				null);
		Clip urgent = PlayoutFixture.tone(library, ROOT, "khan-giua-tiep-song", 880, 2000, Topic.OTHER, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(12);
		Instant end = start.toInstant().plus(length);
		Slot slot = schedule.saveSlot(PlayoutFixture.relaySlotAt("ab", "Tiep song bi ngat", start, length, "vov-ngat"), null);
		try {
			Instant cutAt = start.toInstant().plusSeconds(3);
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
				.until(() -> !clock.now().toInstant().isBefore(cutAt));
			playout.playNow(urgent.getId(), List.of("ban-a", "ban-b"), "test");
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> clock.now().toInstant().isAfter(end) && records(slot, "ban-a").size() == 2);
			List<Airing> relay = records(slot, "ban-a");
			assertThat(relay.get(0).outcome()).isEqualTo(Outcome.INTERRUPTED);
			assertThat(relay.get(0).reasonCode()).isEqualTo(Reason.PLAY_NOW);
			assertThat(relay.get(0).actualEnd()).isCloseTo(cutAt, within(500, ChronoUnit.MILLIS));
			Airing urgentAired = log.between(start.toInstant(), end, "ban-a")
				.stream()
				.map(BroadcastRecord::airing)
				.filter(a -> urgent.getId().equals(a.clipId()))
				.findFirst()
				.orElseThrow();
			assertThat(urgentAired.outcome()).isEqualTo(Outcome.PLAYED);
			Airing resumed = relay.get(1);
			assertThat(resumed.outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(resumed.actualStart()).as("the relay comes back after Phát ngay")
				.isAfterOrEqualTo(urgentAired.actualEnd());
			assertThat(Duration.between(urgentAired.actualEnd(), resumed.actualStart()).toMillis())
				.as("within moments of it").isLessThan(6000);
			assertThat(resumed.actualEnd()).isCloseTo(end, within(150, ChronoUnit.MILLIS));
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void theSlotsTunesFrameTheStationAndTheRecordCountsTheStationAlone() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("vov-nhac", "VOV có nhạc hiệu", List.of(station.url("/live.mp3")),
				null), null);
		long tuneFrames = TestAudio.frames(library.signatureTune("tune.wav"));
		long tuneMs = Math.round(TestAudio.ms(tuneFrames));
		ZonedDateTime start = clock.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(5);
		SlotDraft d = PlayoutFixture.relaySlotAt("ban-c", "Tiep song co nhac hieu", start, length, "vov-nhac");
		Slot slot = schedule.saveSlot(new SlotDraft(d.target(), d.name(), d.days(), d.dates(), d.start(), d.length(),
				d.topics(), "tune.wav", "tune.wav", d.validFrom(), d.validUntil(), d.except(), d.relay()), null);
		try {
			await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
				.until(() -> !records(slot, "ban-c").isEmpty());
			Airing relayed = records(slot, "ban-c").get(0);
			assertThat(relayed.outcome()).as(relayed.reason()).isEqualTo(Outcome.PLAYED);
			assertThat(relayed.clipDurationMs()).as("the station was due between the tunes")
				.isEqualTo(length.toMillis() - 2 * tuneMs);
			assertThat(relayed.playedMs()).isBetween(length.toMillis() - 2 * tuneMs - 200, length.toMillis() - 2 * tuneMs + 50);
			assertThat(Duration.between(start.toInstant(), relayed.actualStart()).toMillis())
				.as("the station after the intro").isBetween(tuneMs - 50, tuneMs + 300);
			short[] samples = TestAudio.samples(PlayoutFixture.sinkWav(sinks, "second", "Tiep-song-co-nhac-hieu"));
			int tune = (int) tuneFrames;
			assertThat(hz(samples, 0, tune)).as("the intro first").isCloseTo(523.25, within(15.0));
			assertThat(hz(samples, samples.length / 2 - 4410, samples.length / 2 + 4410)).as("then the station")
				.isCloseTo(440.0, within(15.0));
			assertThat(hz(samples, samples.length - tune + 441, samples.length)).as("the outro last")
				.isCloseTo(523.25, within(15.0));
			assertThat(TestAudio.ms(samples.length)).isBetween(length.toMillis() - 1000.0, length.toMillis() + 150.0);
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	/** The frequency of a tone between two frames, from its upward zero crossings. */
	private static double hz(short[] samples, int from, int to) {
		int crossings = 0;
		for (int i = Math.max(1, from); i < to; i++) {
			if (samples[i - 1] < 0 && samples[i] >= 0) {
				crossings++;
			}
		}
		return crossings * 1000.0 / TestAudio.ms(to - Math.max(1, from));
	}

	/** The slot's records in the zone, in the order they aired. */
	private List<Airing> records(Slot slot, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone)
			.stream()
			.map(BroadcastRecord::airing)
			.filter(a -> a.slotName().equals(slot.name()))
			.sorted(Comparator.comparing(Airing::actualStart, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}
}
