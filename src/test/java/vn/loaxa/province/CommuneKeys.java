package vn.loaxa.province;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import vn.loaxa.security.CommuneKey;

/** A commune's key pair made before its PC first starts, so the hub can enrol it beforehand. */
public final class CommuneKeys {

	private CommuneKeys() {
	}

	/** Writes a new key pair where LoaXa keeps its own ({@code <data-dir>/keys}); returns the public key's PEM. */
	public static String writeNew(Path dataDir) throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path keys = Files.createDirectories(dataDir.resolve("keys"));
		Files.writeString(keys.resolve("commune-ed25519.key"), "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n",
				StandardCharsets.US_ASCII);
		String pem = CommuneKey.pem(pair.getPublic());
		Files.writeString(keys.resolve("commune-ed25519.pub"), pem, StandardCharsets.US_ASCII);
		return pem;
	}
}
