package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.internal.ClipDetails;
import vn.loaxa.media.internal.ClipHistoryEntry;
import vn.loaxa.media.internal.ClipHistoryRepository;
import vn.loaxa.media.internal.ClipNotFound;
import vn.loaxa.media.internal.ImportRefused;
import vn.loaxa.security.AuditTrail;

/**
 * The clip library, as the rest of LoaXa sees it: import, find, edit, approve, and the queue of
 * approved clips waiting for air time.
 */
@Service
public class ClipLibrary {

	private final ClipImporter importer;
	private final TextBulletins bulletins;
	private final ClipRepository clips;
	private final ClipHistoryRepository history;
	private final ClipStore store;
	private final LoaxaClock clock;
	private final SignatureTunes tunes;
	private final AuditTrail audit;

	ClipLibrary(ClipImporter importer, TextBulletins bulletins, ClipRepository clips, ClipHistoryRepository history,
			ClipStore store, LoaxaClock clock, SignatureTunes tunes, AuditTrail audit) {
		this.bulletins = bulletins;
		this.audit = audit;
		this.tunes = tunes;
		this.importer = importer;
		this.clips = clips;
		this.history = history;
		this.store = store;
		this.clock = clock;
	}

	public ImportOutcome upload(InputStream in, String fileName, ClipDraft draft, String by) {
		return importer.importStream(in, fileName, draft, ClipSource.UPLOAD, by);
	}

	/** A typed text bulletin, spoken by the configured engine and imported like an upload (see {@link TextForm}). */
	public ImportOutcome speak(TextForm text, String by) {
		return bulletins.speak(text, by);
	}

	/**
	 * The audio of the province's bulletin {@code bulletinId}, imported like an upload and marked as
	 * the province's (source PROVINCE). A file the library already holds is marked so too.
	 */
	public ImportOutcome importBulletin(InputStream in, String fileName, ClipDraft draft, long bulletinId, String by) {
		ImportOutcome outcome = importer.importStream(in, fileName, draft, ClipSource.PROVINCE, by);
		Clip clip = outcome.clip();
		if (clip.getBulletinId() == null || clip.getBulletinId() != bulletinId) {
			clip = clips.save(clip.fromBulletin(bulletinId));
			record(clip, by, "FROM_PROVINCE", "bulletin " + bulletinId);
		}
		return new ImportOutcome(clip, outcome.duplicate());
	}

