package vn.loaxa.playout;

import vn.loaxa.broadcast.AirCheckRef;

/**
 * A finished air-check: its file relative to the data dir ({@code aircheck/2026/03/03/060000-main-tiep-song-vov1.mp3},
 * always with {@code /}), the SHA-256 of its bytes, its size, and how much sound the encoder had to drop (0
 * unless it fell a minute and a half behind).
 */
record AirCheckFile(String file, String sha256, long bytes, long droppedMs) {

	/** What the records of the airing carry: {@code airing.withAirCheck(file.ref())}. */
	AirCheckRef ref() {
		return new AirCheckRef(file, sha256);
	}
}
