package vn.loaxa.media;

/** The clip an import produced, or the one that already held the same file. */
public record ImportOutcome(Clip clip, boolean duplicate) {
}
