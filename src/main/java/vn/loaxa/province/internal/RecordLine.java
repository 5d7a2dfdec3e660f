package vn.loaxa.province.internal;

import java.time.Instant;

import vn.loaxa.broadcast.AirCheckRef;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * One line of {@code records.jsonl}: every field a record's hash covers, its previous hash and its
 * hash, so anyone can recompute the chain (README, "Evidence bundle"). Times are UTC instants to the
 * millisecond; enums as on the API; {@code reasonCode} lower case; {@code relay} and {@code relayUrl} only on a
 * relay's record; {@code airCheckSha256} only on a record with an air-check (the hub keeps no air-check file).
 */
public record RecordLine(long id, String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle,
		ClipKind kind, Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd, long playedMs,
		long clipDurationMs, Outcome outcome, String reason, String reasonCode, Long correctsId, String recordedBy,
		Instant recordedAt, String previousHash, String hash,
		@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String relay,
		@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String relayUrl,
		@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String airCheckSha256) {

	public static RecordLine of(BroadcastRecord r) {
		Airing a = r.airing();
		return new RecordLine(r.id(), a.zoneId(), a.slotName(), a.clipId(), a.clipSha256(), a.clipTitle(), a.kind(),
				a.topic(), a.scheduledStart(), a.actualStart(), a.actualEnd(), a.playedMs(), a.clipDurationMs(),
				a.outcome(), a.reason(), a.reasonCode() == null ? null : a.reasonCode().code(), r.correctsId(),
				r.recordedBy(), r.recordedAt(), r.previousHash(), r.hash(), a.relay(), a.relayUrl(),
				a.airCheck() == null ? null : a.airCheck().sha256());
	}

	public BroadcastRecord toRecord() {
		// the canonical constructor, not the builder: the line is taken as the commune signed it; its hash judges it
		Airing airing = new Airing(zoneId, slotName, clipId, clipSha256, clipTitle, kind, topic, scheduledStart,
				actualStart, actualEnd, playedMs, clipDurationMs, outcome, reason, Reason.ofCode(reasonCode), relay, relayUrl,
				airCheckSha256 == null ? null : new AirCheckRef(null, airCheckSha256));
		return new BroadcastRecord(id, airing, correctsId, recordedBy, recordedAt, previousHash, hash);
	}
}
