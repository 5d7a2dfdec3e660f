package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;

/** The SHA-256 (hex) of a file's bytes, read as a stream: clips' tunes, air-checks, bulletins' audio. */
public final class FileSha256 {

	private FileSha256() {
	}

	public static String of(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), ClipStore.sha256())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
	}
}
