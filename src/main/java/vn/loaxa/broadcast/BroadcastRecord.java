package vn.loaxa.broadcast;

import java.time.Instant;

/** TEMPORARY stand-in for main's broadcast module (same API); deleted when main's lands. */
public record BroadcastRecord(long id, Airing airing, Instant recordedAt, String previousHash, String hash) {
}
