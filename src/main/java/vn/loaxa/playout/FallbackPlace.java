package vn.loaxa.playout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the fallback journal goes when {@code loaxa.playout.fallback-journal} is not set: under the
 * user's home, outside the data dir ({@code ~/.loaxa/fallback-journal/<data dir's hash>/airings.jsonl}),
 * one folder per data dir so two installs (or test runs) on one PC never read each other's records.
 * Not the temp dir: on many Linux PCs it is emptied at every boot, and a power cut is what this is for.
 */
final class FallbackPlace {

	private FallbackPlace() {
	}

	static Path of(Path dataDir) {
		String key = dataDir.toAbsolutePath().normalize().toString();
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return Path.of(System.getProperty("user.home"), ".loaxa", "fallback-journal",
					HexFormat.of().formatHex(hash, 0, 6), "airings.jsonl");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
