package vn.loaxa.report;

import java.util.Map;

import vn.loaxa.broadcast.BroadcastRecord;

/**
 * One row of the evidence: a broadcast record and, when its clip is a text bulletin, the text that
 * was read out (else null); on a relay's record (tiếp sóng) the relay's name, as the record carries
 * it (its id when it carries none), else null. The XLSX sheet writes the text in its last column; the
 * CSV can do the same.
 */
public record EvidenceEntry(BroadcastRecord record, String text, String relay) {

	static EvidenceEntry of(BroadcastRecord record, Map<Long, String> texts) {
		var airing = record.airing();
		Long clipId = airing.clipId();
		String relay = airing.relay() == null ? null : airing.clipTitle() != null ? airing.clipTitle() : airing.relay();
		return new EvidenceEntry(record, clipId == null ? null : texts.get(clipId), relay);
	}
}
