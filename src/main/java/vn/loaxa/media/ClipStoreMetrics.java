package vn.loaxa.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaProperties;

/**
 * {@code loaxa_clip_store_bytes} and {@code loaxa_clip_store_files}: what the clip store under
 * {@code <data-dir>/clips} holds (originals and canonical WAVs). It only grows, so the dashboard and
 * a scraper watch it; the folder is walked at most once a minute, whatever the scrape rate.
 */
@Component
class ClipStoreMetrics {

	private static final long REFRESH_NANOS = 60_000_000_000L;

	private final Path root;
	private volatile long bytes;
	private volatile long files;
	private volatile long measuredAt;
	private volatile boolean measured;

	ClipStoreMetrics(LoaxaProperties properties, MeterRegistry registry) {
		this.root = properties.clipStoreDir();
		Gauge.builder("loaxa.clip.store", this, m -> m.refresh().bytes)
			.description("bytes of the clip store (originals and canonical WAVs)")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("loaxa.clip.store.files", this, m -> m.refresh().files)
			.description("files in the clip store")
			.register(registry);
	}

	private synchronized ClipStoreMetrics refresh() {
		if (measured && System.nanoTime() - measuredAt < REFRESH_NANOS) {
			return this;
		}
		long b = 0;
		long n = 0;
		if (Files.isDirectory(root)) {
			try (Stream<Path> walk = Files.walk(root)) {
				for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
					try {
						b += Files.size(p);
						n++;
					}
					catch (IOException e) {
						// vanished while walking
					}
				}
			}
			catch (IOException | UncheckedIOException e) {
				return this;
			}
		}
		bytes = b;
		files = n;
		measuredAt = System.nanoTime();
		measured = true;
		return this;
	}
}
