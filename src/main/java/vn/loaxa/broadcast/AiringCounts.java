package vn.loaxa.broadcast;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * Counts the log for reports: PLAYED records grouped by clip, kind, topic, zone and time bucket (e.g.
 * month), and the other outcomes grouped by reason. Whole months of PLAYED records are read from the
 * {@link MonthTotals} and the records after their mark; other buckets from the records, in SQL (H2's
 * summed by {@link PlayedInJava}). Only records that count are counted: a record replaced by a later
 * correction is left out, and the correction counts instead.
 * The groups are bounded by clips × zones × buckets, never by the number of records.
 */
@Service
public class AiringCounts {

	/**
	 * The condition that a record {@code r} has not been replaced by a correction. Corrections are
	 * rare, so the database reads their targets once per query rather than probing for each row.
	 * Ids start at 1: "corrects_id > 0" is a range of the index that skips its NULLs, where H2 reads
	 * "IS NOT NULL" by scanning the whole index (every record; 0.7 s cold at 1.5 million).
	 */
	static final String NOT_CORRECTED = "r.id NOT IN (SELECT c.corrects_id FROM broadcast_record c "
			+ "WHERE c.corrects_id > 0)";

	/** The outcomes other than PLAYED, each counted on its own: see {@link #problems}. */
	private static final List<Outcome> NOT_PLAYED = Arrays.stream(Outcome.values())
		.filter(o -> o != Outcome.PLAYED)
		.toList();

	private final JdbcTemplate jdbc;
	private final MonthTotals totals;
	private final BroadcastLog log;

	AiringCounts(JdbcTemplate jdbc, MonthTotals totals, BroadcastLog log) {
		this.jdbc = jdbc;
		this.totals = totals;
		this.log = log;
	}

	/** PLAYED records of one clip (by id, or by SHA-256 when it has none) in one zone and one bucket. */
	public record PlayedGroup(Long clipId, String clipSha256, ClipKind kind, Topic topic, String zoneId, int bucket,
			long airings, long playedMs, long onTime) implements Aired {

		/** What makes a clip distinct; null for a record about no clip. */
		@Override
		public String clipKey() {
			return Aired.clipKey(clipId, clipSha256);
		}

		/** The id, or the SHA-256 when there is none: a Long and a String are never equal, so no prefix is needed. */
		@Override
		public Object clipIdentity() {
			return clipId != null ? clipId : clipSha256;
		}
	}

	/**
	 * Records with an outcome other than PLAYED, by reason code; records without a code (written
	 * before codes existed) by their free-text reason.
	 */
	public record ProblemGroup(Outcome outcome, Reason code, String reason, long count) {
	}

	public record Tally(List<PlayedGroup> played, List<ProblemGroup> problems) {
	}

	/**
	 * Counts records whose scheduled start lies in [bounds[0], bounds[last]); bucket {@code i} is
	 * [bounds[i], bounds[i+1]). "On time" means started within one minute of the schedule. A bucket
	 * that is a whole month is read from the {@link MonthTotals} and the records after their mark.
	 */
	public Tally count(List<Instant> bounds) {
		checkBounds(bounds);
		return new Tally(played(bounds), problems(bounds));
	}

	/** The same figures counted from the log's records alone, for checking a report against the log. */
	public Tally countFromRecords(List<Instant> bounds) {
		checkBounds(bounds);
		return new Tally(fromRecords(bounds), problemsFromRecords(bounds));
	}

	private static void checkBounds(List<Instant> bounds) {
		if (bounds.size() < 2) {
			throw new IllegalArgumentException("need at least one bucket");
		}
	}

	List<PlayedGroup> played(List<Instant> bounds) {
		WholeMonths whole = WholeMonths.of(bounds, totals);
		if (whole.none()) {
			return fromRecords(bounds);
		}
		PlayedSums sums = new PlayedSums();
		long mark = totals.read(whole.first(), whole.last() + 1, whole::bucketOf, sums);
		if (mark == 0) {
			return fromRecords(bounds);
		}
		totals.since(mark, whole::bucketOf)
			.played()
			.sums()
			.forEach((k, s) -> sums.add(k, s[0], s[1], s[2]));
		for (WholeMonths.PartRun part : whole.partRuns(bounds)) {
			fromRecords(part.bounds()).forEach(g -> sums.add(g, part.firstBucket()));
		}
		return sums.groups();
	}

	/**
	 * The first and last record (of any outcome, corrections and corrected records too) scheduled in
	 * [bounds[0], bounds[last]) among the records up to id {@code upTo}: what a signed report names
	 * with the chain head {@code upTo}. Whole months are read from the ranges kept with the
	 * {@link MonthTotals}, the rest from the log.
	 */
	public Optional<BroadcastLog.IdRange> records(List<Instant> bounds, long upTo) {
		checkBounds(bounds);
		Instant from = bounds.get(0);
		Instant to = bounds.get(bounds.size() - 1);
		WholeMonths whole = WholeMonths.of(bounds, totals);
		RecordIds ids = new RecordIds();
		long mark = whole.none() ? 0 : totals.readIds(whole.first(), whole.last() + 1, whole::bucketOf, ids);
		if (mark == 0) {
			return log.rangeScheduledIn(from, to, upTo);
		}
		totals.since(mark, whole::bucketOf)
			.ids()
			.byBucket()
			.forEach((bucket, range) -> ids.widen(bucket, range[0], range[1]));
		for (WholeMonths.PartRun part : whole.partRuns(bounds)) {
			ids.widen(log.rangeScheduledIn(part.bounds().get(0), part.bounds().get(part.bounds().size() - 1)));
		}
		Optional<BroadcastLog.IdRange> all = ids.all();
		// records appended after the head was read: the range up to it, as verify-report reads it
		return all.isPresent() && all.get().lastId() > upTo ? log.rangeScheduledIn(from, to, upTo) : all;
	}

