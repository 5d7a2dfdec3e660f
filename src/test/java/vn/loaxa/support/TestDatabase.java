package vn.loaxa.support;

import java.io.IOException;
import java.net.URI;
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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of a test context. By default nothing: each context has its own H2 file under its
 * data dir. With {@code -Dloaxa.test.db=postgres} (the {@code postgres-tests} surefire execution,
 * which also sets {@code spring.profiles.active=postgres}) each context gets a fresh PostgreSQL
 * database, {@code loaxa_test_<epoch seconds>_<random>}, created through the {@code loaxa} database
 * by a role with CREATEDB, on
 * <ul>
 * <li>the server named by the environment variables {@code LOAXA_TEST_PG_URL} (the JDBC URL of a
 * database to connect through, e.g. {@code jdbc:postgresql://localhost:5432/loaxa}),
 * {@code LOAXA_TEST_PG_USER} and {@code LOAXA_TEST_PG_PASSWORD} (default {@code loaxa}/{@code loaxa};
 * or the system properties {@code loaxa.test.pg.url / .user / .password}), when set;</li>
 * <li>otherwise an embedded PostgreSQL (zonky's real server binaries from Maven Central, the version
 * in pom.xml), started once for the test JVM on a free port of localhost, with a role
 * {@code loaxa}/{@code loaxa} (CREATEDB) and a database {@code loaxa}, and stopped by the JVM's
 * shutdown hook (Spring Boot's, after the application contexts have closed). Child JVMs started by
 * a test reach it by its URL as long as this JVM runs.</li>
 * </ul>
 * A server that cannot be started or reached is an error, never a skip.
 * <p>
 * Test databases left by earlier runs are dropped once they are an hour old (so a run in a parallel
 * checkout keeps its own).
 */
public final class TestDatabase {

	private static final String PREFIX = "loaxa_test_";
	private static final Map<String, String> BY_KEY = new ConcurrentHashMap<>();
	private static volatile boolean cleaned;

	private static Server server;
	private static RuntimeException unavailable;

	private TestDatabase() {
	}

	/** Where the test databases are made: the URL of the database to connect through, and the role. */
	record Server(String url, String user, String password, String description) {
	}

	public static boolean postgres() {
		return "postgres".equalsIgnoreCase(System.getProperty("loaxa.test.db", "h2"));
	}

	public static String adminUrl() {
		return server().url();
	}

	public static String user() {
		return server().user();
	}

	public static String password() {
		return server().password();
	}

	/** The server's host, from {@link #adminUrl()} ({@code localhost} for the embedded one). */
	public static String host() {
		URI uri = URI.create(adminUrl().substring("jdbc:".length()));
		return uri.getHost() == null ? "localhost" : uri.getHost();
	}

	/** The server's port, from {@link #adminUrl()}. */
	public static int port() {
		URI uri = URI.create(adminUrl().substring("jdbc:".length()));
		return uri.getPort() < 0 ? 5432 : uri.getPort();
	}

	/** The server's major version (15 for 15.18). */
	public static int serverMajor() {
		try (Connection c = DriverManager.getConnection(adminUrl(), user(), password());
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SHOW server_version_num")) {
			rs.next();
			return Integer.parseInt(rs.getString(1)) / 10000;
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot reach " + server().description() + ": " + e.getMessage(), e);
		}
	}

	/** The server in use, chosen (and the embedded one started) on first use; a failure is kept. */
	private static synchronized Server server() {
		if (server == null && unavailable == null) {
			try {
				server = choose();
			}
			catch (RuntimeException e) {
				unavailable = e;
			}
		}
		if (unavailable != null) {
			throw new IllegalStateException(unavailable.getMessage(), unavailable);
		}
		return server;
	}

	private static Server choose() {
		String url = setting("loaxa.test.pg.url", "LOAXA_TEST_PG_URL", null);
		if (url != null) {
			String user = setting("loaxa.test.pg.user", "LOAXA_TEST_PG_USER", "loaxa");
			return new Server(url, user, setting("loaxa.test.pg.password", "LOAXA_TEST_PG_PASSWORD", "loaxa"),
					"the PostgreSQL server of LOAXA_TEST_PG_URL=" + url + " (role " + user + ")");
		}
		return startEmbedded();
	}

	private static String setting(String property, String env, String otherwise) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(env);
		}
		return value == null || value.isBlank() ? otherwise : value;
	}

	private static Server startEmbedded() {
		long started = System.nanoTime();
		EmbeddedPostgres pg;
		try {
			pg = EmbeddedPostgres.builder()
				// the order of text is code point order everywhere, as on Debian's C.UTF-8 clusters,
				// whatever the developer's own locale (the encoding is UTF-8 either way)
				.setLocaleConfig("lc-collate", "C")
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("the embedded PostgreSQL did not start (" + e
					+ "); or run the PostgreSQL tests on a server of your own: LOAXA_TEST_PG_URL="
					+ "jdbc:postgresql://localhost:5432/loaxa LOAXA_TEST_PG_USER=loaxa LOAXA_TEST_PG_PASSWORD=loaxa", e);
		}
		// stopped at the JVM's end by Spring Boot's shutdown hook, after it has closed every application
		// context (JVM hooks run all at once: stopped from a hook of its own, the server went while the
		// cached test contexts were closing, and their pools and Quartz threads retried until surefire
		// killed the fork 30 s later)
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				pg.close();
			}
			catch (IOException e) {
				// the JVM is going: nothing more to do
			}
		});
		String version;
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE ROLE loaxa LOGIN CREATEDB PASSWORD 'loaxa'");
			s.execute("CREATE DATABASE loaxa OWNER loaxa");
			try (ResultSet rs = s.executeQuery("SHOW server_version")) {
				rs.next();
				version = rs.getString(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("the embedded PostgreSQL started but cannot be set up: " + e.getMessage(), e);
		}
		String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/loaxa";
		String description = "the embedded PostgreSQL " + version + " on localhost:" + pg.getPort();
		System.out.printf("TestDatabase: %s started in %d ms%n", description,
				(System.nanoTime() - started) / 1_000_000);
		return new Server(url, "loaxa", "loaxa", description);
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
			throw new IllegalStateException("PostgreSQL tests cannot create a database on " + server().description()
					+ ", which needs a role with CREATEDB [" + e.getMessage() + "]", e);
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
