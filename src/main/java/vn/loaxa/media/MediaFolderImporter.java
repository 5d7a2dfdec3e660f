package vn.loaxa.media;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.config.UserError;
import vn.loaxa.media.internal.MediaFolderScan;

/**
 * Imports audio files dropped into {@code loaxa.media-dir}, at start and on "Quét lại".
 * An optional {@code clips.yaml} beside them gives kind, topic, validity and approval per file;
 * files it marks {@code tune: true} are signature tunes for slots, not clips for the queue.
 */
@Component
@Order(10)
class MediaFolderImporter implements ApplicationRunner {

	static final String MANIFEST = "clips.yaml";
	static final String SYSTEM_USER = "he-thong";
	private static final Set<String> AUDIO = Set.of("mp3", "wav", "ogg", "oga", "m4a", "mp4", "aac", "flac", "wma",
			"opus");
	private static final Logger log = LoggerFactory.getLogger(MediaFolderImporter.class);

	private final ClipLibrary library;
	private final LoaxaProperties properties;
	private final MediaProperties media;

	MediaFolderImporter(ClipLibrary library, LoaxaProperties properties, MediaProperties media) {
		this.library = library;
		this.properties = properties;
		this.media = media;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (media.importOnStart()) {
			MediaFolderScan scan = scan();
			log.info("media folder {}: {} imported, {} already in the library, {} refused",
					properties.mediaDir().toAbsolutePath(), scan.imported().size(), scan.known().size(),
					scan.refused().size());
		}
	}

	synchronized MediaFolderScan scan() {
		Path dir = properties.mediaDir();
		List<String> imported = new ArrayList<>();
		List<String> known = new ArrayList<>();
		List<MediaFolderScan.Refusal> refused = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return new MediaFolderScan(imported, known, refused);
		}
		Map<String, Map<String, Object>> manifest = readManifest(dir.resolve(MANIFEST));
		for (Path file : audioFiles(dir)) {
			String name = file.getFileName().toString();
			Map<String, Object> entry = manifest.getOrDefault(name, Map.of());
			if (Boolean.TRUE.equals(entry.get("tune"))) {
				continue;
			}
			try {
				ImportOutcome outcome = library.importFile(file, draftOf(entry), SYSTEM_USER);
				if (outcome.duplicate()) {
					known.add(name);
					continue;
				}
				imported.add(name);
				if (Boolean.TRUE.equals(entry.get("approved"))) {
					library.approve(outcome.clip().getId(), SYSTEM_USER);
				}
			}
			catch (UserError e) {
				log.warn("media folder: {} refused: {}", name, e.code());
				refused.add(new MediaFolderScan.Refusal(name, e));
			}
			catch (RuntimeException e) {
				log.warn("media folder: {} could not be imported", name, e);
				refused.add(new MediaFolderScan.Refusal(name,
						new UserError(500, "import_failed", "import.error.import_failed", e.getMessage())));
			}
		}
		return new MediaFolderScan(imported, known, refused);
	}

	private static List<Path> audioFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).filter(MediaFolderImporter::isAudio).sorted().toList();
		}
		catch (IOException e) {
			log.warn("cannot list media folder {}: {}", dir, e.toString());
			return List.of();
		}
	}

	private static boolean isAudio(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 && AUDIO.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> readManifest(Path file) {
		if (!Files.isRegularFile(file)) {
			return Map.of();
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			return loaded instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
		}
		catch (IOException | RuntimeException e) {
			log.warn("ignoring {}: {}", file, e.getMessage());
			return Map.of();
		}
	}

	private static ClipDraft draftOf(Map<String, Object> entry) {
		return new ClipDraft(string(entry.get("title")), enumOf(ClipKind.class, entry.get("kind")),
				enumOf(Topic.class, entry.get("topic")), enumOf(Priority.class, entry.get("priority")),
				date(entry.get("validFrom")), date(entry.get("validUntil")), string(entry.get("notes")));
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			log.warn("{}: unknown {} '{}', using the default", MANIFEST, type.getSimpleName(), value);
			return null;
		}
	}

	private static LocalDate date(Object value) {
		if (value instanceof java.util.Date date) {
			return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		}
		return value == null ? null : LocalDate.parse(value.toString());
	}
}
