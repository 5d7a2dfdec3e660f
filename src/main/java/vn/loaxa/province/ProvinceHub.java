package vn.loaxa.province;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.province.internal.Bundle;
import vn.loaxa.province.internal.BundleHead;
import vn.loaxa.province.internal.EvidenceRefused;
import vn.loaxa.province.internal.HubStore;
import vn.loaxa.province.internal.KeyFile;
import vn.loaxa.province.internal.Receipt;
import vn.loaxa.security.CommuneKey;

/**
 * The province's hub: enrols communes (their public key, a push token) and takes their evidence
 * bundles: signature by the enrolled key, the chain inside, and continuity with what it already
 * holds, so a commune that rewrote its past is caught even if it recomputed its chain. A bundle is
 * taken whole or not at all; the same bundle twice stores nothing new. A commune is its key: a
 * bundle signed by an enrolled key is that commune's, whatever id the commune's settings gave it.
 */
@Service
public class ProvinceHub {

	/** What a bundle brought: {@code newRecords} of its {@code records} were not held before. */
	public record Receipt(String commune, int records, int newRecords, Long firstId, Long lastId) {
	}

	/** A commune as enrolled, with the token it pushes with (shown once). */
	public record Enrolment(String id, String name, String fingerprint, String token) {
	}

	private static final Logger log = LoggerFactory.getLogger(ProvinceHub.class);
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final HubStore store;
	private final ObjectMapper json;
	private final TransactionTemplate tx;
	private final TransactionTemplate bookingTx;
	private final LoaxaClock clock;
	private final SecureRandom random = new SecureRandom();

