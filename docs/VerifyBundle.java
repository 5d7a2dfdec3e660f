import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.*;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.*;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks a LoaXa evidence bundle with nothing but the JDK (README, "The evidence recipe"):
 * <pre>  java docs/VerifyBundle.java bundle.zip [enrolled.pub]</pre>
 * head.sig is commune.pub's Ed25519 signature of head.json (and commune.pub is the enrolled key,
 * when one is given); records.jsonl and plan.json are the files head.json names by SHA-256; every
 * record's hash is recomputed from its fields and each links to the one before; head.json's
 * range, count and last hash are those of the records. Prints "VALID …" and exits 0, or
 * "INVALID: reason" and exits 1 (2: wrong arguments).
 */
public class VerifyBundle {

	/**
	 * The fields of a record's hash, in order; reasonCode, relay, relayUrl and airCheckSha256 follow as
	 * {@link #recordHash} says.
	 */
	static final List<String> HASHED = List.of("id", "zoneId", "slotName", "clipId", "clipSha256", "clipTitle", "kind",
			"topic", "scheduledStart", "actualStart", "actualEnd", "playedMs", "clipDurationMs", "outcome", "reason",
			"correctsId", "recordedBy", "recordedAt", "previousHash");
	static final List<String> TIMES = List.of("scheduledStart", "actualStart", "actualEnd", "recordedAt");
	static final String GENESIS = "0".repeat(64);

