package vn.loaxa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data dir per test class under {@code target/test-data}. Not a JUnit {@code @TempDir}:
 * Spring keeps test contexts (and their open H2 files) alive after the class, so the dir must
 * outlive it; {@code mvn clean} removes it.
 */
public final class TestDirs {

	private TestDirs() {
	}

	public static Path fresh(Class<?> testClass) {
		try {
			return Files.createDirectories(Path.of("target", "test-data",
					testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Registers a data dir with empty media and schedule folders, and a known admin password. */
	public static void register(DynamicPropertyRegistry registry, Path dataDir) {
		registry.add("loaxa.data-dir", dataDir::toString);
		registry.add("loaxa.media-dir", () -> dataDir.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> dataDir.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
	}
}
