package vn.loaxa.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database part of a backup, online: H2's {@code BACKUP TO} ({@code loaxa-db.zip}, consistent
 * while LoaXa keeps running) or, on PostgreSQL, {@code pg_dump --format=custom}
 * ({@code loaxa-db.dump}, a consistent snapshot too; restored with {@code pg_restore}, README "PostgreSQL").
 */
@Component
public class DatabaseCopy {

	/** The database's file in a backup folder: H2's BACKUP TO zip, or pg_dump's custom-format dump. */
	public static final String DATABASE = "loaxa-db.zip";
	public static final String PG_DUMP = "loaxa-db.dump";

	private static final java.time.Duration PG_DUMP_TIMEOUT = java.time.Duration.ofMinutes(30);
	private static final Logger log = LoggerFactory.getLogger(DatabaseCopy.class);

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final DataSourceProperties dataSourceProperties;
	private final String pgDump;

	DatabaseCopy(JdbcTemplate jdbc, DataSource dataSource, DataSourceProperties dataSourceProperties,
			@Value("${loaxa.backup.pg-dump:pg_dump}") String pgDump) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.dataSourceProperties = dataSourceProperties;
		this.pgDump = pgDump;
	}

	/** Writes the database into {@code folder} and answers the file. */
	public Path write(Path folder) throws IOException {
		String product = databaseProduct();
		Files.createDirectories(folder);
		if (product.contains("h2")) {
			Path database = folder.resolve(DatabaseCopy.DATABASE);
			jdbc.execute("BACKUP TO '" + database.toAbsolutePath().toString().replace("'", "''") + "'");
			return database;
		}
		if (product.contains("postgresql")) {
			Path executable = pgDumpExecutable();
			Path database = folder.resolve(DatabaseCopy.PG_DUMP);
			dumpPostgres(executable, database);
			log.info("backup: PostgreSQL database dumped with {} (custom format) to {}; restore it with pg_restore "
					+ "(README, PostgreSQL)", executable, database);
			return database;
		}
		throw new IllegalStateException("no online backup for database " + product);
	}

	private String databaseProduct() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("cannot reach the database for a backup: " + e.getMessage(), e);
		}
	}

	/**
	 * {@code loaxa.backup.pg-dump}: a path, or a name looked up on PATH (default {@code pg_dump}, from
	 * Debian's postgresql-client; on Windows the PostgreSQL installer's {@code bin} folder).
	 */
	private Path pgDumpExecutable() {
		Path configured = Path.of(pgDump);
		if (configured.getNameCount() > 1 || configured.isAbsolute()) {
			if (Files.isExecutable(configured)) {
				return configured;
			}
			throw new IllegalStateException("loaxa.backup.pg-dump = " + pgDump + " is not an executable file");
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				for (String name : List.of(pgDump, pgDump + ".exe")) {
					Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
					if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
						return candidate;
					}
				}
			}
		}
		throw new IllegalStateException("PostgreSQL backup needs pg_dump, which is not on PATH: install the "
				+ "PostgreSQL client tools (Debian: postgresql-client) or set loaxa.backup.pg-dump");
	}

	/** {@code pg_dump --format=custom} of the database LoaXa is connected to; the password goes by environment. */
	private void dumpPostgres(Path executable, Path target) throws IOException {
		PgTarget db = PgTarget.of(dataSourceProperties.determineUrl());
		List<String> command = new java.util.ArrayList<>(List.of(executable.toString(), "--format=custom",
				"--no-owner", "--file=" + target.toAbsolutePath(), "--host=" + db.host(), "--port=" + db.port()));
		String user = dataSourceProperties.determineUsername();
		if (user != null && !user.isBlank()) {
			command.add("--username=" + user);
		}
		command.add("--no-password");
		command.add(db.database());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		String password = dataSourceProperties.determinePassword();
		if (password != null && !password.isEmpty()) {
			builder.environment().put("PGPASSWORD", password);
		}
		Process process = builder.start();
		String output;
		try (var in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		try {
			if (!process.waitFor(PG_DUMP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("pg_dump did not finish within " + PG_DUMP_TIMEOUT.toMinutes() + " min");
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while pg_dump ran", e);
		}
		if (process.exitValue() != 0) {
			Files.deleteIfExists(target);
			throw new IllegalStateException("pg_dump failed (exit " + process.exitValue() + "): " + output);
		}
	}

	/** Host, port and database of a {@code jdbc:postgresql://host[:port]/database[?…]} URL. */
	record PgTarget(String host, int port, String database) {

		static PgTarget of(String jdbcUrl) {
			if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
				throw new IllegalStateException("not a PostgreSQL JDBC URL: " + jdbcUrl);
			}
			String rest = jdbcUrl.substring("jdbc:postgresql:".length());
			if (!rest.startsWith("//")) {
				return new PgTarget("localhost", 5432, rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest);
			}
			java.net.URI uri = java.net.URI.create("postgresql:" + rest);
			String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
			return new PgTarget(uri.getHost() == null ? "localhost" : uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
					database);
		}
	}
}
