package vn.loaxa.broadcast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.loaxa.broadcast.AiringCounts.PlayedGroup;

/**
 * Groups a period's PLAYED records as {@link AiringCounts} does in SQL, but summed here, for H2. H2
 * groups by putting each row into a tree of its groups, comparing the key's strings on the way: a
 * year of a 1.5 million record log took 4.2-6.3 s, where reading the same rows from the counts index
 * one by one (lazily, never the whole result in memory) and summing them in a hash map took 1.3-3.3 s.
 * PostgreSQL's hash aggregate beats sending it the rows, so it keeps the GROUP BY.
 */
final class PlayedInJava {

	private static final String SQL = "SELECT " + PlayedSums.COLUMNS + " FROM broadcast_record r "
			+ "WHERE r.outcome = 'PLAYED' AND r.scheduled_start >= ? AND r.scheduled_start < ? AND "
			+ AiringCounts.NOT_CORRECTED;

	private PlayedInJava() {
	}

	/** {@code h2}: the database is H2, and must be told to read lazily ({@link LazyReads}). */
	static List<PlayedGroup> count(JdbcTemplate jdbc, List<Instant> bounds, boolean h2) {
		return LazyReads.on(jdbc, h2, connection -> sum(connection, bounds).groups());
	}

	private static PlayedSums sum(Connection connection, List<Instant> bounds) throws SQLException {
		PlayedSums sums = new PlayedSums();
		try (PreparedStatement statement = connection.prepareStatement(SQL)) {
			statement.setObject(1, AiringCounts.ts(bounds.get(0)));
			statement.setObject(2, AiringCounts.ts(bounds.get(bounds.size() - 1)));
			statement.setFetchSize(1_000);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Instant scheduled = PlayedSums.scheduled(rs);
					sums.add(rs, scheduled, bucket(bounds, scheduled), 1);
				}
			}
		}
		return sums;
	}

	/** Bucket {@code i} is [bounds[i], bounds[i+1]); the last takes the rest, as the SQL's CASE does. */
	static int bucket(List<Instant> bounds, Instant scheduled) {
		int last = bounds.size() - 2;
		for (int i = 0; i < last; i++) {
			if (scheduled.isBefore(bounds.get(i + 1))) {
				return i;
			}
		}
		return last;
	}
}
