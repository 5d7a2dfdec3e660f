package vn.loaxa.media;

import vn.loaxa.config.UserError;

/** A file that import will not take, with the reason in the user's language. Nothing is stored. */
public class ImportRefused extends UserError {

	public ImportRefused(int status, String code, Object... args) {
		super(status, code, "import.error." + code, args);
	}

	static ImportRefused badRequest(String code, Object... args) {
		return new ImportRefused(400, code, args);
	}

	static ImportRefused tooLarge(long maxBytes) {
		return new ImportRefused(413, "too_large", maxBytes / (1024 * 1024));
	}

	static ImportRefused unsupported(String code, Object... args) {
		return new ImportRefused(415, code, args);
	}
}