	public ImportOutcome importFile(Path file, ClipDraft draft, String by) {
		try (InputStream in = Files.newInputStream(file)) {
			return importer.importStream(in, file.getFileName().toString(), draft, ClipSource.MEDIA_DIR, by);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * What was said during a live announcement, kept as the evidence of its airings: imported like
	 * an upload (decoded, measured, hashed, stored) and archived at once, so it stays in the library
	 * without joining the queue; Phát ngay or a new upload can air it again.
	 */
	public Clip keepLiveRecording(Path wav, ClipDraft draft, String by) {
		ImportOutcome outcome;
		try (InputStream in = Files.newInputStream(wav)) {
			outcome = importer.importStream(in, wav.getFileName().toString(), draft, ClipSource.LIVE, by);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Clip clip = outcome.clip();
		return clip.getStatus() == ClipStatus.ARCHIVED ? clip : archive(clip.getId(), by);
	}

	public Optional<Clip> find(long id) {
		return clips.findById(id);
	}

	public Clip get(long id) {
		return clips.findById(id).orElseThrow(() -> new ClipNotFound(id));
	}

	public Optional<Clip> findBySha256(String sha256) {
		return clips.findBySha256(sha256);
	}

	public List<Clip> search(ClipFilter filter) {
		return clips.findAll()
			.stream()
			.filter(filter::matches)
			.sorted(Comparator.comparing(Clip::getUploadedAt).reversed().thenComparing(Clip::getId, Comparator.reverseOrder()))
			.toList();
	}

	/** Clip id → the text it reads out, for every text bulletin (for the evidence beside its airings). */
	public java.util.Map<Long, String> bulletinTexts() {
		java.util.Map<Long, String> texts = new java.util.HashMap<>();
		for (Clip clip : clips.findBySource(ClipSource.TEXT)) {
			if (clip.getText() != null) {
				texts.put(clip.getId(), clip.getText());
			}
		}
		return texts;
	}

	public List<ClipHistoryEntry> history(long id) {
		return history.findByClipIdOrderByAtAscIdAsc(id);
	}

	/** Edits metadata; an approved clip edited by someone who may not approve goes back to PENDING. */
	@Transactional
	public Clip edit(long id, ClipDetails details, String by, boolean mayApprove) {
		Clip clip = get(id);
		ClipDetails checked = ClipRules.check(details);
		ClipDetails before = clip.details();
		clip.edit(checked, mayApprove);
		Clip saved = clips.save(clip);
		record(saved, by, "EDITED", changes(before, checked));
		return saved;
	}

	@Transactional
	public Clip approve(long id, String by) {
		Clip clip = get(id);
		clip.approve(by, now());
		Clip saved = clips.save(clip);
		record(saved, by, "APPROVED", null);
		return saved;
	}

	@Transactional
	public Clip reject(long id, String by, String reason) {
		String why = TextCleaner.multiLine(reason, 1000);
		if (why == null) {
			throw ImportRefused.badRequest("reason_required");
		}
		Clip clip = get(id);
		clip.reject(by, now(), why);
		Clip saved = clips.save(clip);
		record(saved, by, "REJECTED", why);
		return saved;
	}

	/** Takes a clip out of use for good. Clips with broadcasts are only ever archived, never deleted. */
	@Transactional
	public Clip archive(long id, String by) {
		Clip clip = get(id);
		clip.archive(now());
		Clip saved = clips.save(clip);
		record(saved, by, "ARCHIVED", null);
		return saved;
	}

	public ClipQueue queue(LocalDate date) {
		List<Clip> queued = clips.findByStatus(ClipStatus.APPROVED)
			.stream()
			.filter(clip -> clip.isQueuedOn(date))
			.sorted(ClipQueue.TAKING_ORDER)
			.toList();
		return new ClipQueue(date, queued);
	}

	/** Counts one PLAYED airing towards the clip's rotation. */
	@Transactional
	public void countAiring(long clipId) {
		clips.countAiring(clipId);
	}

	/** The canonical PCM WAV that playout writes to the line. */
	public Path canonicalAudio(Clip clip) {
		return store.canonical(clip.getSha256());
	}

	/**
	 * A signature tune (nhạc hiệu) from the media folder, decoded to the canonical format and cached
	 * in the clip store; it is not a clip (no row, not queued, not counted).
	 */
	public Path signatureTune(String fileName) {
		return tunes.canonical(fileName);
	}

	public Path originalAudio(Clip clip) {
		return store.original(clip.getSha256(), clip.getOriginalExt());
	}

	/** Every file of the clip store that a clip row names (original and canonical WAV), for the backup. */
	public List<ClipFile> storedFiles() {
		return clips.findAll().stream().sorted(Comparator.comparing(Clip::getSha256)).flatMap(c -> java.util.stream.Stream.of(
				new ClipFile(store.relative(store.original(c.getSha256(), c.getOriginalExt())), c.getSha256(), true),
				new ClipFile(store.relative(store.canonical(c.getSha256())), c.getSha256(), false))).toList();
	}

	private void record(Clip clip, String by, String action, String detail) {
		history.save(ClipHistoryEntry.of(clip.getId(), now(), by, action, detail));
		audit.record(by, "clip." + action.toLowerCase(java.util.Locale.ROOT),
				"clip " + clip.getId() + " «" + clip.getTitle() + "»", null, detail == null ? clip.getStatus().name() : detail);
	}

	private Instant now() {
		return clock.now().toInstant();
	}

	private static String changes(ClipDetails before, ClipDetails after) {
		StringBuilder text = new StringBuilder();
		diff(text, "title", before.title(), after.title());
		diff(text, "kind", before.kind(), after.kind());
		diff(text, "topic", before.topic(), after.topic());
		diff(text, "priority", before.priority(), after.priority());
		diff(text, "validFrom", before.validFrom(), after.validFrom());
		diff(text, "validUntil", before.validUntil(), after.validUntil());
		diff(text, "notes", before.notes(), after.notes());
		return text.isEmpty() ? null : text.toString();
	}

	private static void diff(StringBuilder text, String field, Object before, Object after) {
		if (!java.util.Objects.equals(before, after)) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(field).append(": ").append(before).append(" → ").append(after);
		}
	}
}
