package vn.loaxa.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of a test context. By default nothing: each context has its own H2 file under its
 * data dir. With {@code -Dloaxa.test.db=postgres} (the {@code postgres-tests} surefire execution,
 * which also sets {@code spring.profiles.active=postgres}) each context gets a fresh PostgreSQL
 * database, {@code loaxa_test_<epoch seconds>_<random>}, created through the {@code loaxa} database
 * by a role with CREATEDB ({@code loaxa}/{@code loaxa} on localhost:5432, or
 * {@code -Dloaxa.test.pg.url / .user / .password}). An unreachable server is an error, never a skip:
 * CI starts PostgreSQL; a developer without one runs {@code mvn verify -DskipPostgres}.
 * <p>
 * Test databases left by earlier runs are dropped once they are an hour old (so a run in a parallel
 * checkout keeps its own).
 */
public final class TestDatabase {

	private static final String PREFIX = "loaxa_test_";
	private static final Map<String, String> BY_KEY = new ConcurrentHashMap<>();
	private static volatile boolean cleaned;

	private TestDatabase() {
	}

	public static boolean postgres() {
		return "postgres".equalsIgnoreCase(System.getProperty("loaxa.test.db", "h2"));
	}

	public static String adminUrl() {
		return System.getProperty("loaxa.test.pg.url", "jdbc:postgresql://localhost:5432/loaxa");
	}

	public static String user() {
		return System.getProperty("loaxa.test.pg.user", "loaxa");
	}

	public static String password() {
		return System.getProperty("loaxa.test.pg.password", "loaxa");
	}

	/** Registers a fresh PostgreSQL database for this context; on H2 nothing (the data dir decides). */
	public static void register(DynamicPropertyRegistry registry) {
		properties(UUID.randomUUID().toString()).forEach((k, v) -> registry.add(k, () -> v));
	}

	/**
	 * The datasource settings for the contexts that share {@code key} (for example one data dir
	 * started several times): one database per key. Empty on H2.
	 */
	public static Map<String, String> properties(String key) {
		Map<String, String> p = new LinkedHashMap<>();
		if (postgres()) {
			p.put("spring.datasource.url", BY_KEY.computeIfAbsent(key, k -> create()));
			p.put("spring.datasource.username", user());
			p.put("spring.datasource.password", password());
		}
		return p;
	}

	/** Creates an empty database and returns its JDBC URL. */
	public static synchronized String create() {
		String name = PREFIX + System.currentTimeMillis() / 1000 + "_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = DriverManager.getConnection(adminUrl(), user(), password());
				Statement s = c.createStatement()) {
			if (!cleaned) {
				cleaned = true;
				dropOld(c);
			}
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL tests need a server at " + adminUrl() + " with role " + user()
					+ " (CREATEDB) [" + e.getMessage() + "]; CI's .ci/run starts one; without PostgreSQL run "
					+ "mvn verify -DskipPostgres", e);
		}
		String admin = adminUrl();
		int slash = admin.lastIndexOf('/');
		int query = admin.indexOf('?', slash);
		return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
	}

	private static void dropOld(Connection c) throws SQLException {
		long hourAgo = System.currentTimeMillis() / 1000 - 3600;
		List<String> old = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'loaxa\\_test\\_%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.substring(PREFIX.length()).split("_");
				try {
					if (Long.parseLong(parts[0]) < hourAgo) {
						old.add(name);
					}
				}
				catch (NumberFormatException e) {
					// not one of ours
				}
			}
		}
		for (String name : old) {
			try (Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			catch (SQLException e) {
				// owned by another role, or in use: leave it
			}
		}
	}
}
