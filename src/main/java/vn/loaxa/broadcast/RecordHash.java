package vn.loaxa.broadcast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The SHA-256 of a record: every stored field plus the previous record's hash, each written as
 * {@code length:value;} (null as {@code -;}), so no two different records can spell the same text.
 */
final class RecordHash {

	static final String GENESIS = "0".repeat(64);

	private RecordHash() {
	}

	static String of(long id, Airing a, Long correctsId, String recordedBy, Instant recordedAt, String previousHash) {
		StringBuilder text = new StringBuilder(512);
		field(text, id);
		field(text, a.zoneId());
		field(text, a.slotName());
		field(text, a.clipId());
		field(text, a.clipSha256());
		field(text, a.clipTitle());
		field(text, a.kind());
		field(text, a.topic());
		field(text, millis(a.scheduledStart()));
		field(text, millis(a.actualStart()));
		field(text, millis(a.actualEnd()));
		field(text, a.playedMs());
		field(text, a.clipDurationMs());
		field(text, a.outcome());
		field(text, a.reason());
		field(text, correctsId);
		field(text, recordedBy);
		field(text, millis(recordedAt));
		field(text, previousHash);
		boolean airCheck = a.airCheck() != null;
		if (a.reasonCode() != null || a.relay() != null || airCheck) {
			// appended only when present, so the records written before reason codes keep their hashes
			field(text, a.reasonCode() == null ? null : a.reasonCode().code());
		}
		if (a.relay() != null || airCheck) {
			// a relay's record (tiếp sóng): its id and address after the reason code's place ("-;" when none)
			field(text, a.relay());
			field(text, a.relayUrl());
		}
		if (airCheck) {
			// an air-check's SHA-256 after the relay's places ("-;-;" when not a relay's)
			field(text, a.airCheck().sha256());
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Long millis(Instant instant) {
		return instant == null ? null : instant.toEpochMilli();
	}

	private static void field(StringBuilder text, Object value) {
		if (value == null) {
			text.append("-;");
			return;
		}
		String s = value.toString();
		text.append(s.length()).append(':').append(s).append(';');
	}
}