	ProvinceHub(HubStore store, ObjectMapper json, TransactionTemplate tx, LoaxaClock clock) {
		this.store = store;
		this.json = json;
		this.tx = tx;
		// a refusal is booked in a transaction of its own, so the rollback of the bundle's does not take it
		this.bookingTx = new TransactionTemplate(tx.getTransactionManager());
		this.bookingTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	public Enrolment enrol(String id, String name, String publicKeyPem, String by) {
		if (publicKeyPem == null || publicKeyPem.isBlank()) {
			throw new UserError(400, "bad_public_key", "province.error.no_key");
		}
		KeyFile file = KeyFile.read(publicKeyPem.getBytes(StandardCharsets.UTF_8), json);
		return enrol(id, name, file, by);
	}

	/**
	 * Enrols from the commune's key file or its first bundle: the id and name typed win over those
	 * the file names; a bundle's records are then taken as an upload.
	 */
	public Enrolment enrolFromFile(String id, String name, byte[] file, String by) {
		KeyFile read = KeyFile.read(file, json);
		Enrolment enrolment = enrol(id, name, read, by);
		if (read.bundle() != null) {
			take(read.bundle(), "upload", enrolment.id());
		}
		return enrolment;
	}

	private Enrolment enrol(String typedId, String typedName, KeyFile file, String by) {
		String id = typedId == null || typedId.isBlank() ? file.id() : typedId;
		String name = typedName == null || typedName.isBlank() ? file.name() : typedName;
		if (id == null || !ID.matcher(id.strip()).matches()) {
			throw new UserError(400, "bad_commune_id", "province.error.bad_commune_id");
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new UserError(400, "bad_commune_name", "province.error.bad_commune_name");
		}
		PublicKey key = file.key();
		store.communeByFingerprint(CommuneKey.fingerprint(key)).ifPresent(c -> {
			throw new UserError(409, "key_enrolled", "province.error.key_enrolled", c.name());
		});
		byte[] raw = new byte[32];
		random.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		HubStore.Commune commune = new HubStore.Commune(id.strip(), name.strip(), CommuneKey.pem(key),
				CommuneKey.fingerprint(key), clock.now().toInstant());
		try {
			store.enrol(commune, sha256(token), by);
		}
		catch (DuplicateKeyException e) {
			throw new UserError(409, "commune_exists", "province.error.commune_exists", commune.id());
		}
		log.info("province: commune {} «{}» enrolled by {} (key {})", commune.id(), commune.name(), by,
				commune.fingerprint());
		return new Enrolment(commune.id(), commune.name(), commune.fingerprint(), token);
	}

	public List<HubStore.Commune> communes() {
		return store.communes();
	}

	/** The commune whose push token an {@code Authorization: Bearer …} header carries; 401 {@code bad_token} else. */
	public HubStore.Commune byAuthorization(String header) {
		String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
		return byToken(token).orElseThrow(() -> new UserError(401, "bad_token", "province.error.bad_token"));
	}

	/** The commune a push token belongs to. */
	private Optional<HubStore.Commune> byToken(String token) {
		return token == null || token.isBlank() ? Optional.empty() : store.communeByToken(sha256(token.strip()));
	}

	/**
	 * Takes a bundle from {@code source} ("upload", "api", "push"); with {@code pushedBy} set (a push
	 * token's commune) the bundle must be signed by that commune's key. Refusals are booked too, for the
	 * page, the hub's own failures (a database error, an enrolled key it cannot read) as {@code hub_error}.
	 */
	public Receipt receive(InputStream in, String source, String pushedBy) {
		Bundle bundle;
		try {
			bundle = Bundle.read(in, json);
		}
		catch (RuntimeException e) {
			EvidenceRefused refusal = refusal(e, null, source);
			book(new Booking(pushedBy, null, source), "REFUSED", refusal, null, 0);
			throw refusal;
		}
		return take(bundle, source, pushedBy);
	}

	private Receipt take(Bundle bundle, String source, String pushedBy) {
		String claimed = bundle.head().communeId();
		Booking booking = new Booking(pushedBy == null ? claimed : pushedBy, claimed, source);
		try {
			HubStore.Commune commune = signer(bundle, pushedBy);
			booking = new Booking(commune.id(), claimed, source);
			bundle.checkSignature(CommuneKey.parsePublicKey(commune.publicKeyPem()));
			bundle.checkChain();
			int fresh = tx.execute(status -> take(commune.id(), bundle));
			book(booking, "ACCEPTED", null, bundle, fresh);
			return new Receipt(commune.id(), bundle.records().size(), fresh, bundle.head().firstId(),
					bundle.head().lastId());
		}
		catch (RuntimeException e) {
			EvidenceRefused refusal = refusal(e, claimed, source);
			book(booking, "REFUSED", refusal, bundle, 0);
			throw refusal;
		}
	}

	/** The refusal as it is; anything else is the hub's own failure, told to the sender as 500 {@code hub_error}. */
	private static EvidenceRefused refusal(RuntimeException e, String claimed, String source) {
		if (e instanceof EvidenceRefused refused) {
			log.warn("province: bundle from {} ({}) refused: {}", claimed, source, e.getMessage());
			return refused;
		}
		log.error("province: bundle from {} ({}) not taken: the hub failed", claimed, source, e);
		EvidenceRefused failed = new EvidenceRefused(500, "hub_error", null);
		failed.initCause(e);
		return failed;
	}

	/**
	 * Whose bundle this is: the push token's commune; else the commune enrolled with the key the
	 * bundle names (checked by its signature next); else, for a key not enrolled, the id it carries.
	 */
	private HubStore.Commune signer(Bundle bundle, String pushedBy) {
		String claimed = String.valueOf(bundle.head().communeId());
		Optional<HubStore.Commune> commune = pushedBy != null ? store.commune(pushedBy)
				: keyFingerprint(bundle).flatMap(store::communeByFingerprint).or(() -> store.commune(claimed));
		return commune.orElseThrow(() -> new EvidenceRefused(404, "unknown_commune", null, claimed));
	}

	/** The fingerprint of the key in the bundle's commune.pub, else the one its head names. */
	private static Optional<String> keyFingerprint(Bundle bundle) {
		try {
			if (bundle.publicKeyPem() != null) {
				return Optional.of(CommuneKey.fingerprint(CommuneKey.parsePublicKey(bundle.publicKeyPem())));
			}
		}
		catch (IllegalArgumentException e) {
			// a damaged commune.pub: the head's fingerprint, then the signature, decide
		}
		return Optional.ofNullable(bundle.head().keyFingerprint()).filter(f -> !f.isBlank());
	}

	/** In the transaction: checks the bundle against what is held, then stores what is new. */
	private int takeContinuous(String communeId, Bundle bundle) {
		List<BroadcastRecord> records = bundle.records();
		if (records.isEmpty()) {
			return 0;
		}
		long first = records.get(0).id();
		long last = records.get(records.size() - 1).id();
		Map<Long, HubStore.Held> held = store.held(communeId, first - 1, last + 1);
		HubStore.Held before = held.get(first - 1);
		if (before != null && !before.hash().equals(records.get(0).previousHash())) {
			throw new EvidenceRefused(409, "history_rewritten", first);
		}
		List<BroadcastRecord> fresh = new java.util.ArrayList<>();
		for (BroadcastRecord r : records) {
			HubStore.Held h = held.get(r.id());
			if (h == null) {
				fresh.add(r);
			}
			else if (!h.hash().equals(r.hash())) {
				throw new EvidenceRefused(409, "history_rewritten", r.id());
			}
		}
		HubStore.Held after = held.get(last + 1);
		if (after != null && !after.previousHash().equals(records.get(records.size() - 1).hash())) {
			throw new EvidenceRefused(409, "history_rewritten", last);
		}
		store.insert(communeId, fresh, clock.now().toInstant());
		return fresh.size();
	}

	/** In the transaction: the records that are new, and the plans when the bundle carries them. */
	private int take(String communeId, Bundle bundle) {
		int fresh = takeContinuous(communeId, bundle);
		if (bundle.planSha256() != null) {
			store.replacePlans(communeId, bundle.plans(), bundle.head().exportedAt());
		}
		return fresh;
	}

	/** Whom a bundle is booked to, and the id it carried when that differs. */
	private record Booking(String communeId, String claimedId, String source) {
	}

	private void book(Booking b, String outcome, EvidenceRefused refusal, Bundle bundle, int fresh) {
		try {
			BundleHead h = bundle == null ? null : bundle.head();
			String claimed = b.claimedId() == null || b.claimedId().equals(b.communeId()) ? null : cut(b.claimedId(), 64);
			HubStore.BundleRow row = new HubStore.BundleRow(0, b.communeId() == null ? null : cut(b.communeId(), 64),
					clock.now().toInstant(), b.source(), outcome, refusal == null ? null : refusal.code(),
					refusal == null ? null : refusal.recordId(), h == null ? null : h.firstId(),
					h == null ? null : h.lastId(), bundle == null ? 0 : bundle.records().size(), fresh,
					h == null || h.period() == null ? null : cut(h.period().code(), 60), claimed);
			bookingTx.executeWithoutResult(status -> store.bundle(row));
		}
		catch (RuntimeException e) {
			log.warn("province: bundle not booked: {}", e.toString());
		}
	}

	public List<HubStore.BundleRow> recentBundles(int limit) {
		return store.recentBundles(limit);
	}

	static String sha256(String text) {
		return HexFormat.of().formatHex(EvidenceExport.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
