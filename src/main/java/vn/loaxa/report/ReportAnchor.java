package vn.loaxa.report;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.loaxa.broadcast.BroadcastLog;

/**
 * What pins an exported report to the log: the stretch of records it covers, the chain head when
 * it was made, the SHA-256 of its figures and the commune key's fingerprint, written as a short
 * text ({@code signed}) that the commune key signs. The PDF prints it under the signature lines, so
 * the stamped paper copy names the log it came from; {@code verify-report} checks a file against
 * the log and the signature.
 */
public record ReportAnchor(Long firstId, Long lastId, long headId, String headHash, String figuresSha256,
		String keyFingerprint, String signed, String signature) {

	static final String HEADER = "LoaXa report anchor v1";
	private static final Pattern HEAD = Pattern.compile("(?m)^chain head: (\\d+) ([0-9a-f]{64})$");
	private static final Pattern RECORDS = Pattern.compile("(?m)^records: (\\S+)$");
	private static final Pattern FIGURES = Pattern.compile("(?m)^figures sha256: ([0-9a-f]{64})$");
	private static final ObjectMapper CANONICAL = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	/** The SHA-256 of the figures as LoaXa serialises them: equal figures, equal digest. */
	static String digest(ReportFigures figures) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(CANONICAL.writeValueAsBytes(figures)));
		}
		catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String text(ReportFigures figures, String commune, Optional<BroadcastLog.IdRange> range,
			BroadcastLog.ChainHead head, String fingerprint, Instant at) {
		return HEADER + "\n"
				+ "commune: " + commune + "\n"
				+ "period: " + figures.period().code() + " " + figures.period().from() + " " + figures.period().to() + "\n"
				+ "records: " + records(range) + "\n"
				+ "chain head: " + head.lastId() + " " + head.lastHash() + "\n"
				+ "figures sha256: " + digest(figures) + "\n"
				+ "key: " + fingerprint + "\n"
				+ "exported: " + at + "\n";
	}

	/** The chain head the signed text names. */
	static Optional<BroadcastLog.ChainHead> headOf(String signed) {
		Matcher m = HEAD.matcher(signed);
		return m.find() ? Optional.of(new BroadcastLog.ChainHead(Long.parseLong(m.group(1)), m.group(2)))
				: Optional.empty();
	}

	/** "1..9", or "none" for a period without records: the signed text's "records:" line. */
	static String records(Optional<BroadcastLog.IdRange> range) {
		return range.map(r -> r.firstId() + ".." + r.lastId()).orElse("none");
	}

	/** The records the signed text names, as {@link #records} writes them. */
	static Optional<String> recordsOf(String signed) {
		Matcher m = RECORDS.matcher(signed);
		return m.find() ? Optional.of(m.group(1)) : Optional.empty();
	}

	static Optional<String> figuresOf(String signed) {
		Matcher m = FIGURES.matcher(signed);
		return m.find() ? Optional.of(m.group(1)) : Optional.empty();
	}
}
