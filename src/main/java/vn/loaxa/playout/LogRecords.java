package vn.loaxa.playout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The last resort of a batch that neither the journal nor the fallback journal took: one line of
 * the service log, {@value #PREFIX} and the batch's JSON, which the next start reads back from the
 * file log ({@code logging.file.name} and its rotated, gzipped files). Only the files written since
 * the last complete read-back are read ({@code journal/log-read-back}, the time it began).
 */
final class LogRecords {

	static final String PREFIX = "LOAXA-RECORD-NOT-JOURNALLED ";
	private static final Logger log = LoggerFactory.getLogger(LogRecords.class);
	/** Rotation keeps a file's time, compression makes it anew: a margin for clocks and copies. */
	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final Path logFile;
	private final Path readBack;
	private final ObjectMapper json;

	LogRecords(Path logFile, Path readBack, ObjectMapper json) {
		this.logFile = logFile;
		this.readBack = readBack;
		this.json = json;
	}

	void write(AiringBatch batch) throws IOException {
		log.error(PREFIX + json.writeValueAsString(batch));
	}

	/** The batches the log files since the last complete read-back hold, oldest file first. */
	List<AiringBatch> read() {
		List<AiringBatch> batches = new ArrayList<>();
		if (logFile == null || !Files.isDirectory(logFile.toAbsolutePath().getParent())) {
			return batches;
		}
		Instant since = lastReadBack().minus(MARGIN);
		String name = logFile.getFileName().toString();
		try (var files = Files.list(logFile.toAbsolutePath().getParent())) {
			List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith(name))
				.filter(f -> modified(f).isAfter(since))
				.sorted(java.util.Comparator.comparing(LogRecords::modified))
				.toList();
			for (Path f : logs) {
				read(f, batches);
			}
		}
		catch (IOException e) {
			log.error("the log files beside {} could not be read for records not journalled: {}", logFile, e.toString());
		}
		return batches;
	}

	/** Every batch read back is in a journal or in the log: the next start reads only newer files. */
	void readBackDone(Instant began) {
		try {
			Files.createDirectories(readBack.getParent());
			Files.writeString(readBack, began.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			log.warn("{} not written ({}): the next start reads all the log files again", readBack, e.toString());
		}
	}

	private void read(Path file, List<AiringBatch> batches) {
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				int at = line.indexOf(PREFIX);
				if (at < 0) {
					continue;
				}
				try {
					batches.add(json.readValue(line.substring(at + PREFIX.length()), AiringBatch.class));
				}
				catch (IOException e) {
					// without the prefix: this line must not be read back as a record at the next start
					log.error("log {}: a record line not journalled is unreadable ({}); it stays in the log: {}", file,
							e.getMessage(), line.substring(at + PREFIX.length()));
				}
			}
		}
		catch (IOException e) {
			log.error("log {} could not be read for records not journalled: {}", file, e.toString());
		}
	}

	private Instant lastReadBack() {
		try {
			return Instant.parse(Files.readString(readBack, StandardCharsets.UTF_8).strip());
		}
		catch (IOException | RuntimeException e) {
			return Instant.EPOCH;
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException e) {
			return Instant.now();
		}
	}
}
