package vn.loaxa.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies that are whole or absent: into a temporary name beside the target, forced to the disk,
 * then moved atomically to the real name; the SHA-256 of what was copied comes back.
 */
public final class DurableCopy {

	record Copied(long bytes, String sha256) {
	}

	private DurableCopy() {
	}

	public static Copied copy(Path source, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		MessageDigest sha = sha256();
		long bytes = 0;
		try {
			try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
					FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING);
					OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
				bytes = in.transferTo(out);
				channel.force(true);
			}
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		syncFolder(target.getParent());
		return new Copied(bytes, HexFormat.of().formatHex(sha.digest()));
	}

	public static String hash(Path file) throws IOException {
		MessageDigest sha = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	public static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Makes a rename durable where the file system allows it (Linux); Windows cannot open a folder. */
	static void syncFolder(Path folder) {
		try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException e) {
			// not supported here: the move itself is still atomic
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
