package vn.loaxa.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before the media folder is imported: deletes the clip files no clip row names, each
 * one logged. An import moves its files in before it commits its row (ClipImporter), so a crash
 * between the two leaves such orphans; deleting one is safe, since nothing refers to it. Signature
 * tunes ({@code .tune.pcm.wav}, a cache with no row) and files not named like clip files are left.
 * A file that arrived less than {@link #MIN_AGE} ago is left too: another process on the same store
 * (the {@code import} command, a standby PC) may be committing its row right now.
 */
@Component
@Order(0)
class OrphanSweep implements ApplicationRunner {

	static final Duration MIN_AGE = Duration.ofMinutes(10);
	private static final Pattern CLIP_FILE = Pattern.compile("([0-9a-f]{64})\\.(?!tune\\.)[a-z0-9]+(\\.wav)?");
	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	private final ClipStore store;
	private final ClipRepository clips;
	private final ClipImporter importer;

	OrphanSweep(ClipStore store, ClipRepository clips, ClipImporter importer) {
		this.store = store;
		this.clips = clips;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		importer.betweenImports(() -> {
			List<Path> swept = sweep(Instant.now().minus(MIN_AGE));
			if (!swept.isEmpty()) {
				log.warn("clip store: {} orphan files (no clip row names them) deleted", swept.size());
			}
		});
	}

	/** Deletes the orphans that arrived before {@code arrivedBefore}; answers what it deleted. */
	List<Path> sweep(Instant arrivedBefore) {
		Set<String> known = clips.findAll().stream().map(Clip::getSha256).collect(Collectors.toSet());
		List<Path> swept = new ArrayList<>();
		try (Stream<Path> files = Files.walk(store.root(), 2)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher name = CLIP_FILE.matcher(file.getFileName().toString());
				if (name.matches() && !known.contains(name.group(1)) && arrivedBefore(file, arrivedBefore)) {
					Files.deleteIfExists(file);
					log.warn("clip store: deleted orphan {} (no clip row names it; an import cut by a crash)",
							store.relative(file));
					swept.add(file);
				}
			}
		}
		catch (IOException e) {
			log.warn("clip store: orphan sweep stopped: {}", e.toString());
		}
		return swept;
	}

	private static boolean arrivedBefore(Path file, Instant limit) throws IOException {
		return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
	}
}
