package vn.loaxa.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * Daily online backup into {@code <data-dir>/backup/<yyyyMMdd-HHmmss>/}: {@code loaxa-db.zip}
 * (H2's {@code BACKUP TO}, consistent while LoaXa keeps running) or, on PostgreSQL,
 * {@code loaxa-db.dump} ({@code pg_dump --format=custom}, a consistent snapshot too; restored with
 * {@code pg_restore}, README "PostgreSQL"), and {@code clips-manifest.tsv}
 * (every stored clip file with its size), keeping the newest {@code loaxa.backup.keep}. Clip files
 * are named by their SHA-256 and never change, so the manifest is enough to check a copy of them.
 */
@Service
public class BackupService {

	static final String DATABASE = "loaxa-db.zip";
	static final String PG_DUMP = "loaxa-db.dump";
	private static final java.time.Duration PG_DUMP_TIMEOUT = java.time.Duration.ofMinutes(30);
	static final String MANIFEST = "clips-manifest.tsv";
	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
	private static final Logger log = LoggerFactory.getLogger(BackupService.class);

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final LoaxaProperties properties;
	private final BackupProperties backup;
	private final LoaxaClock clock;
	private final DataSourceProperties dataSourceProperties;
	private final String pgDump;

	BackupService(JdbcTemplate jdbc, DataSource dataSource, LoaxaProperties properties, BackupProperties backup,
			LoaxaClock clock, DataSourceProperties dataSourceProperties,
			@Value("${loaxa.backup.pg-dump:pg_dump}") String pgDump) {
		this.dataSourceProperties = dataSourceProperties;
		this.pgDump = pgDump;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.properties = properties;
		this.backup = backup;
		this.clock = clock;
	}

	@Scheduled(cron = "${loaxa.backup.cron:0 30 2 * * *}", zone = "${loaxa.time-zone:Asia/Ho_Chi_Minh}")
	void daily() {
		if (!backup.enabled()) {
			return;
		}
		try {
			Backup done = backupNow();
			log.info("backup written to {} ({} clip files, {} ms)", done.folder(), done.clipFiles(), done.millis());
		}
		catch (RuntimeException e) {
			log.error("daily backup failed", e);
		}
	}

	public synchronized Backup backupNow() {
		long started = System.nanoTime();
		Path folder = root().resolve(FOLDER.format(clock.now()));
		try {
			String product = databaseProduct();
			Path database;
			if (product.contains("h2")) {
				Files.createDirectories(folder);
				database = folder.resolve(DATABASE);
				jdbc.execute("BACKUP TO '" + database.toAbsolutePath().toString().replace("'", "''") + "'");
			}
			else if (product.contains("postgresql")) {
				Path executable = pgDumpExecutable();
				Files.createDirectories(folder);
				database = folder.resolve(PG_DUMP);
				dumpPostgres(executable, database);
				log.info("backup: PostgreSQL database dumped with {} (custom format) to {}; restore it with pg_restore "
						+ "(README, PostgreSQL)", executable, database);
			}
			else {
				throw new IllegalStateException("no online backup for database " + product);
			}
			int files = writeManifest(folder.resolve(MANIFEST));
			prune();
			return new Backup(folder, database, folder.resolve(MANIFEST), files, (System.nanoTime() - started) / 1_000_000,
					clock.now().toInstant());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<Path> backups() {
		if (!Files.isDirectory(root())) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(root())) {
			return folders.filter(p -> Files.isRegularFile(p.resolve(DATABASE)) || Files.isRegularFile(p.resolve(PG_DUMP)))
				.sorted(Comparator.reverseOrder())
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private int writeManifest(Path manifest) throws IOException {
		Path clips = properties.clipStoreDir();
		int count = 0;
		try (BufferedWriter out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
			out.write("# file\tbytes\n");
			if (Files.isDirectory(clips)) {
				try (Stream<Path> files = Files.walk(clips)) {
					for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
						out.write(clips.relativize(file).toString().replace('\\', '/') + "\t" + Files.size(file) + "\n");
						count++;
					}
				}
			}
		}
		return count;
	}

	private void prune() throws IOException {
		List<Path> all = backups();
		for (Path old : all.subList(Math.min(backup.keep(), all.size()), all.size())) {
			FileSystemUtils.deleteRecursively(old);
		}
	}

	private Path root() {
		return properties.dataDir().resolve("backup");
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
