package vn.loaxa.broadcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.ClipLibrary;

/**
 * TEMPORARY stand-in for main's broadcast log (same public API), so playout compiles and runs
 * before the real hash-chained log lands: one JSON line per record in a file under the data dir.
 * Deleted on merge.
 */
@Service
public class BroadcastLog {

	private final List<BroadcastRecord> records = new ArrayList<>();
	private final ClipLibrary clips;
	private final ObjectMapper json;
	private final Path file;

	BroadcastLog(ClipLibrary clips, ObjectMapper json, LoaxaProperties properties) throws IOException {
		this.clips = clips;
		this.json = json;
		this.file = properties.dataDir().resolve("broadcast-stub.jsonl");
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					records.add(json.readValue(line, BroadcastRecord.class));
				}
			}
		}
	}

	public synchronized BroadcastRecord append(Airing airing) {
		String previous = records.isEmpty() ? "" : records.get(records.size() - 1).hash();
		BroadcastRecord record = new BroadcastRecord(records.size() + 1, airing, Instant.now(), previous,
				Integer.toHexString((previous + airing).hashCode()));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, json.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		records.add(record);
		if (airing.outcome() == Outcome.PLAYED && airing.clipId() != null) {
			clips.countAiring(airing.clipId());
		}
		return record;
	}

	public synchronized List<BroadcastRecord> between(Instant fromInclusive, Instant toExclusive, String zoneIdOrNull) {
		return records.stream().filter(r -> {
			Instant at = r.airing().scheduledStart();
			return !at.isBefore(fromInclusive) && at.isBefore(toExclusive)
					&& (zoneIdOrNull == null || zoneIdOrNull.equals(r.airing().zoneId()));
		}).toList();
	}
}
