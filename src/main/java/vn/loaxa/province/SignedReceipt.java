package vn.loaxa.province;

/** A receipt on the wire: its exact JSON text and the commune's Ed25519 signature (Base64) over it. */
record SignedReceipt(String receipt, String signature) {
}
