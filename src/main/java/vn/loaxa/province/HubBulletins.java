package vn.loaxa.province;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.TextForm;
import vn.loaxa.province.internal.BulletinManifest;
import vn.loaxa.province.internal.BulletinRequest;
import vn.loaxa.province.internal.BulletinStore;
import vn.loaxa.province.internal.BulletinWaiters;
import vn.loaxa.province.internal.CapAlert;
import vn.loaxa.province.internal.HubStore;
import vn.loaxa.province.internal.Receipt;
import vn.loaxa.province.internal.SignedBulletin;
import vn.loaxa.province.internal.SignedReceipt;
import vn.loaxa.security.AuditTrail;
import vn.loaxa.security.CommuneKey;

/**
 * Bulletins down, at the province's hub: publishes a bulletin (its audio imported as any clip is,
 * then a manifest signed with the hub's key), withdraws it, hands each commune what it has still to
 * fetch, takes the commune's signed receipts, and tells where each bulletin went: AIRED comes from
 * the commune's signed airing records of the bulletin's audio, never from a claim.
 */
@Service
public class HubBulletins {

	/** A commune's state of a bulletin, as the hub shows it. */
	public record TargetView(String commune, String name, String state, Instant receivedAt, Instant firstAiredAt,
			Integer zonesAired, Integer zones, String reason, Instant lastContactAt) {
	}

	/** A bulletin and where it went. */
	public record BulletinView(long id, String title, String level, String sha256, long durationMs,
			List<String> communes, Instant validFrom, Instant validUntil, Long repeatSeconds, Instant createdAt,
			Instant cancelledAt, List<TargetView> targets) {
	}

	/** The audio of a new bulletin: a file, or text for the hub's speech engine. */
	public record Audio(InputStream file, String fileName, String text) {
	}

	private static final Logger log = LoggerFactory.getLogger(HubBulletins.class);

	private final BulletinStore store;
	private final HubStore communes;
	private final ClipLibrary library;
	private final CommuneKey hubKey;
	private final ObjectMapper json;
	private final LoaxaClock clock;
	private final TransactionTemplate tx;
	private final BulletinWaiters waiters;
	private final AuditTrail audit;

	HubBulletins(BulletinStore store, HubStore communes, ClipLibrary library, CommuneKey hubKey, ObjectMapper json,
			LoaxaClock clock, TransactionTemplate tx, BulletinWaiters waiters, AuditTrail audit) {
		this.store = store;
		this.communes = communes;
		this.library = library;
		this.hubKey = hubKey;
		this.json = json;
		this.clock = clock;
		this.tx = tx;
		this.waiters = waiters;
		this.audit = audit;
	}

	public BulletinView publish(BulletinRequest request, Audio audio, String by) {
		boolean hasFile = audio.file() != null;
		boolean hasText = audio.text() != null && !audio.text().isBlank();
		if (hasFile == hasText) {
			throw new UserError(400, "bad_audio", "bulletin.error.audio").withField(hasFile ? "text" : "file");
		}
		Set<String> enrolled = communes.communes().stream().map(HubStore.Commune::id)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		Instant now = clock.now().toInstant();
		BulletinRequest.Checked checked = request.check(now, clock.zone(), enrolled, hasFile);
		Clip clip = hasFile ? library.upload(audio.file(), audio.fileName(), draft(checked), by).clip()
				: library.speak(textForm(checked, audio.text()), by).clip();
		String title = checked.title() != null ? checked.title() : clip.getTitle();
		BulletinManifest.Audio sound = new BulletinManifest.Audio(clip.getSha256(), clip.getDurationMs(),
				clip.getOriginalExt());
		long id = tx.execute(status -> {
			long newId = store.insert(title, checked.level(), clip.getId(), sound, checked.validity(), now, by);
			BulletinManifest manifest = new BulletinManifest(BulletinManifest.FORMAT, newId, title, checked.level(),
					checked.kind(), checked.topic(), sound, checked.validity(), checked.communes(), now, false,
					checked.groups());
			store.sign(newId, sign(manifest));
			store.target(newId, checked.communes());
			return newId;
		});
		log.warn("province: bulletin {} «{}» ({}) published by {} to {}", id, title, checked.level(), by,
				checked.communes());
		audit.record(by, "province.bulletin", "bulletin " + id + " «" + title + "»", null,
				checked.level() + " → " + checked.communes());
		waiters.wake(checked.communes());
		return view(id);
	}

	public BulletinView cancel(long id, String by) {
		BulletinStore.Row row = row(id);
		if (row.cancelledAt() != null) {
			throw new UserError(409, "already_cancelled", "bulletin.error.cancelled", id);
		}
		Instant now = clock.now().toInstant();
		BulletinManifest withdrawal = manifest(row.signed()).cancel(now);
		tx.executeWithoutResult(status -> store.cancel(id, sign(withdrawal), now));
		log.warn("province: bulletin {} «{}» withdrawn by {}", id, row.title(), by);
		audit.record(by, "province.bulletin.cancel", "bulletin " + id + " «" + row.title() + "»", null, null);
		waiters.wake(withdrawal.communes());
		return view(id);
	}

