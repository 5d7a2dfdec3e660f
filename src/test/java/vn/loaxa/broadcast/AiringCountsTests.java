package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loaxa.IntegrationTest;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * The PLAYED groups summed in Java (what H2 uses) and grouped in SQL (what PostgreSQL uses) are the
 * same groups, on a random log with the edges that matter: starts exactly one minute off the
 * schedule and one millisecond more, records at a month's first instant and the millisecond before,
 * clips known only by their SHA-256, records without a clip, and corrections both ways. The totals
 * are also checked against what the test itself generated.
 */
class AiringCountsTests extends IntegrationTest {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final long[] OFFSETS_MS = { -61_000, -60_001, -60_000, -59_999, 0, 5_000, 59_999, 60_000, 60_001, 300_000 };
	static final String[] ZONES = { "thon-1", "thon-2", "to-dan-pho-3" };
	static final String[] MISSED_REASONS = { "Mất điện", "Mất điện ở thôn 2", null };

	@Autowired
	AiringCounts counts;

	@Autowired
	BroadcastLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MonthTotals totals;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	record Expected(long airings, long onTime, long playedMs) {
	}

	/** Every record the test wrote (corrected ones and corrections too), by id: its scheduled start. */
	private final Map<Long, Instant> written = new HashMap<>();

	@Test
	void groupsSummedInJavaAreTheGroupsOfSql() {
		// 2031 belongs to this test alone: no other test writes records there
		List<Instant> bounds = List.of(local("2031-01-25T00:00"), local("2031-02-01T00:00"), local("2031-03-01T00:00"),
				local("2031-04-01T00:00"), local("2031-04-05T00:00"));
		Random random = new Random(20311);
		List<Airing> airings = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			airings.add(airing(random, scheduled(random, i)));
		}
		List<BroadcastRecord> records = log.appendAll(airings);
		Map<Long, Airing> counted = new HashMap<>();
		records.forEach(r -> counted.put(r.id(), r.airing()));
		for (int i = 0; i < 60; i++) {
			BroadcastRecord target = records.get(i * 25);
			Airing corrected = airing(random, target.airing().scheduledStart());
			BroadcastRecord correction = log.correct(target.id(), corrected, "can-bo-van-hoa");
			counted.remove(target.id());
			counted.put(correction.id(), correction.airing());
		}

		List<AiringCounts.PlayedGroup> inJava = PlayedInJava.count(jdbc, bounds, totals.onH2());
		List<AiringCounts.PlayedGroup> inSql = counts.playedInSql(bounds);

