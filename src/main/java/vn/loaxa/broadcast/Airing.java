package vn.loaxa.broadcast;

import java.time.Instant;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** TEMPORARY stand-in for main's broadcast module (same API); deleted when main's lands. */
public record Airing(String zoneId, String slotName, Long clipId, String clipSha256, String clipTitle,
		ClipKind kind, Topic topic, Instant scheduledStart, Instant actualStart, Instant actualEnd,
		long playedMs, long clipDurationMs, Outcome outcome, String reason) {
}
