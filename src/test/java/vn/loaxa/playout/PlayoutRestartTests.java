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

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.LoaxaApplication;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;

/**
 * A restart on the same data directory: the Quartz trigger written before it fires after it,
 * records written before it are still there, and a clip a crash left in flight becomes an
 * INTERRUPTED record with the time known to have played.
 */
class PlayoutRestartTests {

	@Test
	void triggersAndRecordsSurviveARestartAndAClipCutInFlightIsInterrupted() throws Exception {
		Path root = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("playout-restart"));
		Slot slot;
		Clip clip;
		Instant fireAt;
		try (ConfigurableApplicationContext first = start(root)) {
			ClipLibrary library = first.getBean(ClipLibrary.class);
			Schedule schedule = first.getBean(Schedule.class);
			LoaxaClock clock = first.getBean(LoaxaClock.class);
			clip = PlayoutFixture.tone(library, root, "khac-1", 440, 800, Topic.OTHER, Priority.NORMAL);
			ZonedDateTime start = clock.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
			fireAt = start.toInstant();
			slot = schedule.saveSlot(PlayoutFixture.slotAt("ban-c", "Sau khởi động lại", start, Duration.ofSeconds(5),
					List.of("OTHER"), null), null);
			Scheduler quartz = first.getBean(Scheduler.class);
			TriggerKey key = TriggerKey.triggerKey(slot.key() + "@" + start.toLocalDate(), "slots");
			// the trigger fires the pre-roll (default 3 s) ahead; the first frame waits for the start
			assertThat(quartz.getTrigger(key).getNextFireTime().toInstant()).isEqualTo(fireAt.minusSeconds(3));

			// a crash in the middle of a clip leaves its in-flight row; nothing else is written
			Instant cut = clock.now().toInstant().minusSeconds(30);
			first.getBean(OnAirStore.class).start(new OnAirStore.InFlight("main", "Bản tin bị cắt",
					List.of("ban-a", "ban-b"), clip.getId(), clip.getSha256(), clip.getTitle(), clip.getKind(),
					clip.getTopic(), cut, cut.plusMillis(12), clip.getDurationMs(), 500), clock.now().toInstant());
		}

		try (ConfigurableApplicationContext second = start(root)) {
			BroadcastLog log = second.getBean(BroadcastLog.class);
			Scheduler quartz = second.getBean(Scheduler.class);
			assertThat(quartz.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.triggerGroupEquals("slots")))
				.extracting(TriggerKey::getName)
				.anyMatch(name -> name.startsWith(slot.key()));
			Instant now = second.getBean(LoaxaClock.class).now().toInstant();
			List<BroadcastRecord> cut = log.between(now.minusSeconds(3600), now.plusSeconds(3600), null).stream()
				.filter(r -> r.airing().slotName().equals("Bản tin bị cắt"))
				.toList();
			assertThat(cut).hasSize(2).allSatisfy(r -> {
				assertThat(r.airing().outcome()).isEqualTo(Outcome.INTERRUPTED);
				assertThat(r.airing().playedMs()).isEqualTo(500);
				assertThat(Duration.between(r.airing().actualStart(), r.airing().actualEnd()).toMillis()).isEqualTo(500);
			});
			assertThat(second.getBean(OnAirStore.class).all()).isEmpty();

			await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> log
				.between(fireAt.minusSeconds(60), fireAt.plusSeconds(60), "ban-c").stream()
				.anyMatch(r -> r.airing().slotName().equals(slot.name()) && r.airing().outcome() == Outcome.PLAYED));
			BroadcastRecord played = log.between(fireAt.minusSeconds(60), fireAt.plusSeconds(60), "ban-c").stream()
				.filter(r -> r.airing().slotName().equals(slot.name()))
				.findFirst()
				.orElseThrow();
			assertThat(played.airing().clipId()).isEqualTo(clip.getId());
			assertThat(Duration.between(fireAt, played.airing().actualStart()).toMillis()).isBetween(0L, 200L);
		}

		try (ConfigurableApplicationContext third = start(root)) {
			BroadcastLog log = third.getBean(BroadcastLog.class);
			assertThat(log.between(fireAt.minusSeconds(60), fireAt.plusSeconds(60), "ban-c"))
				.as("records survive a restart")
				.anyMatch(r -> r.airing().outcome() == Outcome.PLAYED);
		}
	}

	private static ConfigurableApplicationContext start(Path root) {
		String[] args = PlayoutFixture.properties(root).entrySet().stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(LoaxaApplication.class).run(args);
	}
}
