package vn.loaxa.playout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One file of record batches, a JSON line each, appended and forced to disk. A line that cannot be
 * read back is never dropped: it goes, with when and why, to {@code <name>.quarantine} beside the
 * file (appended, fsynced) before the file may be emptied; if even that fails the file is kept.
 */
final class JournalFile {

	private static final Logger log = LoggerFactory.getLogger(JournalFile.class);
	static final String QUARANTINE = ".quarantine";

	private final Path file;
	private final ObjectMapper json;
	/** Unreadable lines that could not be quarantined: the file must stay as it is. */
	private boolean keep;

	JournalFile(Path file, ObjectMapper json) {
		this.file = file;
		this.json = json;
	}

	/** The file could not be read: it stays as it is, whatever is applied. */
	void keep() {
		keep = true;
	}

	Path file() {
		return file;
	}

	Path quarantine() {
		return file.resolveSibling(file.getFileName() + QUARANTINE);
	}

	void append(AiringBatch batch) throws IOException {
		Files.createDirectories(file.getParent());
		appendLine(file, json.writeValueAsString(batch));
	}

	/** The batches in the file, oldest first; every unreadable line quarantined (a torn last line too). */
	List<AiringBatch> read(Instant now) throws IOException {
		List<AiringBatch> batches = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			return batches;
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		java.util.Set<String> known = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			try {
				batches.add(json.readValue(line, AiringBatch.class));
			}
			catch (IOException e) {
				known = known == null ? quarantinedLines() : known;
				if (known.add(line)) {
					quarantine(line, i + 1, e.getMessage(), now);
				}
			}
		}
		return batches;
	}

	/** Empties the file once nothing in it is pending (unless a line could not be quarantined). */
	void empty() {
		if (keep) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// harmless: the applied ids make a replay of these entries a no-op
			log.warn("journal {} could not be emptied: {}", file, e.getMessage());
		}
	}

	/** How many lines the quarantine beside this file holds (0 when there is none). */
	long quarantined() {
		try (var lines = Files.lines(quarantine(), StandardCharsets.UTF_8)) {
			return lines.filter(l -> !l.isBlank()).count();
		}
		catch (IOException | java.io.UncheckedIOException e) {
			return Files.exists(quarantine()) ? 1 : 0;
		}
	}

	/** The lines quarantined already: a journal kept across starts (records still pending) is read again. */
	private java.util.Set<String> quarantinedLines() {
		java.util.Set<String> known = new java.util.HashSet<>();
		if (!Files.isRegularFile(quarantine())) {
			return known;
		}
		try {
			for (String entry : Files.readAllLines(quarantine(), StandardCharsets.UTF_8)) {
				try {
					known.add(json.readTree(entry).path("line").asText());
				}
				catch (IOException e) {
					// a damaged quarantine entry: the line is quarantined again rather than lost
				}
			}
		}
		catch (IOException e) {
			log.warn("quarantine {} unreadable ({}): its lines may be quarantined twice", quarantine(), e.toString());
		}
		return known;
	}

	private void quarantine(String line, int number, String why, Instant now) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("at", now.toString());
		entry.put("from", file.toString() + ":" + number);
		entry.put("why", why == null ? "unreadable" : why.lines().findFirst().orElse("unreadable"));
		entry.put("line", line);
		try {
			appendLine(quarantine(), json.writeValueAsString(entry));
			log.error("QUARANTINED an unreadable line {} of the record journal {} into {} ({}): {}", number, file,
					quarantine(), entry.get("why"), line);
		}
		catch (IOException e) {
			keep = true;
			log.error("an unreadable line {} of the record journal {} could not be quarantined ({}); the journal is "
					+ "kept as it is: {}", number, file, e.toString(), line);
		}
	}

	private static void appendLine(Path target, String text) throws IOException {
		byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			ByteBuffer buffer = ByteBuffer.wrap(line);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}
}
