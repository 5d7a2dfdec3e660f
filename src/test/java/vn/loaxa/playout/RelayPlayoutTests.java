package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
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

/**
 * Tiếp sóng with real parts (issue 26, step 1): a test server streams an MP3 tone at its bitrate, as a
 * live station does; a relay slot fired by Quartz airs it into the channel's file sink (real time)
 * from the beat to the slot's end, the first, dead address skipped; with every address dead each zone
 * gets FAILED {@code stream_unavailable}; either way the clip slot after it on the channel airs on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayPlayoutTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("relay-playout"));
	/** 64 kbit/s: the bytes a second the server sends, as a live MP3 stream does. */
	static final int BYTES_PER_SECOND = 8000;

	static HttpServer server;
	static byte[] mp3;

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
		Path file = ROOT.resolve("tone.mp3");
		vn.loaxa.support.TestAudio.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=30:sample_rate=44100",
				"-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0", "-id3v2_version", "0",
				file.toString()));
		mp3 = Files.readAllBytes(file);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/live.mp3", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				// a second at once, as Icecast bursts on connect, then the bitrate's pace
				int sent = Math.min(BYTES_PER_SECOND, mp3.length);
				out.write(mp3, 0, sent);
				out.flush();
				long begin = System.nanoTime();
				int chunk = BYTES_PER_SECOND / 10;
				for (int tick = 1; sent < mp3.length; tick++) {
					LockSupport.parkNanos(begin + tick * 100_000_000L - System.nanoTime());
					int n = Math.min(chunk, mp3.length - sent);
					out.write(mp3, sent, n);
					out.flush();
					sent += n;
				}
			}
			catch (IOException e) {
				// the listener hung up: the relay was cut
			}
		});
		server.start();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void aRelaySlotAirsTheLiveStreamFromTheBeatToItsEndAndTheNextSlotAirsOnTime() throws Exception {
		String live = "http://127.0.0.1:" + server.getAddress().getPort() + "/live.mp3";
		editor.saveRelay(new PlanEditor.RelayDraft("dai-thu", "Đài thử", List.of("http://127.0.0.1:" + deadPort()
				+ "/x.mp3", live), null), null);
		Clip clip = PlayoutFixture.tone(library, ROOT, "sau-tiep-song", 660, 1500, Topic.OTHER, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(6);
		Slot relay = schedule.saveSlot(relaySlot("ab", "Tiep song thu", start, length, "dai-thu"), null);
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
			Path wav = wav("main", "Tiep-song-thu");
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
		Slot relay = schedule.saveSlot(relaySlot("def", "Mat song thu", start, length, "dai-chet"), null);
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

	private static SlotDraft relaySlot(String target, String name, ZonedDateTime start, Duration length, String relay) {
		SlotDraft d = PlayoutFixture.slotAt(target, name, start, length, List.of(), null);
		return new SlotDraft(d.target(), d.name(), d.days(), d.dates(), d.start(), d.length(), d.topics(), d.intro(),
				d.outro(), d.validFrom(), d.validUntil(), d.except(), relay);
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

	private Path wav(String channel, String label) throws IOException {
		try (Stream<Path> files = Files.list(sinks.fileDir())) {
			return files.filter(f -> f.getFileName().toString().contains("-" + channel + "-" + label))
				.max(java.util.Comparator.comparing(Path::getFileName))
				.orElseThrow();
		}
	}

}
