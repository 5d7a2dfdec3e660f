package vn.loaxa.media;

/**
 * One file of the clip store that a clip row names: {@code path} relative to {@code <data-dir>/clips}
 * ({@code ab/<sha256>.<ext>}, the untouched original, whose content hashes to {@code clipSha256}; or
 * {@code ab/<sha256>.pcm.wav}, the canonical WAV derived from it).
 */
public record ClipFile(String path, String clipSha256, boolean original) {
}