		assertThat(inJava).containsExactlyInAnyOrderElementsOf(inSql);
		assertThat(counts.count(bounds).played()).containsExactlyInAnyOrderElementsOf(inSql);
		Expected expected = expected(counted.values(), bounds);
		assertThat(inJava.stream().mapToLong(AiringCounts.PlayedGroup::airings).sum()).isEqualTo(expected.airings());
		assertThat(inJava.stream().mapToLong(AiringCounts.PlayedGroup::onTime).sum()).isEqualTo(expected.onTime());
		assertThat(inJava.stream().mapToLong(AiringCounts.PlayedGroup::playedMs).sum()).isEqualTo(expected.playedMs());
		assertThat(inJava).extracting(AiringCounts.PlayedGroup::bucket).contains(0, 1, 2, 3);
		assertThat(inJava).anyMatch(g -> g.clipId() == null && g.clipSha256() != null);
	}

	/**
	 * The month totals with the records after their mark give the groups the records alone give,
	 * whatever lies on either side of the mark: records folded in, then more records, corrections
	 * of records on both sides (a correction corrected again, a record corrected twice), a period
	 * with whole and partial months. Folded again, and summed anew in another time zone and back,
	 * the figures stay the same, and the totals are what the test generated.
	 */
	@Test
	void monthTotalsAndTheRecordsAfterTheirMarkGiveTheFiguresOfTheRecords() {
		// 2032 belongs to this test alone
		List<Instant> quarter = List.of(local("2032-01-01T00:00"), local("2032-02-01T00:00"), local("2032-03-01T00:00"),
				local("2032-04-01T00:00"));
		List<Instant> statutory = List.of(local("2031-12-15T00:00"), local("2032-01-01T00:00"), local("2032-02-01T00:00"),
				local("2032-03-01T00:00"), local("2032-03-15T00:00"));
		Random random = new Random(20322);
		Map<Long, Airing> counted = new HashMap<>();
		List<BroadcastRecord> before = appendAround(random, counted, "2032-02-01T00:00", 600);
		correctSome(random, counted, before, 0, 10);
		totals.fold();
		PlayedSums quarterTotals = new PlayedSums();
		long mark = totals.read(totals.monthIndex(quarter.get(0)), totals.monthIndex(quarter.get(3)), m -> m,
				quarterTotals);
		assertThat(mark).as("the fold reached the records just written").isGreaterThanOrEqualTo(
				before.get(before.size() - 1).id());
		assertThat(quarterTotals.groups()).as("the quarter's months are in the totals").isNotEmpty();
		assertSameFigures(quarter, statutory, counted);

		List<BroadcastRecord> after = appendAround(random, counted, "2032-03-01T00:00", 400);
		correctSome(random, counted, before, 10, 10);
		correctSome(random, counted, after, 0, 10);
		BroadcastRecord twice = before.get(3 * 7);
		Airing again = airing(random, twice.airing().scheduledStart());
		counted.put(correct(twice.id(), again), again);
		assertSameFigures(quarter, statutory, counted);

		totals.fold();
		assertSameFigures(quarter, statutory, counted);

		new MonthTotals(jdbc, tx, log, new vn.loaxa.config.LoaxaClock(new vn.loaxa.config.LoaxaProperties(DATA_DIR, DATA_DIR,
				DATA_DIR, java.time.ZoneOffset.UTC))).fold();
		assertThat(totals.read(0, Integer.MAX_VALUE, m -> m, new PlayedSums())).as("summed in UTC: not the commune's months")
			.isZero();
		assertSameFigures(quarter, statutory, counted);
		totals.fold();
		assertThat(totals.read(0, Integer.MAX_VALUE, m -> m, new PlayedSums())).isPositive();
		assertSameFigures(quarter, statutory, counted);
	}

	private List<BroadcastRecord> appendAround(Random random, Map<Long, Airing> counted, String edge, int n) {
		List<Airing> airings = new ArrayList<>();
		Instant around = local(edge);
		for (int i = 0; i < n; i++) {
			Instant scheduled = i % 5 == 0 ? around : i % 5 == 1 ? around.minusMillis(1)
					: around.plusSeconds(random.nextInt(60 * 86_400) - 30 * 86_400);
			airings.add(airing(random, scheduled));
		}
		List<BroadcastRecord> records = log.appendAll(airings);
		records.forEach(r -> counted.put(r.id(), r.airing()));
		records.forEach(r -> written.put(r.id(), r.airing().scheduledStart()));
		return records;
	}

	/** Corrects {@code n} records, every seventh from {@code first * 7}; a correction of a correction each time too. */
	private void correctSome(Random random, Map<Long, Airing> counted, List<BroadcastRecord> records, int first, int n) {
		for (int i = first; i < first + n; i++) {
			BroadcastRecord target = records.get(i * 7);
			Airing corrected = airing(random, target.airing().scheduledStart());
			long correction = correct(target.id(), corrected);
			counted.remove(target.id());
			counted.put(correction, corrected);
			if (i % 4 == 0) {
				Airing second = airing(random, target.airing().scheduledStart());
				counted.remove(correction);
				counted.put(correct(correction, second), second);
			}
		}
	}

	private long correct(long id, Airing corrected) {
		BroadcastRecord correction = log.correct(id, corrected, "can-bo-van-hoa");
		written.put(correction.id(), correction.airing().scheduledStart());
		return correction.id();
	}

	private void assertSameFigures(List<Instant> quarter, List<Instant> statutory, Map<Long, Airing> counted) {
		for (List<Instant> bounds : List.of(quarter, statutory)) {
			List<AiringCounts.PlayedGroup> quick = counts.count(bounds).played();
			assertThat(quick).containsExactlyInAnyOrderElementsOf(counts.countFromRecords(bounds).played());
			Expected expected = expected(counted.values(), bounds);
			assertThat(quick.stream().mapToLong(AiringCounts.PlayedGroup::airings).sum()).isEqualTo(expected.airings());
			assertThat(quick.stream().mapToLong(AiringCounts.PlayedGroup::onTime).sum()).isEqualTo(expected.onTime());
			assertThat(quick.stream().mapToLong(AiringCounts.PlayedGroup::playedMs).sum()).isEqualTo(expected.playedMs());
			assertThat(quick).allMatch(g -> g.airings() > 0);
			long head = log.head().lastId();
			assertThat(counts.records(bounds, head)).as("the first and last record of the period")
				.isEqualTo(writtenIn(bounds, head));
			long earlier = head - 150;
			assertThat(counts.records(bounds, earlier)).as("the same as when record " + earlier + " was the last")
				.isEqualTo(writtenIn(bounds, earlier));
			List<AiringCounts.ProblemGroup> problems = counts.count(bounds).problems();
			assertThat(problems).containsExactlyInAnyOrderElementsOf(counts.countFromRecords(bounds).problems());
			Map<List<Object>, Long> byReason = new HashMap<>();
			problems.forEach(p -> byReason.put(Arrays.asList(p.outcome(), p.code(), p.reason()), p.count()));
			assertThat(byReason).isEqualTo(expectedProblems(counted.values(), bounds));
		}
	}

	/** The records of other outcomes than PLAYED in the bounds, by outcome, code and (without a code) reason. */
	private static Map<List<Object>, Long> expectedProblems(Iterable<Airing> counted, List<Instant> bounds) {
		Map<List<Object>, Long> problems = new HashMap<>();
		for (Airing a : counted) {
			if (a.outcome() != Outcome.PLAYED && !a.scheduledStart().isBefore(bounds.get(0))
					&& a.scheduledStart().isBefore(bounds.get(bounds.size() - 1))) {
				problems.merge(Arrays.asList(a.outcome(), a.reasonCode(), a.reasonCode() == null ? a.reason() : null), 1L,
						Long::sum);
			}
		}
		return problems;
	}

	/** The first and last id up to {@code upTo} the test wrote in the bounds; none when it wrote none there. */
	private Optional<BroadcastLog.IdRange> writtenIn(List<Instant> bounds, long upTo) {
		LongSummaryStatistics ids = written.entrySet()
			.stream()
			.filter(e -> e.getKey() <= upTo)
			.filter(e -> !e.getValue().isBefore(bounds.get(0)) && e.getValue().isBefore(bounds.get(bounds.size() - 1)))
			.mapToLong(Map.Entry::getKey)
			.summaryStatistics();
		return ids.getCount() == 0 ? Optional.empty() : Optional.of(new BroadcastLog.IdRange(ids.getMin(), ids.getMax()));
	}

	/** Every airing's month edge is near, and some are on it: a month's first instant or the millisecond before. */
	private static Instant scheduled(Random random, int i) {
		String[] edges = { "2031-01-25T00:00", "2031-02-01T00:00", "2031-03-01T00:00", "2031-04-01T00:00",
				"2031-04-05T00:00" };
		Instant edge = local(edges[i % edges.length]);
		return switch (i % 4) {
			case 0 -> edge;
			case 1 -> edge.minusMillis(1);
			default -> edge.plusSeconds(random.nextInt(20 * 86_400) - 10 * 86_400);
		};
	}

	private static Airing airing(Random random, Instant scheduled) {
		String zone = ZONES[random.nextInt(ZONES.length)];
		int roll = random.nextInt(20);
		if (roll == 0) {
			return Airing.slotLevel(zone, "Khung sáng", scheduled, Outcome.FAILED, "Hàng chờ trống", Reason.EMPTY_QUEUE);
		}
		Outcome outcome = roll < 16 ? Outcome.PLAYED : roll < 18 ? Outcome.PARTIAL : Outcome.MISSED;
		int clip = random.nextInt(8);
		// clips 6 and 7 are known only by their SHA-256 (a live announcement's recording, say)
		Long clipId = clip < 6 ? (long) clip + 1 : null;
		String sha = String.format("%064x", clip + 1);
		ClipKind kind = ClipKind.values()[clip % ClipKind.values().length];
		Topic topic = clip == 5 ? null : Topic.values()[clip % Topic.values().length];
		long ms = 30_000 + clip * 1_000L;
		Instant start = outcome == Outcome.MISSED ? null
				: scheduled.plusMillis(OFFSETS_MS[random.nextInt(OFFSETS_MS.length)]);
		long played = outcome == Outcome.PLAYED ? ms : outcome == Outcome.PARTIAL ? ms / 2 : 0;
		// MISSED records as a log from before reason codes has them: free text, or nothing
		String reason = outcome == Outcome.MISSED ? MISSED_REASONS[random.nextInt(MISSED_REASONS.length)] : null;
		return Airing.of(zone, "Khung sáng")
			.clip(clipId, sha, "Bản tin số " + (clip + 1), kind, topic)
			.scheduled(scheduled)
			.started(start)
			.ended(start == null ? null : start.plusMillis(played))
			.playedMs(played)
			.dueMs(ms)
			.outcome(outcome)
			.reason(reason)
			.build();
	}

	private static Expected expected(Iterable<Airing> counted, List<Instant> bounds) {
		Instant from = bounds.get(0);
		Instant to = bounds.get(bounds.size() - 1);
		long airings = 0;
		long onTime = 0;
		long playedMs = 0;
		for (Airing a : counted) {
			if (a.outcome() != Outcome.PLAYED || a.scheduledStart().isBefore(from) || !a.scheduledStart().isBefore(to)) {
				continue;
			}
			airings++;
			playedMs += a.playedMs();
			long off = a.actualStart().toEpochMilli() - a.scheduledStart().toEpochMilli();
			if (Math.abs(off) <= 60_000) {
				onTime++;
			}
		}
		return new Expected(airings, onTime, playedMs);
	}

	static Instant local(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(HCM).toInstant();
	}
}
