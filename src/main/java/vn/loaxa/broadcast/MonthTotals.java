package vn.loaxa.broadcast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loaxa.config.LoaxaClock;

/**
 * The PLAYED figures of each month, summed from the log once and kept in
 * {@code broadcast_month_total}, so that a report reads a month's groups (one per clip and zone)
 * instead of its records. They count the records up to a mark; {@link #fold} moves the mark on,
 * summing the records after it ({@link LogDelta}), corrections included. Beside them, the other
 * outcomes' records of each month by reason ({@code broadcast_month_problem}) and the first and last
 * record id of each month ({@code broadcast_month_ids}). They are never evidence: a report
 * adds the records after the mark from the log itself, and verify-report counts from the log alone.
 */
@Service
public class MonthTotals {

	/** Records folded in one transaction: bounded memory and a short lock on the mark. */
	static final int CHUNK = 50_000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final BroadcastLog log;
	private final ZoneId zone;
	private final MonthTotalsWriter writer;
	private volatile Boolean h2;

	MonthTotals(JdbcTemplate jdbc, TransactionTemplate tx, BroadcastLog log, LoaxaClock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.log = log;
		this.zone = clock.zone();
		this.writer = new MonthTotalsWriter(jdbc);
	}

	/** year * 12 + month - 1 of the instant in the commune's time zone. */
	int monthIndex(Instant instant) {
		ZonedDateTime local = instant.atZone(zone);
		return local.getYear() * 12 + local.getMonthValue() - 1;
	}

	/** Where month index {@code index} starts in the commune's time zone. */
	Instant monthStart(int index) {
		return ZonedDateTime.of(index / 12, index % 12 + 1, 1, 0, 0, 0, 0, zone).toInstant();
	}

	boolean onH2() {
		Boolean h2 = this.h2;
		if (h2 == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			h2 = this.h2 = "H2".equalsIgnoreCase(product);
		}
		return h2;
	}

	/**
	 * Adds the totals of months {@code [from, to)} to {@code into}, each group in the bucket
	 * {@code bucketOfMonth} gives its month index (negative: left out), and returns the mark they count to, read in the
	 * same statement so the two agree; 0 (and nothing added) when the totals were never summed, or
	 * were summed in another time zone.
	 */
	long read(int from, int to, IntUnaryOperator bucketOfMonth, PlayedSums into) {
		return readMonths("broadcast_month_total", "t.airings > 0 AND ",
				"clip_id, clip_sha256, zone_id, clip_kind, clip_topic, airings, played_ms, on_time", new int[] { from, to },
				bucketOfMonth, (rs, bucket) -> {
					long clipId = rs.getLong(4);
					Long id = rs.wasNull() ? null : clipId;
					into.add(new PlayedSums.Key(bucket, id, rs.getString(5), rs.getString(6), blankNull(rs.getString(7)),
							blankNull(rs.getString(8))), rs.getLong(9), rs.getLong(10), rs.getLong(11));
				});
	}

	/**
	 * Widens {@code into} by the first and last record id of months {@code [from, to)}, each in the
	 * bucket {@code bucketOfMonth} gives (negative: left out), and returns the mark they count to, as
	 * {@link #read} does.
	 */
	long readIds(int from, int to, IntUnaryOperator bucketOfMonth, RecordIds into) {
		return readMonths("broadcast_month_ids", "", "first_id, last_id", new int[] { from, to }, bucketOfMonth,
				(rs, bucket) -> into.widen(bucket, rs.getLong(4), rs.getLong(5)));
	}

	/** Adds the problem counts of months {@code [from, to)} to {@code into}, as {@link #readIds} does. */
	long readProblems(int from, int to, IntUnaryOperator bucketOfMonth, ProblemSums into) {
		return readMonths("broadcast_month_problem", "t.records <> 0 AND ", "outcome, reason_code, reason, records",
				new int[] { from, to }, bucketOfMonth,
				(rs, bucket) -> into.add(bucket, Outcome.valueOf(rs.getString(4)), Reason.ofCode(blankNull(rs.getString(5))),
						rs.getString(6), rs.getLong(7)));
	}

	private interface MonthRow {
		void read(ResultSet rs, int bucket) throws SQLException;
	}

	/**
	 * Reads the mark and the rows of months {@code months[0]} to {@code months[1]} (exclusive) of a
	 * month table joined to it as {@code t} ({@code filter}: more of the join's condition), lazily
	 * (a year of PLAYED totals can be 100,000 rows); {@code columns} come from column 4 on, after the
	 * mark, its time zone and the month index. The mark and its rows come from one statement, so
	 * they agree.
	 */
	private long readMonths(String table, String filter, String columns, int[] months, IntUnaryOperator bucketOfMonth,
			MonthRow each) {
		String sql = "SELECT m.last_record_id, m.time_zone, t.month_index, t." + columns.replace(", ", ", t.")
				+ " FROM broadcast_month_total_mark m LEFT JOIN " + table + " t ON " + filter
				+ "t.month_index >= ? AND t.month_index < ? WHERE m.id = 1";
		return LazyReads.on(jdbc, onH2(), connection -> {
			long mark = 0;
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setInt(1, months[0]);
				statement.setInt(2, months[1]);
				statement.setFetchSize(1_000);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next() && zone.getId().equals(rs.getString(2))) {
						mark = rs.getLong(1);
						int bucket = rs.getObject(3) == null ? -1 : bucketOfMonth.applyAsInt(rs.getInt(3));
						if (bucket >= 0) {
							each.read(rs, bucket);
						}
					}
				}
			}
			return mark;
		});
	}

	/** What the records appended after {@code mark} change, each in the bucket {@code bucketOf} gives (negative: left out). */
	LogDelta.Change since(long mark, ToIntFunction<Instant> bucketOf) {
		return LogDelta.between(jdbc, mark, log.head().lastId(), bucketOf, onH2());
	}

	/**
	 * Sums the records appended since the last fold into the totals, {@value #CHUNK} a transaction;
	 * returns how many records were folded. Safe beside another fold (in another process too): the
	 * mark's row is locked while a chunk is summed.
	 */
	public long fold() {
		long folded = 0;
		while (true) {
			Long chunk = tx.execute(status -> foldChunk());
			if (chunk == null || chunk == 0) {
				return folded;
			}
			folded += chunk;
		}
	}

	private long foldChunk() {
		Map<String, Object> mark = jdbc
			.queryForMap("SELECT last_record_id, time_zone FROM broadcast_month_total_mark WHERE id = 1 FOR UPDATE");
		long last = ((Number) mark.get("last_record_id")).longValue();
		if (!zone.getId().equals(mark.get("time_zone"))) {
			writer.clear();
			last = 0;
			jdbc.update("UPDATE broadcast_month_total_mark SET last_record_id = 0, time_zone = ? WHERE id = 1",
					zone.getId());
		}
		long upTo = Math.min(log.head().lastId(), last + CHUNK);
		if (upTo <= last) {
			return 0;
		}
		writer.apply(LogDelta.between(jdbc, last, upTo, this::monthIndex, onH2()));
		jdbc.update("UPDATE broadcast_month_total_mark SET last_record_id = ? WHERE id = 1", upTo);
		return upTo - last;
	}

	private static String blankNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}
}
