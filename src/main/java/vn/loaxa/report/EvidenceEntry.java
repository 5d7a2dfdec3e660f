package vn.loaxa.report;

import java.util.Map;

import vn.loaxa.broadcast.BroadcastRecord;

/**
 * One row of the evidence: a broadcast record and, when its clip is a text bulletin, the text that
 * was read out (else null). The XLSX sheet writes it in its last column; the CSV can do the same.
 */
public record EvidenceEntry(BroadcastRecord record, String text) {

	static EvidenceEntry of(BroadcastRecord record, Map<Long, String> texts) {
		Long clipId = record.airing().clipId();
		return new EvidenceEntry(record, clipId == null ? null : texts.get(clipId));
	}
}
