package vn.loaxa.province.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.UserError;
import vn.loaxa.province.EvidenceExport;
import vn.loaxa.security.CommuneKey;

/**
 * What a province officer can enrol a commune from: its public-key file (PEM, with the commune's id
 * and name as explanatory lines when downloaded from its settings page) or its first evidence bundle,
 * whose signed head names the commune and whose {@code commune.pub} is the key that signed it.
 */
public record KeyFile(String id, String name, PublicKey key, Bundle bundle) {

	static final String ID_LINE = "LoaXa-Commune-Id: ";
	static final String NAME_LINE = "LoaXa-Commune-Name: ";

	private static final Pattern ID = Pattern.compile("(?m)^" + ID_LINE + "(.+)$");
	private static final Pattern NAME = Pattern.compile("(?m)^" + NAME_LINE + "(.+)$");

	public static KeyFile read(byte[] file, ObjectMapper json) {
		if (file.length > 1 && file[0] == 'P' && file[1] == 'K') {
			return fromBundle(Bundle.read(new ByteArrayInputStream(file), json));
		}
		String text = new String(file, StandardCharsets.UTF_8);
		return new KeyFile(line(ID, text), line(NAME, text), parse(text), null);
	}

	/** The commune's own key file: its id and name above the PEM, as RFC 7468 allows. */
	public static String write(String id, String name, String pem) {
		return ID_LINE + id + "\n" + NAME_LINE + name + "\n" + pem;
	}

	private static KeyFile fromBundle(Bundle bundle) {
		if (bundle.publicKeyPem() == null) {
			throw new EvidenceRefused(400, "bad_bundle", null, "thiếu " + EvidenceExport.PUBLIC_KEY);
		}
		PublicKey key = parse(bundle.publicKeyPem());
		bundle.checkSignature(key);
		return new KeyFile(bundle.head().communeId(), bundle.head().communeName(), key, bundle);
	}

	private static PublicKey parse(String pem) {
		try {
			return CommuneKey.parsePublicKey(pem);
		}
		catch (IllegalArgumentException e) {
			throw new UserError(400, "bad_public_key", "province.error.bad_public_key");
		}
	}

	private static String line(Pattern p, String text) {
		Matcher m = p.matcher(text);
		return m.find() ? m.group(1).strip() : null;
	}
}