	static final class Invalid extends Exception {
		Invalid(String why) {
			super(why);
		}
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1 || args.length > 2) {
			System.err.println("usage: java docs/VerifyBundle.java bundle.zip [enrolled-commune.pub]");
			System.exit(2);
		}
		try {
			System.out.println("VALID " + check(Path.of(args[0]), args.length == 2 ? Path.of(args[1]) : null));
			System.exit(0);
		}
		catch (Invalid e) {
			System.out.println("INVALID: " + e.getMessage());
			System.exit(1);
		}
		catch (RuntimeException e) { // a field missing or of the wrong type, broken JSON
			System.out.println("INVALID: malformed bundle (" + e + ")");
			System.exit(1);
		}
	}

	static String check(Path zip, Path enrolled) throws Exception {
		Map<String, byte[]> files = unzip(zip);
		for (String name : List.of("records.jsonl", "head.json", "commune.pub", "head.sig")) {
			if (!files.containsKey(name)) {
				throw new Invalid("no " + name + " in the bundle");
			}
		}
		PublicKey key = publicKey(new String(files.get("commune.pub"), StandardCharsets.US_ASCII));
		if (enrolled != null && !Arrays.equals(key.getEncoded(), publicKey(Files.readString(enrolled)).getEncoded())) {
			throw new Invalid("commune.pub is not the enrolled key " + enrolled);
		}
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(key);
		ed25519.update(files.get("head.json"));
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(new String(files.get("head.sig"), StandardCharsets.US_ASCII).strip());
		}
		catch (IllegalArgumentException e) {
			throw new Invalid("head.sig is not Base64");
		}
		if (!ed25519.verify(signature)) {
			throw new Invalid("head.sig is not commune.pub's signature of head.json");
		}
		Map<String, Object> head = new Json(files.get("head.json")).object();
		if (!sha256(files.get("records.jsonl")).equals(head.get("recordsSha256"))) {
			throw new Invalid("records.jsonl is not the file head.json names (SHA-256 differs)");
		}
		if (files.containsKey("plan.json") || head.get("planSha256") != null) {
			if (!files.containsKey("plan.json") || !sha256(files.get("plan.json")).equals(head.get("planSha256"))) {
				throw new Invalid("plan.json is not the file head.json names");
			}
		}
		List<Map<String, Object>> records = new ArrayList<>();
		for (String line : new String(files.get("records.jsonl"), StandardCharsets.UTF_8).split("\n")) {
			if (!line.isEmpty()) {
				records.add(new Json(line.getBytes(StandardCharsets.UTF_8)).object());
			}
		}
		Map<String, Object> previous = null;
		for (Map<String, Object> r : records) {
			long id = (Long) r.get("id");
			if (previous == null ? id == 1 && !GENESIS.equals(r.get("previousHash"))
					: id != (Long) previous.get("id") + 1 || !Objects.equals(r.get("previousHash"), previous.get("hash"))) {
				throw new Invalid("record " + id + " does not link to the record before it");
			}
			if (!recordHash(r).equals(r.get("hash"))) {
				throw new Invalid("record " + id + ": its hash is not that of its content");
			}
			previous = r;
		}
		Map<String, Object> first = records.isEmpty() ? Map.of() : records.get(0);
		Map<String, Object> last = records.isEmpty() ? Map.of() : previous;
		if (((Long) head.get("records")) != records.size() || !Objects.equals(head.get("firstId"), first.get("id"))
				|| !Objects.equals(head.get("firstHash"), first.get("hash"))
				|| !Objects.equals(head.get("lastId"), last.get("id")) || !Objects.equals(head.get("lastHash"), last.get("hash"))) {
			throw new Invalid("head.json's range (firstId, lastId, their hashes, records) is not that of records.jsonl");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> chainHead = (Map<String, Object>) head.get("chainHead");
		if (last.get("id") != null && ((Long) chainHead.get("id") < (Long) last.get("id")
				|| chainHead.get("id").equals(last.get("id")) && !chainHead.get("hash").equals(last.get("hash")))) {
			throw new Invalid("head.json's chainHead is behind or beside its last record");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> period = (Map<String, Object>) head.get("period");
		return head.get("communeId") + " " + (period == null ? "batch" : period.get("code")) + ": records "
				+ first.get("id") + ".." + last.get("id") + " (" + records.size() + "), last hash " + last.get("hash")
				+ ", key " + sha256(key.getEncoded()).replaceAll("(.{4})(?!$)", "$1:");
	}

	/**
	 * SHA-256 (hex) of each HASHED field written "length:value;" (null "-;", times epoch ms), then reasonCode if
	 * any or if the record is a relay's or has an air-check, then relay and relayUrl if it is a relay's or has an
	 * air-check, then airCheckSha256 if it has one.
	 */
	static String recordHash(Map<String, Object> r) throws Exception {
		StringBuilder text = new StringBuilder();
		for (String field : HASHED) {
			append(text, TIMES.contains(field) && r.get(field) instanceof String s ? Instant.parse(s).toEpochMilli() : r.get(field));
		}
		boolean airCheck = r.get("airCheckSha256") != null;
		if (r.get("reasonCode") != null || r.get("relay") != null || airCheck) {
			append(text, r.get("reasonCode"));
		}
		if (r.get("relay") != null || airCheck) {
			append(text, r.get("relay"));
			append(text, r.get("relayUrl"));
		}
		if (airCheck) {
			append(text, r.get("airCheckSha256"));
		}
		return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** length counts UTF-16 code units, as Java's String.length(): one per Vietnamese letter. */
	static void append(StringBuilder text, Object value) {
		String s = value == null ? null : value.toString();
		text.append(s == null ? "-" : s.length() + ":" + s).append(';');
	}

	static Map<String, byte[]> unzip(Path zip) throws Invalid {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file, StandardCharsets.UTF_8)) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				if (files.put(e.getName(), in.readAllBytes()) != null) {
					throw new Invalid(e.getName() + " twice in the bundle");
				}
			}
		}
		catch (IOException e) {
			throw new Invalid("not a readable zip: " + e.getMessage());
		}
		return files;
	}

	static PublicKey publicKey(String pem) throws Invalid {
		String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new Invalid("not an Ed25519 public key in PEM");
		}
	}

	static String sha256(byte[] bytes) throws GeneralSecurityException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** Just enough JSON: objects, arrays, strings, integers, true/false/null. Integers read as Long. */
	static final class Json {
		private final String s;
		private int i;

		Json(byte[] utf8) {
			this.s = new String(utf8, StandardCharsets.UTF_8);
		}

		Map<String, Object> object() throws Invalid {
			Object value = value();
			skip();
			if (!(value instanceof Map) || i != s.length()) {
				throw new Invalid("not a JSON object: " + (s.length() > 80 ? s.substring(0, 80) + "…" : s));
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) value;
			return map;
		}

		private Object value() throws Invalid {
			skip();
			char c = i < s.length() ? s.charAt(i) : '?';
			if (c == '{' || c == '[') {
				i++;
				Map<String, Object> map = new LinkedHashMap<>();
				List<Object> list = new ArrayList<>();
				skip();
				while (i < s.length() && s.charAt(i) != (c == '{' ? '}' : ']')) {
					if (c == '{') {
						String name = (String) value();
						expect(':');
						map.put(name, value());
					}
					else {
						list.add(value());
					}
					skip();
					if (i < s.length() && s.charAt(i) == ',') {
						i++;
					}
				}
				expect(c == '{' ? '}' : ']');
				return c == '{' ? map : list;
			}
			if (c == '"') {
				StringBuilder out = new StringBuilder();
				for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
					char d = s.charAt(i);
					if (d == '\\') {
						d = s.charAt(++i);
						switch (d) {
							case 'b' -> out.append('\b');
							case 'f' -> out.append('\f');
							case 'n' -> out.append('\n');
							case 'r' -> out.append('\r');
							case 't' -> out.append('\t');
							case 'u' -> {
								out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
								i += 4;
							}
							default -> out.append(d);
						}
					}
					else {
						out.append(d);
					}
				}
				expect('"');
				return out.toString();
			}
			int start = i;
			while (i < s.length() && "{}[],: \t\r\n\"".indexOf(s.charAt(i)) < 0) {
				i++;
			}
			String word = s.substring(start, i);
			return switch (word) {
				case "null" -> null;
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> {
					try {
						yield Long.parseLong(word);
					}
					catch (NumberFormatException e) {
						throw new Invalid("unexpected JSON at " + start + ": " + word);
					}
				}
			};
		}

		private void expect(char c) throws Invalid {
			skip();
			if (i >= s.length() || s.charAt(i) != c) {
				throw new Invalid("broken JSON: '" + c + "' expected at " + i);
			}
			i++;
		}

		private void skip() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}
	}
}
