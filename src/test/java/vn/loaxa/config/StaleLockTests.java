package vn.loaxa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock file of a database whose owner was killed (as by a power cut) is removed before H2 opens
 * the database; a lock whose owner still serves the database is kept. The owner is a real second
 * JVM that opens the database as LoaXa does (AUTO_SERVER) and is killed without closing it.
 */
class StaleLockTests {

	@TempDir
	Path dataDir;

	@Test
	void theLockOfAKilledOwnerIsRemovedAndTheDatabaseOpens() throws Exception {
		Path db = DatabaseLocation.database(dataDir);
		Path lock = db.resolveSibling("loaxa.lock.db");
		Process owner = new ProcessBuilder(javaBinary(), "-cp", h2Jar(), "org.h2.tools.Shell", "-url",
				DatabaseLocation.urlFor(dataDir), "-user", "loaxa", "-password", "")
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("owner.log").toFile())
			.start();
		try {
			awaitServerIn(lock);
			assertThat(StaleLock.removeIfStale(db)).as("the owner is alive").isFalse();
			assertThat(lock).exists();
		}
		finally {
			owner.destroyForcibly().waitFor();
		}
		assertThat(lock).as("a killed owner leaves its lock").exists();

		assertThat(StaleLock.removeIfStale(db)).isTrue();
		assertThat(lock).doesNotExist();
		try (Connection c = DriverManager.getConnection(DatabaseLocation.urlFor(dataDir), "loaxa", "");
				ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
			assertThat(rs.next()).isTrue();
			assertThat(lock).as("H2 locks it anew").exists();
		}
	}

	@Test
	void aLockWithoutAnOwnerAddressIsLeftToH2() throws Exception {
		Path db = DatabaseLocation.database(dataDir);
		Files.createDirectories(db.getParent());
		Path lock = db.resolveSibling("loaxa.lock.db");
		// what H2 writes before its server is up: the owner may still be opening the database
		Files.writeString(lock, "#FileLock\nid=18f0c3a1b2\nmethod=FILE\n", StandardCharsets.ISO_8859_1);
		assertThat(StaleLock.removeIfStale(db)).isFalse();
		Files.writeString(lock, "not a properties file \\u12", StandardCharsets.ISO_8859_1);
		assertThat(StaleLock.removeIfStale(db)).isFalse();
		assertThat(lock).exists();
		Files.delete(lock);
		assertThat(StaleLock.removeIfStale(db)).as("no lock at all").isFalse();
	}

	private static void awaitServerIn(Path lock) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!(Files.exists(lock) && Files.readString(lock, StandardCharsets.ISO_8859_1).contains("server="))) {
			assertThat(Instant.now()).as("the owner JVM opened the database").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String h2Jar() throws Exception {
		return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}
}
