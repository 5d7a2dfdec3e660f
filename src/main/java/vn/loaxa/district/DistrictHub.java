package vn.loaxa.district;

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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.security.CommuneKey;

/**
 * The district hub: enrols communes (their public key, a push token) and takes their evidence
 * bundles: signature by the enrolled key, the chain inside, and continuity with what it already
 * holds, so a commune that rewrote its past is caught even if it recomputed its chain. A bundle is
 * taken whole or not at all; the same bundle twice stores nothing new.
 */
@Service
public class DistrictHub {

	/** What a bundle brought: {@code newRecords} of its {@code records} were not held before. */
	public record Receipt(String commune, int records, int newRecords, Long firstId, Long lastId) {
	}

	/** A commune as enrolled, with the token it pushes with (shown once). */
	public record Enrolment(String id, String name, String fingerprint, String token) {
	}

	private static final Logger log = LoggerFactory.getLogger(DistrictHub.class);
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final HubStore store;
	private final ObjectMapper json;
	private final TransactionTemplate tx;
	private final LoaxaClock clock;
	private final SecureRandom random = new SecureRandom();

	DistrictHub(HubStore store, ObjectMapper json, TransactionTemplate tx, LoaxaClock clock) {
		this.store = store;
		this.json = json;
		this.tx = tx;
		this.clock = clock;
	}

	public Enrolment enrol(String id, String name, String publicKeyPem, String by) {
		if (id == null || !ID.matcher(id.strip()).matches()) {
			throw new UserError(400, "bad_commune_id", "district.error.bad_commune_id");
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new UserError(400, "bad_commune_name", "district.error.bad_commune_name");
		}
		PublicKey key;
		try {
			key = CommuneKey.parsePublicKey(publicKeyPem);
		}
		catch (IllegalArgumentException e) {
			throw new UserError(400, "bad_public_key", "district.error.bad_public_key");
		}
		byte[] raw = new byte[32];
		random.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		HubStore.Commune commune = new HubStore.Commune(id.strip(), name.strip(), CommuneKey.pem(key),
				CommuneKey.fingerprint(key), clock.now().toInstant());
		try {
			store.enrol(commune, sha256(token), by);
		}
		catch (DuplicateKeyException e) {
			throw new UserError(409, "commune_exists", "district.error.commune_exists", commune.id());
		}
		log.info("district: commune {} «{}» enrolled by {} (key {})", commune.id(), commune.name(), by,
				commune.fingerprint());
		return new Enrolment(commune.id(), commune.name(), commune.fingerprint(), token);
	}

	public List<HubStore.Commune> communes() {
		return store.communes();
	}

	/** The commune a push token belongs to. */
	Optional<HubStore.Commune> byToken(String token) {
		return token == null || token.isBlank() ? Optional.empty() : store.communeByToken(sha256(token.strip()));
	}

	/**
	 * Takes a bundle from {@code source} ("upload", "api", "push"); with {@code pushedBy} set (a push
	 * token's commune) the bundle must be that commune's. Refusals are booked too, for the page.
	 */
	public Receipt receive(InputStream in, String source, String pushedBy) {
		String claimed = null;
		Bundle bundle = null;
		try {
			bundle = Bundle.read(in, json);
			claimed = bundle.head().communeId();
			String id = String.valueOf(claimed);
			HubStore.Commune commune = store.commune(id)
				.filter(c -> pushedBy == null || c.id().equals(pushedBy))
				.orElseThrow(() -> new EvidenceRefused(404, "unknown_commune", null, id));
			bundle.checkSignature(CommuneKey.parsePublicKey(commune.publicKeyPem()));
			bundle.checkChain();
			Bundle checked = bundle;
			int fresh = tx.execute(status -> take(commune.id(), checked));
			Receipt receipt = new Receipt(commune.id(), checked.records().size(), fresh, checked.head().firstId(),
					checked.head().lastId());
			book(commune.id(), source, "ACCEPTED", null, null, checked, fresh);
			return receipt;
		}
		catch (EvidenceRefused e) {
			log.warn("district: bundle from {} ({}) refused: {}", claimed, source, e.getMessage());
			book(claimed, source, "REFUSED", e.code(), e.recordId(), bundle, 0);
			throw e;
		}
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

	private void book(String communeId, String source, String outcome, String error, Long recordId, Bundle bundle,
			int fresh) {
		try {
			BundleHead h = bundle == null ? null : bundle.head();
			store.bundle(new HubStore.BundleRow(0, communeId == null ? null : cut(communeId, 64), clock.now().toInstant(),
					source, outcome, error, recordId, h == null ? null : h.firstId(), h == null ? null : h.lastId(),
					bundle == null ? 0 : bundle.records().size(), fresh,
					h == null || h.period() == null ? null : cut(h.period().code(), 60)));
		}
		catch (RuntimeException e) {
			log.warn("district: bundle not booked: {}", e.toString());
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
