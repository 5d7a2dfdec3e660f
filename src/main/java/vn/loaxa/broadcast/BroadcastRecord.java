package vn.loaxa.broadcast;

import java.time.Instant;

/** One record of the log as stored: the airing, when and by whom it was written, and its chain hashes. */
public record BroadcastRecord(long id, Airing airing, Long correctsId, String recordedBy, Instant recordedAt,
		String previousHash, String hash) {

	/** The hash this record's content and link give, as the log computes it: equal to {@link #hash()} unless it was changed. */
	public String contentHash() {
		return RecordHash.of(id, airing, correctsId, recordedBy, recordedAt, previousHash);
	}

	/** The hash the first record of a log links to. */
	public static String genesisHash() {
		return RecordHash.GENESIS;
	}
}
