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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.PlanEditor;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.support.Requires;
import vn.loaxa.support.TestDirs;

/**
 * Tiếp sóng from a receiver on the sound card's input, on the real line: PulseAudio's test line
 * ({@link LiveLine}) gives a "receiver" (a tone played into its microphone sink, whose monitor is the
 * PC's default input) and a "loudspeaker" (the default output), both recorded on one clock. The relay
 * slot takes the input {@code default} and the tone is heard on the loudspeaker for the slot's length.
 */
@Requires.Present(Requires.Os.AUDIO_LINE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayLineInTests {

	static final Path ROOT = TestDirs.create("relay-line-in");
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
				zones:
				  - id: ban-a
				    name: Bản Na Lay
				    channel: main
				""");
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
		registry.add("loaxa.audio.sink", () -> "line");
	}

	@BeforeAll
	static void receiverAndLoudspeaker() throws Exception {
		LINE.setUp();
	}

	@AfterAll
	static void restoreTheLine() throws Exception {
		LINE.tearDown();
	}

	@Autowired Schedule schedule;
	@Autowired PlanEditor editor;
	@Autowired BroadcastLog log;
	@Autowired LoaxaClock clock;

	@Test
	void aReceiverOnTheInputIsRelayedToTheLoudspeakersForTheSlot() throws Exception {
		editor.saveRelay(new PlanEditor.RelayDraft("may-thu", "Máy thu FM", List.of(), "default"), null);
		Path tone = TestAudio.tone(ROOT.resolve("receiver.wav"), 600, 9000);
		ZonedDateTime start = clock.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
		Duration length = Duration.ofSeconds(5);
		Slot slot = schedule.saveSlot(PlayoutFixture.relaySlotAt("ban-a", "Tiep song may thu", start, length,
				"may-thu"), null);
		Path recording = ROOT.resolve("room.wav");
		Process parec = LiveLine.record(recording);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> clock.now().toInstant()
				.isAfter(start.toInstant().minusSeconds(2)));
			CompletableFuture<Void> receiver = CompletableFuture.runAsync(() -> {
				try {
					LiveLine.play(tone, 30);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
				.until(() -> !records(slot).isEmpty());
			receiver.get(15, TimeUnit.SECONDS);
		}
		finally {
			parec.destroy();
			parec.waitFor(5, TimeUnit.SECONDS);
			schedule.deleteSlot(slot.key());
		}
		assertThat(records(slot)).singleElement().satisfies(a -> {
			assertThat(a.outcome()).as(a.reason()).isEqualTo(Outcome.PLAYED);
			assertThat(a.relay()).isEqualTo("may-thu");
			assertThat(a.relayUrl()).isEqualTo("input default");
			assertThat(a.clipTitle()).isEqualTo("Máy thu FM");
			assertThat(a.playedMs()).isBetween(length.toMillis() - 1000, length.toMillis() + 150);
		});
		short[][] sides = LiveLine.stereo(recording);
		double heardMs = loudMs(sides[1]);
		double receiverMs = loudMs(sides[0]);
		System.out.printf("line-in relay: receiver %.0f ms, loudspeaker %.0f ms%n", receiverMs, heardMs);
		assertThat(receiverMs).as("the receiver played through the slot").isGreaterThan(length.toMillis() + 1000.0);
		assertThat(heardMs).as("the loudspeaker carried it for the slot's length, no longer")
			.isBetween(length.toMillis() - 1200.0, length.toMillis() + 300.0);
	}

	/** From the first to the last sample of the side above a quiet floor, in milliseconds. */
	private static double loudMs(short[] side) {
		int first = -1;
		int last = -1;
		for (int i = 0; i < side.length; i++) {
			if (Math.abs(side[i]) > 1000) {
				first = first < 0 ? i : first;
				last = i;
			}
		}
		return first < 0 ? 0 : TestAudio.ms(last - first + 1);
	}

	private List<Airing> records(Slot slot) {
		Instant now = clock.now().toInstant();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "ban-a")
			.stream()
			.map(BroadcastRecord::airing)
			.filter(a -> a.slotName().equals(slot.name()))
			.toList();
	}
}
