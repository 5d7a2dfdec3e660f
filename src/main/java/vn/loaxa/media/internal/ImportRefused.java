package vn.loaxa.media.internal;

import vn.loaxa.config.UserError;

/** A file that import will not take, with the reason in the user's language. Nothing is stored. */
public class ImportRefused extends UserError {

	public ImportRefused(int status, String code, Object... args) {
		super(status, code, "import.error." + code, args);
	}

	public static ImportRefused badRequest(String code, Object... args) {
		return new ImportRefused(400, code, args);
	}

	public static ImportRefused tooLarge(long maxBytes) {
		// in MB as text: a limit under 1 MB must not read "0 MB", and 1536 not "1.536" (Vietnamese grouping)
		double mb = maxBytes / (1024.0 * 1024.0);
		String shown = mb == Math.rint(mb) ? Long.toString((long) mb)
				: new java.math.BigDecimal(mb).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
		return new ImportRefused(413, "too_large", shown);
	}

	public static ImportRefused unsupported(String code, Object... args) {
		return new ImportRefused(415, code, args);
	}
}
