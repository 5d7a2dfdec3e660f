package vn.loaxa.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file H2 leaves when LoaXa ends without closing the database: a power cut, a killed
 * process. H2 (with AUTO_SERVER) keeps {@code db/loaxa.lock.db} while the database is open, naming
 * the address where its owner serves the database to other processes. Finding the file at start,
 * H2 cannot tell a dead owner from a live one and waits two seconds, more while the file is recent,
 * before taking it over. Here the address is asked first: when nothing answers there, no process
 * owns the file and it is removed, so H2 makes its own at once. When something answers (another
 * LoaXa, a command-line tool, or anything else on that port) the file is left to H2's own protocol.
 */
final class StaleLock {

	private static final Logger LOG = LoggerFactory.getLogger(StaleLock.class);
	private static final int ANSWER_WITHIN_MS = 300;

	private StaleLock() {
	}

	/** Removes the lock file of database {@code db} (its path without ".mv.db") if its owner is gone; true if removed. */
	static boolean removeIfStale(Path db) {
		Path lock = db.resolveSibling(db.getFileName() + ".lock.db");
		String server = serverOf(lock);
		if (server == null || answers(server)) {
			return false;
		}
		try {
			boolean removed = Files.deleteIfExists(lock);
			if (removed) {
				LOG.info("removed {}: the process that held the database (at {}) ended without closing it", lock, server);
			}
			return removed;
		}
		catch (IOException e) {
			LOG.warn("could not remove the stale lock {}: {}; H2 will take it over after its wait", lock, e.toString());
			return false;
		}
	}

	/** The owner's address ("host:port") the lock file names; null when there is none or the file cannot be read. */
	private static String serverOf(Path lock) {
		if (!Files.isRegularFile(lock)) {
			return null;
		}
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(lock)) {
			properties.load(in);
		}
		catch (IOException | IllegalArgumentException e) {
			return null;
		}
		String server = properties.getProperty("server");
		return server != null && server.lastIndexOf(':') > 0 ? server : null;
	}

	private static boolean answers(String server) {
		int colon = server.lastIndexOf(':');
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))),
					ANSWER_WITHIN_MS);
			return true;
		}
		catch (IOException | NumberFormatException e) {
			return false;
		}
	}
}
