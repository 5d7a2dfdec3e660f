package vn.loaxa.province.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;

/**
 * What the province's hub signs for each bulletin it sends down, and what a commune checks: the
 * audio by its SHA-256 (so a changed byte of the file is caught as surely as a changed field), its
 * level, the communes it is for, and when it may air. A withdrawal is the same manifest, signed
 * again with {@code cancelled} set. {@code groups} names the zone groups an EMERGENCY airs on at
 * each commune that has them (none, or none known there: every zone).
 */
public record BulletinManifest(int format, long id, String title, Priority level, ClipKind kind, Topic topic, Audio audio,
		Validity validity, List<String> communes, Instant issuedAt, boolean cancelled, List<String> groups) {

	public static final int FORMAT = 1;

	/** The file the communes fetch: its hash, length in time and extension (mp3, wav …). */
	public record Audio(String sha256, long durationMs, String extension) {
	}

	/** From when, until when (null: no end) and, for EMERGENCY, how often it airs again (null: once). */
	public record Validity(Instant from, Instant until, Long repeatSeconds) {

		public boolean endedBy(Instant at) {
			return until != null && !at.isBefore(until);
		}
	}

	public BulletinManifest cancel(Instant at) {
		return new BulletinManifest(format, id, title, level, kind, topic, audio, validity, communes, at, true, groups);
	}

	public byte[] bytes(ObjectMapper json) {
		try {
			return json.writeValueAsBytes(this);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static BulletinManifest read(String text, ObjectMapper json) throws IOException {
		return json.readValue(text, BulletinManifest.class);
	}
}
