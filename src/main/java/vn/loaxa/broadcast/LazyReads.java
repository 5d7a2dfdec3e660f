package vn.loaxa.broadcast;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads on one connection with H2 told to hand rows over as it finds them. Otherwise H2 builds a
 * query's whole result before the first row is read, and past 40,000 rows writes it to a temporary
 * file first (a year's month totals in the 1.5 M record benchmark: 96,000 rows, a second of it).
 * Other databases stream with the statement's fetch size.
 */
final class LazyReads {

	private LazyReads() {
	}

	static <T> T on(JdbcTemplate jdbc, boolean h2, ConnectionCallback<T> work) {
		return jdbc.execute((ConnectionCallback<T>) connection -> {
			if (!h2) {
				return work.doInConnection(connection);
			}
			lazy(connection, true);
			try {
				return work.doInConnection(connection);
			}
			finally {
				lazy(connection, false);
			}
		});
	}

	private static void lazy(Connection connection, boolean on) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LAZY_QUERY_EXECUTION " + on);
		}
	}
}