	private List<PlayedGroup> fromRecords(List<Instant> bounds) {
		return totals.onH2() ? PlayedInJava.count(jdbc, bounds, true) : playedInSql(bounds);
	}

	List<PlayedGroup> playedInSql(List<Instant> bounds) {
		List<Object> args = new ArrayList<>();
		StringBuilder bucket = new StringBuilder("CASE");
		for (int i = 1; i < bounds.size() - 1; i++) {
			bucket.append(" WHEN r.scheduled_start < ? THEN ").append(i - 1);
			args.add(ts(bounds.get(i)));
		}
		bucket.append(" ELSE ").append(bounds.size() - 2).append(" END");
		String bucketExpression = bounds.size() == 2 ? "0" : bucket.toString();
		args.add(ts(bounds.get(0)));
		args.add(ts(bounds.get(bounds.size() - 1)));
		// a clip is told apart by its id; the 64-character SHA-256 only when it has none (cheaper groups)
		String sql = "SELECT " + bucketExpression + " AS bucket, r.clip_id, "
				+ "CASE WHEN r.clip_id IS NULL THEN r.clip_sha256 END AS clip_sha, r.zone_id, r.clip_kind, r.clip_topic, "
				+ "COUNT(*) AS airings, SUM(r.played_ms) AS played_ms, "
				+ "SUM(CASE WHEN r.actual_start >= r.scheduled_start - INTERVAL '1' MINUTE "
				+ "AND r.actual_start <= r.scheduled_start + INTERVAL '1' MINUTE THEN 1 ELSE 0 END) AS on_time "
				+ "FROM broadcast_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ? "
				+ "AND r.outcome = 'PLAYED' AND " + NOT_CORRECTED
				+ " GROUP BY " + (bounds.size() == 2 ? "" : "bucket, ") + "r.clip_id, r.zone_id, r.clip_kind, r.clip_topic, clip_sha";
		return jdbc.query(sql, (rs, n) -> {
			long clipId = rs.getLong("clip_id");
			Long id = rs.wasNull() ? null : clipId;
			return new PlayedGroup(id, rs.getString("clip_sha"), enumOf(ClipKind.class, rs.getString("clip_kind")),
					enumOf(Topic.class, rs.getString("clip_topic")), rs.getString("zone_id"), rs.getInt("bucket"),
					rs.getLong("airings"), rs.getLong("played_ms"), rs.getLong("on_time"));
		}, args.toArray());
	}

	/** The problems of whole months read from the {@link MonthTotals}, as {@link #played} reads PLAYED groups. */
	List<ProblemGroup> problems(List<Instant> bounds) {
		WholeMonths whole = WholeMonths.of(bounds, totals);
		ProblemSums sums = new ProblemSums();
		long mark = whole.none() ? 0 : totals.readProblems(whole.first(), whole.last() + 1, whole::bucketOf, sums);
		if (mark == 0) {
			return problemsFromRecords(bounds);
		}
		totals.since(mark, whole::bucketOf)
			.problems()
			.counts()
			.forEach((k, n) -> sums.add(k.bucket(), k.outcome(), k.code(), k.reason(), n[0]));
		for (WholeMonths.PartRun part : whole.partRuns(bounds)) {
			problemsFromRecords(part.bounds()).forEach(sums::add);
		}
		return sums.groups();
	}

	/**
	 * One query an outcome: "outcome = ?" and the period are one range of the counts index, where
	 * H2 reads "outcome IN (…)" as every record of those outcomes in the whole log (a year of the
	 * 1.5 M record benchmark: 45,000 entries scanned for 15,000, 3.2 s cold). The codes are counted
	 * from that index alone; only records without a code (written before codes existed) are read
	 * for their free-text reason, which the index does not hold.
	 */
	private List<ProblemGroup> problemsFromRecords(List<Instant> bounds) {
		Object[] period = { ts(bounds.get(0)), ts(bounds.get(bounds.size() - 1)) };
		String where = " FROM broadcast_record r WHERE r.outcome = ? AND r.scheduled_start >= ? "
				+ "AND r.scheduled_start < ? AND " + NOT_CORRECTED;
		List<ProblemGroup> problems = new ArrayList<>();
		for (Outcome outcome : NOT_PLAYED) {
			Object[] args = { outcome.name(), period[0], period[1] };
			boolean uncoded = false;
			for (Map<String, Object> row : jdbc.queryForList("SELECT r.reason_code, COUNT(*) AS n" + where
					+ " GROUP BY r.reason_code", args)) {
				Reason code = Reason.ofCode((String) row.get("reason_code"));
				if (code == null) {
					uncoded = true;
				}
				else {
					problems.add(new ProblemGroup(outcome, code, null, ((Number) row.get("n")).longValue()));
				}
			}
			if (uncoded) {
				problems.addAll(jdbc.query("SELECT r.reason, COUNT(*) AS n" + where
						+ " AND r.reason_code IS NULL GROUP BY r.reason",
						(rs, n) -> new ProblemGroup(outcome, null, rs.getString("reason"), rs.getLong("n")), args));
			}
		}
		problems.sort(ProblemSums.ORDER);
		return problems;
	}

	static Object ts(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
