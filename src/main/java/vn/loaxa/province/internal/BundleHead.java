package vn.loaxa.province.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code head.json} of an evidence bundle, the part the commune signs ({@code head.sig}): who,
 * which period, which stretch of the log ({@code firstId}..{@code lastId}, the records with their
 * hashes), the chain head when exported, the SHA-256 of {@code records.jsonl} and of
 * {@code plan.json} (the commune's plans and targets; null in a bundle without one).
 */
public record BundleHead(int format, String communeId, String communeName, Period period, Long firstId, String firstHash,
		Long lastId, String lastHash, Head chainHead, int records, String recordsSha256, String keyFingerprint,
		Instant exportedAt, String planSha256) {

	public static final int FORMAT = 1;

	public record Period(String code, LocalDate from, LocalDate to) {
	}

	public record Head(long id, String hash) {
	}
}
