package vn.loaxa.broadcast;

import java.time.Instant;

/** One record of the log as stored: the airing, when and by whom it was written, and its chain hashes. */
public record BroadcastRecord(long id, Airing airing, Long correctsId, String recordedBy, Instant recordedAt,
		String previousHash, String hash) {
}
