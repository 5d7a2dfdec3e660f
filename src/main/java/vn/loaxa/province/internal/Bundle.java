package vn.loaxa.province.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.province.EvidenceExport;
import vn.loaxa.report.Plan;
import vn.loaxa.security.CommuneKey;

/**
 * An evidence bundle as the hub reads it, and the checks that need nothing but the bundle and the
 * commune's enrolled key: the signature of {@code head.json}, the SHA-256 of {@code records.jsonl}
 * it names, and the chain inside (consecutive ids, each hash recomputed, each link to the one before).
 */
public record Bundle(BundleHead head, byte[] headBytes, String signature, List<BroadcastRecord> records, String recordsSha256,
		List<Plan> plans, String planSha256, String publicKeyPem) {

	/** Bundles larger than this are refused unread (a year of a commune's records is a few tens of MB). */
	static final long MAX_BYTES = 512L * 1024 * 1024;

	public static Bundle read(InputStream in, ObjectMapper json) {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			long total = 0;
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				byte[] buffer = new byte[64 * 1024];
				for (int n; (n = zip.read(buffer)) > 0;) {
					total += n;
					if (total > MAX_BYTES) {
						throw new EvidenceRefused(413, "bad_bundle", null, "quá lớn");
					}
					bytes.write(buffer, 0, n);
				}
				entries.put(e.getName(), bytes.toByteArray());
			}
		}
		catch (IOException e) {
			throw new EvidenceRefused(400, "bad_bundle", null, e.getMessage());
		}
		for (String name : List.of(EvidenceExport.RECORDS, EvidenceExport.HEAD, EvidenceExport.SIGNATURE)) {
			if (!entries.containsKey(name)) {
				throw new EvidenceRefused(400, "bad_bundle", null, "thiếu " + name);
			}
		}
		try {
			BundleHead head = json.readValue(entries.get(EvidenceExport.HEAD), BundleHead.class);
			byte[] recordsBytes = entries.get(EvidenceExport.RECORDS);
			List<BroadcastRecord> records = new ArrayList<>();
			for (String line : new String(recordsBytes, StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					records.add(json.readValue(line, RecordLine.class).toRecord());
				}
			}
			String sha = HexFormat.of().formatHex(EvidenceExport.sha256().digest(recordsBytes));
			// a bundle of an earlier release has no plan.json: its communes are counted without targets
			byte[] planBytes = entries.get(EvidenceExport.PLAN);
			List<Plan> plans = planBytes == null ? List.of()
					: List.of(json.readValue(planBytes, Plan[].class));
			String planSha = planBytes == null ? null : HexFormat.of().formatHex(EvidenceExport.sha256().digest(planBytes));
			byte[] pub = entries.get(EvidenceExport.PUBLIC_KEY);
			return new Bundle(head, entries.get(EvidenceExport.HEAD),
					new String(entries.get(EvidenceExport.SIGNATURE), StandardCharsets.US_ASCII).strip(), records, sha,
					plans, planSha, pub == null ? null : new String(pub, StandardCharsets.US_ASCII));
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof EvidenceRefused refused) {
				throw refused;
			}
			// a changed byte that breaks the JSON is a content change like any other
			throw new EvidenceRefused(422, "bad_signature", null);
		}
	}

	/** The signature over head.json is the enrolled key's, and head.json names these records and this plan. */
	public void checkSignature(java.security.PublicKey enrolled) {
		if (!CommuneKey.verify(enrolled, headBytes, signature) || !recordsSha256.equals(head.recordsSha256())
				|| head.records() != records.size() || !java.util.Objects.equals(planSha256, head.planSha256())) {
			throw new EvidenceRefused(422, "bad_signature", null);
		}
	}

	/** Ids consecutive from firstId, each record's hash its content's, each linked to the one before. */
	public void checkChain() {
		BroadcastRecord previous = null;
		for (BroadcastRecord r : records) {
			boolean linked = previous == null || (r.id() == previous.id() + 1 && r.previousHash().equals(previous.hash()));
			if (!linked || !r.contentHash().equals(r.hash())) {
				throw new EvidenceRefused(422, "chain_broken", r.id());
			}
			previous = r;
		}
		if (!records.isEmpty() && (!Long.valueOf(records.get(0).id()).equals(head.firstId()) || !previous.hash().equals(head.lastHash()))) {
			throw new EvidenceRefused(422, "chain_broken", records.get(0).id());
		}
	}
}
