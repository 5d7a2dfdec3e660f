package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

/**
 * Tiếp sóng with real parts (issue 26, step 1): a test server streams an MP3 tone at its bitrate, as a
 * live station does; a relay slot fired by Quartz airs it into the channel's file sink (real time)
 * from the beat to the slot's end, the first, dead address skipped; with every address dead each zone
 * gets FAILED {@code stream_unavailable}; either way the clip slot after it on the channel airs on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayPlayoutTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("relay-playout"));
	static TestStation station;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
	}

	@Autowired Schedule schedule;
	@Autowired PlanEditor editor;
	@Autowired ClipLibrary library;
	@Autowired BroadcastLog log;
	@Autowired Sinks sinks;
	@Autowired LoaxaClock clock;
	@Autowired vn.loaxa.programme.Programmes programmes;

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
	void aRelaySlotAirsTheLiveStreamFromTheBeatToItsEndAndTheNextSlotAirsOnTime() throws Exception {
		String live = station.url("/live.mp3");
		editor.saveRelay(new PlanEditor.RelayDraft("dai-thu", "Đài thử", List.of("http://127.0.0.1:" + deadPort()
				+ "/x.mp3", live), null), null);
		Clip clip = PlayoutFixture.tone(library, ROOT, "sau-tiep-song", 660, 1500, Topic.OTHER, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(6);
		Slot relay = schedule.saveSlot(PlayoutFixture.relaySlotAt("ab", "Tiep song thu", start, length, "dai-thu"), null);
		Slot next = schedule.saveSlot(PlayoutFixture.slotAt("ab", "Ban tin sau", start.plus(length), Duration.ofSeconds(3),
				List.of("OTHER"), null), null);
		try {
			assertThat(programmes.day(start.withZoneSameInstant(PlayoutFixture.HCM).toLocalDate()))
				.filteredOn(p -> p.programme().occurrence().slot().key().equals(relay.key())).isNotEmpty()
				.allSatisfy(p -> assertThat(p.programme().items()).as("no clip planned in a relay slot")
					.noneMatch(vn.loaxa.programme.ProgrammeItem::isClip));
			Instant end = start.toInstant().plus(length);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> records(next, "ban-b").size() == 1 && records(relay, "ban-b").size() == 1);
			Path wav = PlayoutFixture.sinkWav(sinks, "main", "Tiep-song-thu");
			short[] samples = TestAudio.samples(wav);
			int sound = 0;
			while (sound < samples.length && Math.abs(samples[sound]) < 1000) {
				sound++;
			}
			int firstSound = sound;
			for (String zone : List.of("ban-a", "ban-b")) {
				List<BroadcastRecord> records = records(relay, zone);
				assertThat(records).singleElement().satisfies(r -> {
					Airing a = r.airing();
					assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.PLAYED);
					assertThat(a.clipTitle()).isEqualTo("Đài thử");
					assertThat(a.clipId()).isNull();
					assertThat(a.reason()).contains("dai-thu", live);
					assertThat(a.relay()).isEqualTo("dai-thu");
					assertThat(a.relayUrl()).as("the second address: the first is dead").isEqualTo(live);
					assertThat(r.hash()).isEqualTo(r.contentHash());
					assertThat(a.scheduledStart()).isEqualTo(start.toInstant());
					long soundStartMs = Duration.between(start.toInstant(), a.actualStart()).toMillis()
							+ Math.round(TestAudio.ms(firstSound));
					long soundEndMs = Duration.between(end, a.actualStart()).toMillis()
							+ Math.round(TestAudio.ms(samples.length));
					System.out.printf("relay %s: sound from %+d ms after the slot's start to %+d ms from its end, "
							+ "played %d ms%n", zone, soundStartMs, soundEndMs, a.playedMs());
					assertThat(soundStartMs).as("sound from the slot's start").isBetween(-50L, 1000L);
					assertThat(soundEndMs).as("cut at the slot's end").isBetween(-100L, 100L);
					assertThat(a.actualEnd()).isCloseTo(end, org.assertj.core.api.Assertions.within(100,
							ChronoUnit.MILLIS));
					assertThat(a.playedMs()).as("the record covers the slot").isBetween(length.toMillis() - 1000,
							length.toMillis() + 100);
				});
			}
			assertThat(TestAudio.silences(samples, 441).stream().mapToInt(Integer::intValue).sum())
				.as("tone throughout, once it started").isLessThanOrEqualTo(firstSound + 441);
			Airing after = records(next, "ban-a").get(0).airing();
			assertThat(after.clipId()).isEqualTo(clip.getId());
			assertThat(after.outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(Duration.between(start.plus(length).toInstant(), after.actualStart()).toMillis())
				.as("the next slot airs on time").isBetween(-5L, 500L);
		}
		finally {
			schedule.deleteSlot(relay.key());
			schedule.deleteSlot(next.key());
		}
	}

	@Test
	void withEveryAddressDeadEachZoneGetsStreamUnavailableAndTheNextSlotStillAirsOnTime() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("dai-chet", "Đài mất sóng", List.of("http://127.0.0.1:" + deadPort()
				+ "/a.mp3", "http://127.0.0.1:" + deadPort() + "/b.mp3"), null), null);
		Clip clip = PlayoutFixture.tone(library, ROOT, "sau-mat-song", 550, 1500, Topic.CIVIL_SERVICE, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(5);
		Slot relay = schedule.saveSlot(PlayoutFixture.relaySlotAt("def", "Mat song thu", start, length, "dai-chet"), null);
		Slot next = schedule.saveSlot(PlayoutFixture.slotAt("ban-d", "Tin sau mat song", start.plus(length),
				Duration.ofSeconds(3), List.of("CIVIL_SERVICE"), null), null);
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
				.until(() -> records(next, "ban-d").size() == 1);
			assertThat(records(relay, "ban-d")).singleElement().satisfies(r -> {
				assertThat(r.airing().outcome()).isEqualTo(Outcome.FAILED);
				assertThat(r.airing().reasonCode()).isEqualTo(Reason.STREAM_UNAVAILABLE);
				assertThat(r.airing().clipTitle()).isEqualTo("Đài mất sóng");
				assertThat(r.airing().reason()).contains("dai-chet", "/a.mp3", "/b.mp3");
				assertThat(r.airing().relay()).isEqualTo("dai-chet");
				assertThat(r.airing().relayUrl()).isNull();
			});
			assertThat(records(relay, "ban-f")).extracting(r -> r.airing().reasonCode())
				.containsExactly(Reason.STREAM_UNAVAILABLE);
			assertThat(records(relay, "ban-e")).extracting(r -> r.airing().reasonCode())
				.as("its switch failed first").containsExactly(Reason.SWITCH_FAILED);
			Airing after = records(next, "ban-d").get(0).airing();
			assertThat(after.clipId()).isEqualTo(clip.getId());
			assertThat(after.outcome()).isEqualTo(Outcome.PLAYED);
			assertThat(Duration.between(start.plus(length).toInstant(), after.actualStart()).toMillis())
				.as("the next slot airs on time").isBetween(-5L, 500L);
		}
		finally {
			schedule.deleteSlot(relay.key());
			schedule.deleteSlot(next.key());
		}
	}

	/** A port nobody listens on: a relay address that refuses at once. */
	private static int deadPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private List<BroadcastRecord> records(Slot slot, String zone) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().slotName().equals(slot.name()))
			.toList();
	}
}