	/**
	 * A CAP 1.2 message: an Alert makes a bulletin spoken from its text, an Update replaces the
	 * bulletin it references, a Cancel withdraws it. Checked whole before anything is stored.
	 */
	public BulletinView cap(byte[] xml, String by) {
		CapAlert alert = CapAlert.read(xml);
		if (store.byCapKey(alert.key()).isPresent()) {
			throw new UserError(409, "cap_duplicate", "cap.error.duplicate", alert.identifier());
		}
		Long referenced = null;
		for (String reference : alert.references()) {
			referenced = store.byCapKey(reference).orElse(referenced);
		}
		if (!alert.msgType().equals("Alert") && referenced == null) {
			throw new UserError(404, "cap_unknown_reference", "cap.error.unknownReference",
					String.join(" ", alert.references()));
		}
		if (alert.msgType().equals("Cancel")) {
			return row(referenced).cancelledAt() == null ? cancel(referenced, by) : view(referenced);
		}
		BulletinRequest request = new BulletinRequest(alert.title(), alert.level().name(), "ANNOUNCEMENT", "OTHER",
				alert.communes(), alert.effective() == null ? null : alert.effective().toString(),
				alert.expires() == null ? null : alert.expires().toString(), null, null);
		BulletinView made = publish(request, new Audio(null, null, alert.text()), by);
		store.capKey(made.id(), alert.key());
		if (referenced != null && row(referenced).cancelledAt() == null) {
			cancel(referenced, by);
		}
		return made;
	}

	public List<BulletinView> recent(int limit) {
		Known known = known();
		return store.recent(limit).stream().map(r -> view(r, known)).toList();
	}

	public BulletinView view(long id) {
		return view(row(id), known());
	}

	/** The enrolled communes' names and last contacts, read once for however many bulletins are shown. */
	private record Known(Map<String, String> names, Map<String, Instant> contacts) {
	}

	private Known known() {
		return new Known(communes.communes().stream()
			.collect(Collectors.toMap(HubStore.Commune::id, HubStore.Commune::name)), store.lastContacts());
	}

	private BulletinView view(BulletinStore.Row row, Known known) {
		BulletinManifest manifest = manifest(row.signed());
		Map<String, BulletinStore.Aired> aired = store.aired(row.sha256(), row.createdAt());
		List<TargetView> targets = store.targets(row.id()).stream().map(t -> {
			BulletinStore.Aired a = aired.get(t.communeId());
			boolean airedThere = a != null && !"REJECTED".equals(t.state());
			return new TargetView(t.communeId(), known.names().getOrDefault(t.communeId(), t.communeId()),
					airedThere ? "AIRED" : t.state(), t.receivedAt(), a == null ? null : a.first(),
					a == null ? null : a.zones(), t.zones(), t.reason(), known.contacts().get(t.communeId()));
		}).toList();
		return new BulletinView(row.id(), row.title(), row.level().name(), row.sha256(), row.durationMs(),
				manifest.communes(), row.validFrom(), row.validUntil(), manifest.validity().repeatSeconds(),
				row.createdAt(), row.cancelledAt(), targets);
	}

	/** The audio file the communes fetch: the bulletin's original, as imported. */
	public java.nio.file.Path audio(long id) {
		return library.originalAudio(library.get(row(id).clipId()));
	}

	/** What the commune has still to fetch, and the time of its contact. */
	public List<SignedBulletin> pending(String communeId) {
		store.contact(communeId, clock.now().toInstant());
		return store.pending(communeId);
	}

	public boolean isTarget(long id, String communeId) {
		return store.targets(id).stream().anyMatch(t -> t.communeId().equals(communeId));
	}

	/** A commune's signed word on a bulletin: RECEIVED, EXPIRED, REJECTED, REFUSED or CANCEL_SEEN. */
	public void receipt(HubStore.Commune commune, SignedReceipt signed) {
		if (!CommuneKey.verify(CommuneKey.parsePublicKey(commune.publicKeyPem()),
				signed.receipt().getBytes(StandardCharsets.UTF_8), signed.signature())) {
			throw new UserError(422, "bad_signature", "bulletin.error.receiptSignature");
		}
		Receipt receipt = Receipt.read(signed.receipt(), json);
		if ("CANCEL_SEEN".equals(receipt.state())) {
			store.cancelSeen(receipt.bulletinId(), commune.id());
			return;
		}
		if (!store.report(receipt.bulletinId(), commune.id(), receipt.state(), receipt.at(), receipt.zones(),
				receipt.reason())) {
			throw new UserError(404, "unknown_bulletin", "bulletin.error.unknown", receipt.bulletinId());
		}
		log.info("province: bulletin {} at {}: {}{}", receipt.bulletinId(), commune.id(), receipt.state(),
				receipt.reason() == null ? "" : " (" + receipt.reason() + ")");
	}

	private BulletinStore.Row row(long id) {
		return store.find(id).orElseThrow(() -> new UserError(404, "unknown_bulletin", "bulletin.error.unknown", id));
	}

	private SignedBulletin sign(BulletinManifest manifest) {
		String text = new String(manifest.bytes(json), StandardCharsets.UTF_8);
		return new SignedBulletin(text, hubKey.sign(text.getBytes(StandardCharsets.UTF_8)));
	}

	private BulletinManifest manifest(SignedBulletin signed) {
		try {
			return BulletinManifest.read(signed.manifest(), json);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("a stored manifest that is not JSON", e);
		}
	}

	private static ClipDraft draft(BulletinRequest.Checked c) {
		return new ClipDraft(c.title(), c.kind(), c.topic(), c.level(), null, null, null);
	}

	private static TextForm textForm(BulletinRequest.Checked c, String text) {
		TextForm form = new TextForm();
		form.setText(text);
		form.setTitle(c.title());
		form.setKind(c.kind().name());
		form.setTopic(c.topic().name());
		form.setPriority(c.level().name());
		return form;
	}
}
