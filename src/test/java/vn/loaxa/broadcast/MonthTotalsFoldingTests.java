package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.support.Await;
import vn.loaxa.support.TestDirs;

/**
 * The running service folds new records into the month totals by itself: in a context of its own
 * that folds at once and then every second (what the web app does 20 s after start and every 10
 * minutes), records appended to the log reach the totals without any call, and the report's
 * figures read from them are those of the records.
 */
@SpringBootTest(properties = { "loaxa.report.totals-delay=0s", "loaxa.report.totals-interval=1s",
		"loaxa.admin.password=folding-admin-pw" })
class MonthTotalsFoldingTests {

	private static final Path DATA_DIR = TestDirs.create("folding");

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
	}

	@Autowired
	BroadcastLog log;

	@Autowired
	MonthTotals totals;

	@Autowired
	AiringCounts counts;

	@Test
	void recordsAppendedToTheLogReachTheTotalsWithoutACall() throws Exception {
		Instant june = AiringCountsTests.local("2031-06-01T00:00");
		List<Instant> month = List.of(june, AiringCountsTests.local("2031-07-01T00:00"));
		List<Airing> airings = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Instant scheduled = june.plus(Duration.ofHours(7L * i + 5));
			Outcome outcome = i % 8 == 7 ? Outcome.MISSED : Outcome.PLAYED;
			Instant start = outcome == Outcome.PLAYED ? scheduled.plusSeconds(i % 3) : null;
			long played = outcome == Outcome.PLAYED ? 60_000 : 0;
			airings.add(Airing.of("thon-" + (i % 2 + 1), "Khung sáng")
				.clip((long) (i % 4 + 1), null, "Bản tin " + (i % 4), ClipKind.values()[i % ClipKind.values().length],
						Topic.values()[i % Topic.values().length])
				.scheduled(scheduled)
				.started(start)
				.ended(start == null ? null : start.plusMillis(played))
				.playedMs(played)
				.dueMs(60_000)
				.outcome(outcome)
				.reason(outcome == Outcome.MISSED ? "Mất điện" : null)
				.build());
		}
		List<BroadcastRecord> written = log.appendAll(airings);
		long last = written.get(written.size() - 1).id();

		int index = totals.monthIndex(june);
		Await.until("the scheduled fold reached the records", Duration.ofSeconds(30),
				() -> totals.readIds(index, index + 1, m -> 0, new RecordIds()) >= last);
		RecordIds ids = new RecordIds();
		totals.readIds(index, index + 1, m -> 0, ids);

		PlayedSums fromTotals = new PlayedSums();
		totals.read(index, index + 1, m -> 0, fromTotals);
		assertThat(fromTotals.groups().stream().mapToLong(AiringCounts.PlayedGroup::airings).sum()).isEqualTo(35);
		assertThat(ids.all()).contains(new BroadcastLog.IdRange(written.get(0).id(), last));
		AiringCounts.Tally quick = counts.count(month);
		AiringCounts.Tally fromRecords = counts.countFromRecords(month);
		assertThat(quick.played()).containsExactlyInAnyOrderElementsOf(fromRecords.played());
		assertThat(quick.problems()).containsExactly(new AiringCounts.ProblemGroup(Outcome.MISSED, null, "Mất điện", 5));
		assertThat(fromRecords.problems()).isEqualTo(quick.problems());
	}
}
