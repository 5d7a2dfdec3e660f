package vn.loaxa.media;

/** The facts import learns by decoding a file in full. */
record DecodedAudio(String sha256, long originalBytes, AudioFormat format, long durationMs, Double loudnessLufs,
		double gainDb, AudioTags tags) {
}
