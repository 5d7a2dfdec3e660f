package vn.loaxa.broadcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.loaxa.config.AirCheckProperties;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.FileSha256;
import vn.loaxa.security.AuditTrail;

/**
 * Deletes the air-check files older than {@code loaxa.aircheck.keep} (90 days): a file is as old as the
 * day folder it was written in ({@code aircheck/yyyy/MM/dd/}, the commune's date it began). Each
 * deletion is booked in {@code broadcast_aircheck_deleted} and gets an audit entry with the file's
 * SHA-256; the records are never touched and still carry that hash. Runs 5 minutes after start and
 * every 24 hours (a radio PC switched off at night still prunes).
 */
@Component
@ConditionalOnWebApplication
public class AirCheckRetention {

	private static final Logger log = LoggerFactory.getLogger(AirCheckRetention.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");
	static final String ACTION = "aircheck.deleted";

	private final AirCheckArchive archive;
	private final AirCheckProperties properties;
	private final LoaxaClock clock;
	private final AuditTrail audit;

	AirCheckRetention(AirCheckArchive archive, AirCheckProperties properties, LoaxaClock clock, AuditTrail audit) {
		this.archive = archive;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
	}

	@Scheduled(initialDelayString = "${loaxa.aircheck.prune-delay:5m}", fixedDelayString = "${loaxa.aircheck.prune-interval:24h}")
	void scheduled() {
		try {
			prune();
		}
		catch (IOException | RuntimeException e) {
			log.warn("air-checks past loaxa.aircheck.keep not deleted, tried again later: {}", e.toString());
		}
	}

	/** Deletes every air-check file of a day before the kept ones; how many it deleted. */
	public int prune() throws IOException {
		Path root = archive.root();
		if (!Files.isDirectory(root)) {
			return 0;
		}
		LocalDate oldestKept = clock.today().minusDays(properties.keep().toDays());
		int deleted = 0;
		for (Path day : dayFolders(root)) {
			LocalDate date = dateOf(root, day);
			if (date != null && date.isBefore(oldestKept)) {
				deleted += deleteDay(day);
			}
		}
		if (deleted > 0) {
			log.info("air-checks: {} file(s) older than {} days deleted (loaxa.aircheck.keep)", deleted,
					properties.keep().toDays());
		}
		return deleted;
	}

	private static List<Path> dayFolders(Path root) throws IOException {
		try (Stream<Path> all = Files.find(root, 3, (p, a) -> a.isDirectory() && root.relativize(p).getNameCount() == 3)) {
			return all.sorted().toList();
		}
	}

	private static LocalDate dateOf(Path root, Path day) {
		try {
			return LocalDate.parse(root.relativize(day).toString().replace('\\', '/'), DAY);
		}
		catch (DateTimeParseException e) {
			return null; // not a folder of ours: left alone
		}
	}

	private int deleteDay(Path day) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(day)) {
			files = list.filter(Files::isRegularFile).sorted().toList();
		}
		int deleted = 0;
		for (Path file : files) {
			String name = archive.dataDir().relativize(file).toString().replace('\\', '/');
			String sha256 = FileSha256.of(file);
			long bytes = Files.size(file);
			// booked first: a file still there is served whatever the book says, one gone unbooked would be "altered"
			archive.deleted(name, sha256, bytes, clock.now().toInstant());
			Files.delete(file);
			audit.record("he-thong", ACTION, name, "sha256 " + sha256 + ", " + bytes + " bytes",
					"deleted after " + properties.keep().toDays() + " days (loaxa.aircheck.keep); its records are kept");
			deleted++;
		}
		deleteIfEmpty(day);
		deleteIfEmpty(day.getParent());
		deleteIfEmpty(day.getParent().getParent());
		return deleted;
	}

	private static void deleteIfEmpty(Path folder) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			if (list.findAny().isEmpty()) {
				Files.delete(folder);
			}
		}
	}
}
