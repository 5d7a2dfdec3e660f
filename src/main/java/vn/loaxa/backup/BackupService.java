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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * Daily online backup into {@code <data-dir>/backup/<yyyyMMdd-HHmmss>/}: {@code loaxa-db.zip}
 * (H2's {@code BACKUP TO}, consistent while LoaXa keeps running) and {@code clips-manifest.tsv}
 * (every stored clip file with its size), keeping the newest {@code loaxa.backup.keep}. Clip files
 * are named by their SHA-256 and never change, so the manifest is enough to check a copy of them.
 */
@Service
public class BackupService {

	static final String DATABASE = "loaxa-db.zip";
	static final String MANIFEST = "clips-manifest.tsv";
	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
	private static final Logger log = LoggerFactory.getLogger(BackupService.class);

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final LoaxaProperties properties;
	private final BackupProperties backup;
	private final LoaxaClock clock;

	BackupService(JdbcTemplate jdbc, DataSource dataSource, LoaxaProperties properties, BackupProperties backup,
			LoaxaClock clock) {
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
			Files.createDirectories(folder);
			Path database = folder.resolve(DATABASE);
			if (!isH2()) {
				throw new IllegalStateException("online backup from LoaXa covers H2; on PostgreSQL use pg_dump (README)");
			}
			jdbc.execute("BACKUP TO '" + database.toAbsolutePath().toString().replace("'", "''") + "'");
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
			return folders.filter(p -> Files.isRegularFile(p.resolve(DATABASE))).sorted(Comparator.reverseOrder()).toList();
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

	private boolean isH2() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
		}
		catch (java.sql.SQLException e) {
			return false;
		}
	}
}
