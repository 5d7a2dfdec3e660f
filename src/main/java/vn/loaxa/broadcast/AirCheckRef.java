package vn.loaxa.broadcast;

import java.util.regex.Pattern;

/**
 * A record's air-check: the compressed file of what its channel wrote ({@code file}, relative to the
 * data dir, e.g. {@code aircheck/2026/03/03/060000-main-tiep-song-vov1.mp3}) and the SHA-256 of its bytes.
 * The hash is part of the record's hash; the file name only says where to find it.
 */
public record AirCheckRef(String file, String sha256) {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	public AirCheckRef {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("an air-check's SHA-256 is 64 lower-case hex digits, not " + sha256);
		}
		if (file != null && (file.isBlank() || file.startsWith("/") || file.contains("..") || file.contains("\\"))) {
			throw new IllegalArgumentException("an air-check's file is a path under the data dir, not " + file);
		}
	}

	/** From the two columns of a stored record; null when the record has no air-check. */
	static AirCheckRef of(String file, String sha256) {
		return sha256 == null ? null : new AirCheckRef(file, sha256);
	}
}
