package vn.loaxa.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.loaxa.broadcast.BroadcastLog;

/**
 * One application context for the report tests, on its own temporary data directory, with the
 * fixture log loaded once.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ReportTestSupport {

	static final Path DATA_DIR;
	static final String ADMIN_PASSWORD = "test-admin-pw";
	private static boolean loaded;

	static {
		try {
			DATA_DIR = Files.createTempDirectory("loaxa-report-tests");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> ADMIN_PASSWORD);
	}

	@Autowired
	BroadcastLog log;

	@BeforeEach
	void loadFixtureOnce() {
		synchronized (ReportTestSupport.class) {
			if (!loaded) {
				ReportFixture.load(log);
				loaded = true;
			}
		}
	}
}
