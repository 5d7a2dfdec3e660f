package vn.loaxa.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the records appended after a mark (a record id) change in the figures counted up to it:
 * each record after the mark that no record after it corrects is added, and each record up to the
 * mark that a record after it corrects is taken away, if it counted at the mark (nothing up to the
 * mark corrected it). PLAYED records go to the {@link PlayedSums}, the other outcomes to the
 * {@link ProblemSums}, and every record after the mark, corrected or not, to the {@link RecordIds}.
 * The records after the mark are read by id, never by period, so the cost is that of the records
 * since the mark.
 */
final class LogDelta {

	/** The change to each kind of figure, by bucket. */
	record Change(PlayedSums played, ProblemSums problems, RecordIds ids) {

		Change() {
			this(new PlayedSums(), new ProblemSums(), new RecordIds());
		}

		/** Adds ({@code sign} 1) or takes away (-1) the record at the row: read as {@link #COLUMNS}. */
		void add(ResultSet rs, Instant scheduled, int bucket, int sign) throws SQLException {
			Outcome outcome = Outcome.valueOf(rs.getString(OUTCOME));
			if (outcome == Outcome.PLAYED) {
				played.add(rs, scheduled, bucket, sign);
			}
			else {
				problems.add(bucket, outcome, Reason.ofCode(rs.getString(OUTCOME + 1)), rs.getString(OUTCOME + 2), sign);
			}
		}
	}

	/** {@link PlayedSums#COLUMNS}, then the outcome and the reason's code and text. */
	static final String COLUMNS = PlayedSums.COLUMNS + ", r.outcome, r.reason_code, r.reason";

	private static final int OUTCOME = 9;

	private static final int IN_LIST = 500;

	private LogDelta() {
	}

	/**
	 * The change made by records {@code (mark, upTo]}, each in the bucket {@code bucketOf} gives its
	 * scheduled start; a record whose bucket is negative is left out.
	 */
	static Change between(JdbcTemplate jdbc, long mark, long upTo, ToIntFunction<Instant> bucketOf, boolean h2) {
		Set<Long> corrected = new HashSet<>(jdbc.queryForList(
				"SELECT corrects_id FROM broadcast_record WHERE id > ? AND id <= ? AND corrects_id > 0", Long.class, mark,
				upTo));
		return LazyReads.on(jdbc, h2, connection -> {
			Change change = new Change();
			added(connection, mark, upTo, corrected, bucketOf, change);
			List<Long> before = new ArrayList<>(corrected.stream().filter(id -> id <= mark).sorted().toList());
			for (int i = 0; i < before.size(); i += IN_LIST) {
				takenAway(connection, mark, before.subList(i, Math.min(before.size(), i + IN_LIST)), bucketOf, change);
			}
			return change;
		});
	}

	/** Only the primary key can serve "id > ?": no outcome in the condition, or H2 would pick the counts index. */
	private static void added(Connection connection, long mark, long upTo, Set<Long> corrected,
			ToIntFunction<Instant> bucketOf, Change change) throws SQLException {
		String sql = "SELECT " + COLUMNS + ", r.id FROM broadcast_record r WHERE r.id > ? AND r.id <= ? ORDER BY r.id";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, mark);
			statement.setLong(2, upTo);
			statement.setFetchSize(1_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Instant scheduled = PlayedSums.scheduled(rs);
					int bucket = bucketOf.applyAsInt(scheduled);
					if (bucket < 0) {
						continue;
					}
					long id = rs.getLong(OUTCOME + 3);
					change.ids().add(bucket, id);
					if (!corrected.contains(id)) {
						change.add(rs, scheduled, bucket, 1);
					}
				}
			}
		}
	}

	private static void takenAway(Connection connection, long mark, List<Long> ids, ToIntFunction<Instant> bucketOf,
			Change change) throws SQLException {
		String sql = "SELECT " + COLUMNS + " FROM broadcast_record r WHERE r.id IN ("
				+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ") "
				+ "AND NOT EXISTS (SELECT 1 FROM broadcast_record c WHERE c.corrects_id = r.id AND c.id <= ?)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int i = 1;
			for (Long id : ids) {
				statement.setLong(i++, id);
			}
			statement.setLong(i, mark);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Instant scheduled = PlayedSums.scheduled(rs);
					int bucket = bucketOf.applyAsInt(scheduled);
					if (bucket >= 0) {
						change.add(rs, scheduled, bucket, -1);
					}
				}
			}
		}
	}
}
