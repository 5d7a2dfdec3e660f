package vn.loaxa.province.internal;

/** A receipt on the wire: its exact JSON text and the commune's Ed25519 signature (Base64) over it. */
public record SignedReceipt(String receipt, String signature) {
}
