package vn.loaxa.playout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaProperties;

/**
 * The write-ahead journal of broadcast records ({@code <data-dir>/journal/airings.jsonl}): every
 * batch is appended and forced to disk before the database sees it, and stays pending until its
 * transaction commits. A database that is locked, busy or full therefore delays records, never
 * loses them; after a crash the pending batches are read back and applied in order. Once nothing
 * is pending the file is emptied.
 */
@Component
class RecordJournal {

	private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

	private final Path file;
	private final ObjectMapper json;
	private final List<AiringBatch> pending = new ArrayList<>();

	RecordJournal(LoaxaProperties properties, ObjectMapper json) {
		this.file = properties.dataDir().resolve("journal").resolve("airings.jsonl");
		this.json = json;
	}

	/** Reads back what a previous run left pending; a torn last line (cut mid-write) is skipped. */
	synchronized int load() {
		pending.clear();
		if (!Files.isRegularFile(file)) {
			return 0;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.isBlank()) {
					continue;
				}
				try {
					pending.add(json.readValue(line, AiringBatch.class));
				}
				catch (IOException e) {
					log.error("journal {}: unreadable entry skipped ({}): {}", file, e.getMessage(), line);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the record journal " + file, e);
		}
		return pending.size();
	}

	/** Appends durably (fsync) and keeps the batch pending. */
	synchronized void append(AiringBatch batch) throws IOException {
		Files.createDirectories(file.getParent());
		byte[] line = (json.writeValueAsString(batch) + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			ByteBuffer buffer = ByteBuffer.wrap(line);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		pending.add(batch);
	}

	/** Keeps a batch pending in memory only: the disk refused it, so it lives as long as this process. */
	synchronized void keepInMemory(AiringBatch batch) {
		pending.add(batch);
	}

	synchronized List<AiringBatch> pending() {
		return List.copyOf(pending);
	}

	synchronized int size() {
		return pending.size();
	}

	/** The batch is in the database: no longer pending; the file is emptied once nothing is. */
	synchronized void applied(AiringBatch batch) {
		pending.removeIf(b -> b.id().equals(batch.id()));
		if (pending.isEmpty()) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				// harmless: the applied ids make a replay of these entries a no-op
				log.warn("journal {} could not be emptied: {}", file, e.getMessage());
			}
		}
	}

	Path file() {
		return file;
	}
}
