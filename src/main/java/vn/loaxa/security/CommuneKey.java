package vn.loaxa.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaProperties;

/**
 * The commune's Ed25519 key (the JDK's own, no library): made at first start under
 * {@code <data-dir>/keys/}, kept by backup and restore; it signs every evidence export, and its
 * public key lets the province check that an export came from this PC unchanged.
 */
@Service
public class CommuneKey {

	private static final Logger log = LoggerFactory.getLogger(CommuneKey.class);
	static final String PRIVATE_FILE = "commune-ed25519.key";
	static final String PUBLIC_FILE = "commune-ed25519.pub";

	private final Path dir;
	private volatile KeyPair pair;

	CommuneKey(LoaxaProperties properties) {
		this.dir = properties.dataDir().resolve("keys");
	}

	private KeyPair pair() {
		KeyPair p = pair;
		if (p == null) {
			synchronized (this) {
				if (pair == null) {
					pair = loadOrCreate();
				}
				p = pair;
			}
		}
		return p;
	}

	/** Base64 Ed25519 signature of the bytes. */
	public String sign(byte[] data) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(pair().getPrivate());
			signer.update(data);
			return Base64.getEncoder().encodeToString(signer.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with the commune key", e);
		}
	}

	public String publicKeyPem() {
		return pem(pair().getPublic());
	}

	/** SHA-256 of the public key (X.509 DER), hex in groups of four: what the province compares by eye. */
	public String fingerprint() {
		return fingerprint(pair().getPublic());
	}

	public static String fingerprint(PublicKey key) {
		try {
			String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
			return hex.replaceAll("(.{4})(?!$)", "$1:");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** True when the signature (Base64) is this key's over these bytes; false for any malformed input. */
	public static boolean verify(PublicKey key, byte[] data, String signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(Base64.getDecoder().decode(signature.strip()));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Reads an Ed25519 public key in PEM ("-----BEGIN PUBLIC KEY-----"), ignoring explanatory text
	 * around it (RFC 7468); IllegalArgumentException if it is none.
	 */
	public static PublicKey parsePublicKey(String pem) {
		if (pem == null) {
			throw new IllegalArgumentException("no public key");
		}
		int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
		int end = pem.indexOf("-----END PUBLIC KEY-----");
		String inside = begin >= 0 && end > begin ? pem.substring(begin, end) : pem;
		String body = inside.replace("-----BEGIN PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
					Base64.getDecoder().decode(body)));
			return key;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
		}
	}

	public static String pem(PublicKey key) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	private KeyPair loadOrCreate() {
		Path privateFile = dir.resolve(PRIVATE_FILE);
		Path publicFile = dir.resolve(PUBLIC_FILE);
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
				PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
				PublicKey publicKey = parsePublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII));
				return new KeyPair(publicKey, privateKey);
			}
			KeyPair created = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Files.createDirectories(dir);
			write(privateFile, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
				.encodeToString(created.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
			write(publicFile, pem(created.getPublic()));
			log.info("commune key created in {} (fingerprint {})", dir, fingerprint(created.getPublic()));
			return created;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or write the commune key in " + dir, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the commune key in " + dir + " is unreadable", e);
		}
	}

	private static byte[] der(Path pemFile) throws IOException {
		String body = Files.readString(pemFile, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
			.replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

	/** Written to a temporary name and moved into place, so a crash leaves no half key. */
	private static void write(Path file, String text) throws IOException {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(tmp, text, StandardCharsets.US_ASCII);
		try {
			tmp.toFile().setReadable(false, false);
			tmp.toFile().setReadable(true, true);
		}
		catch (SecurityException e) {
			// best effort: the data dir's own permissions protect it too
		}
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
