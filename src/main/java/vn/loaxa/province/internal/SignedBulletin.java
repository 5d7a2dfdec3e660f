package vn.loaxa.province.internal;

/**
 * A bulletin as it travels down: the manifest's exact JSON text and the hub's Ed25519 signature
 * (Base64) over its UTF-8 bytes, so a commune checks what was signed without re-serialising it.
 */
public record SignedBulletin(String manifest, String signature) {
}
