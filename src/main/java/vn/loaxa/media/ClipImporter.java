package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.internal.ClipDetails;
import vn.loaxa.media.internal.ClipHistoryEntry;
import vn.loaxa.media.internal.ClipHistoryRepository;
import vn.loaxa.media.internal.ImportRefused;

/**
 * The import pipeline: receive and hash, refuse duplicates, probe, decode in full, measure and
 * normalise loudness, read tags, then store files and row together. Every refusal leaves nothing
 * behind: work files live in {@code <data-dir>/tmp} until the row is committed.
 */
@Component
class ClipImporter {

	private static final Logger log = LoggerFactory.getLogger(ClipImporter.class);

	private final ClipStore store;
	private final AudioDecoder decoder;
	private final TagReader tags;
	private final ClipRepository clips;
	private final ClipHistoryRepository history;
	private final TransactionTemplate tx;
	private final MediaProperties properties;
	private final LoaxaClock clock;
	private final Object storeLock = new Object();

	ClipImporter(ClipStore store, AudioDecoder decoder, TagReader tags, ClipRepository clips,
			ClipHistoryRepository history, TransactionTemplate tx, MediaProperties properties, LoaxaClock clock) {
		this.store = store;
		this.decoder = decoder;
		this.tags = tags;
		this.clips = clips;
		this.history = history;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	ImportOutcome importStream(InputStream in, String uploadedName, ClipDraft draft, ClipSource source, String by) {
		return importStream(in, uploadedName, draft, source, by, null);
	}

	/** {@code text}: what a text bulletin's audio says, kept with the clip (null for a recording). */
	ImportOutcome importStream(InputStream in, String uploadedName, ClipDraft draft, ClipSource source, String by,
			String text) {
		String name = TextCleaner.fileName(uploadedName);
		long max = properties.maxFileSize().toBytes();
		ClipStore.Upload upload;
		try {
			upload = store.receive(in, max);
		}
		catch (IOException e) {
			throw diskError(name, e);
		}
		try {
			if (upload.bytes() == 0) {
				throw ImportRefused.badRequest("empty_file", name);
			}
			Optional<Clip> existing = clips.findBySha256(upload.sha256());
			if (existing.isPresent()) {
				return new ImportOutcome(existing.get(), true);
			}
			return decodeAndStore(upload, name, draft, source, by, text);
		}
		catch (IOException e) {
			throw diskError(name, e);
		}
		finally {
			store.deleteQuietly(upload.file());
		}
	}

	private ImportOutcome decodeAndStore(ClipStore.Upload upload, String name, ClipDraft draft, ClipSource source,
			String by, String text) throws IOException {
		Path work = store.workDir();
		AudioDecoder.Probe probe = decoder.probe(upload.file(), work);
		Path typed = work.resolve(upload.sha256() + "-" + Thread.currentThread().getId() + "."
				+ probe.format().extension());
		Path canonical = work.resolve(upload.sha256() + "-" + Thread.currentThread().getId() + ".pcm.wav");
		try {
			Files.copy(upload.file(), typed);
			AudioDecoder.Loudness loudness = decoder.measure(typed, work);
			AudioDecoder.Normalised normalised = decoder.normalise(typed, decoder.gainFor(loudness), canonical, work);
			long durationMs = normalised.durationMs();
			double gain = normalised.gain().db();
			decoder.checkComplete(probe, durationMs);
			AudioTags fileTags = tags.read(typed.toFile());
			DecodedAudio audio = new DecodedAudio(upload.sha256(), upload.bytes(), probe.format(), durationMs,
					loudness.integratedLufs(), gain, fileTags);
			ClipDetails details = ClipRules.complete(draft, fileTags, name);
			return storeAndInsert(new Incoming(audio, details, name, source, by, text), typed, canonical, loudness,
					normalised.gain().limited());
		}
		finally {
			store.deleteQuietly(typed);
			store.deleteQuietly(canonical);
		}
	}

	/** A decoded file and what the row says about it. */
	private record Incoming(DecodedAudio audio, ClipDetails details, String name, ClipSource source, String by,
			String text) {
	}

	private ImportOutcome storeAndInsert(Incoming incoming, Path typed, Path canonical, AudioDecoder.Loudness loudness,
			boolean limited) throws IOException {
		DecodedAudio audio = incoming.audio();
		String name = incoming.name();
		String by = incoming.by();
		synchronized (storeLock) {
			Optional<Clip> existing = clips.findBySha256(audio.sha256());
			if (existing.isPresent()) {
				return new ImportOutcome(existing.get(), true);
			}
			Path original = store.original(audio.sha256(), audio.format().extension());
			Path pcm = store.canonical(audio.sha256());
			boolean placedOriginal = false;
			boolean placedPcm = false;
			try {
				// files first, row second: a crash between leaves files no row names, which OrphanSweep removes
				// at the next start; the other order would leave a committed row naming files that never arrived
				placedOriginal = store.moveIn(typed, original);
				placedPcm = store.moveIn(canonical, pcm);
				Instant now = clock.now().toInstant();
				Clip clip = tx.execute(status -> {
					Clip saved = clips.save(Clip.imported(audio, incoming.details(), name, incoming.source(), by, now)
						.withText(incoming.text()));
					history.save(ClipHistoryEntry.of(saved.getId(), now, by, "IMPORTED", describe(audio, name, loudness, limited)));
					return saved;
				});
				log.info("imported {} ({} ms, {}) as clip {}", name, audio.durationMs(), audio.format(), clip.getId());
				return new ImportOutcome(clip, false);
			}
			catch (DuplicateKeyException e) {
				return new ImportOutcome(clips.findBySha256(audio.sha256()).orElseThrow(), true);
			}
			catch (RuntimeException | IOException e) {
				if (placedOriginal) {
					store.deleteQuietly(original);
				}
				if (placedPcm) {
					store.deleteQuietly(pcm);
				}
				throw e;
			}
		}
	}

	/** Runs {@code task} while no import is between moving its files in and committing its row. */
	void betweenImports(Runnable task) {
		synchronized (storeLock) {
			task.run();
		}
	}

	/**
	 * A file could not be written under the data dir (disk full, read-only, a folder that cannot be
	 * made): 507 with {@code import.error.disk}. Every work file is deleted on the way out, and the
	 * row is only written after the files are in place, so nothing is half-stored.
	 */
	private static ImportRefused diskError(String name, IOException e) {
		log.warn("import of {} failed writing to the data dir: {}", name, e.toString());
		ImportRefused refused = new ImportRefused(507, "disk");
		refused.initCause(e);
		return refused;
	}

	private static String describe(DecodedAudio audio, String name, AudioDecoder.Loudness loudness, boolean limited) {
		String measured = audio.loudnessLufs() == null ? "—" : String.format(Locale.ROOT, "%.1f LUFS", audio.loudnessLufs());
		String warnings = loudness.errors().isEmpty() ? "" : "; decoder warnings: " + loudness.errors().size();
		return String.format(Locale.ROOT, "%s, %s, %d ms, loudness %s, gain %+.2f dB%s%s", name, audio.format().label(),
				audio.durationMs(), measured, audio.gainDb(), limited ? ", peak limiter" : "", warnings);
	}
}
