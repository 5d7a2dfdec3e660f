package vn.loaxa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh directories under {@code target/test-data}, one per Spring test context. Unlike a JUnit
 * {@code @TempDir}, they outlive the test class, as a cached context that still points at them does.
 */
public final class TestDirs {

	private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

	private TestDirs() {
	}

	public static Path create(String name) {
		try {
			Files.createDirectories(ROOT);
			return Files.createDirectories(ROOT.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Regular files under {@code dir}, as paths relative to it, sorted. */
	public static List<String> files(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			List<String> files = new ArrayList<>();
			walk.filter(Files::isRegularFile).sorted().forEach(p -> files.add(dir.relativize(p).toString()));
			return files;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
