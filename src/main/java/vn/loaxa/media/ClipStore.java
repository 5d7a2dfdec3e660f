package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.media.internal.ImportRefused;

/**
 * The clip files under {@code <data-dir>/clips}, named by content hash, never by the uploaded
 * name: {@code ab/abcdef….mp3} (the untouched original) and {@code ab/abcdef….wav} (canonical PCM).
 * Files arrive through {@code <data-dir>/tmp} and are moved in atomically, so a crash never
 * leaves a half-written file under a real name.
 */
@Component
class ClipStore {

	private static final Logger log = LoggerFactory.getLogger(ClipStore.class);

	record Upload(Path file, String sha256, long bytes) {
	}

	private final Path root;
	private final Path work;

	ClipStore(LoaxaProperties properties) throws IOException {
		this.root = properties.clipStoreDir();
		this.work = properties.workDir();
		Files.createDirectories(root);
		Files.createDirectories(work);
		clearWorkDir();
	}

	Path workDir() {
		return work;
	}

	/** Copies an incoming stream into the work dir, hashing it; refuses past {@code maxBytes}. */
	Upload receive(InputStream in, long maxBytes) throws IOException {
		Path file = Files.createTempFile(work, "upload-", ".part");
		MessageDigest sha = sha256();
		long total = 0;
		try (InputStream digesting = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = digesting.read(buffer)) > 0) {
				total += n;
				if (total > maxBytes) {
					throw ImportRefused.tooLarge(maxBytes);
				}
				out.write(buffer, 0, n);
			}
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(file);
			throw e;
		}
		return new Upload(file, HexFormat.of().formatHex(sha.digest()), total);
	}

	Path original(String sha256, String extension) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + extension);
	}

	Path canonical(String sha256) {
		return original(sha256, "wav").resolveSibling(sha256 + ".pcm.wav");
	}

	/** {@code ab/<name>} with forward slashes: a stored file's name relative to the clip store. */
	String relative(Path stored) {
		return root.relativize(stored).toString().replace('\\', '/');
	}

	Path root() {
		return root;
	}

	/**
	 * Moves a finished work file to its place, stamped with the time it arrived (so the orphan sweep
	 * can tell a file whose row is being committed right now); answers false when an identical file
	 * was already there.
	 */
	boolean moveIn(Path workFile, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		if (Files.exists(target)) {
			Files.deleteIfExists(workFile);
			return false;
		}
		try {
			Files.move(workFile, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(workFile, target);
		}
		catch (FileAlreadyExistsException e) {
			Files.deleteIfExists(workFile);
			return false;
		}
		try {
			Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
		}
		catch (IOException e) {
			log.debug("could not stamp {}: {}", target, e.toString()); // the file is in place; only the sweep's guard is weaker
		}
		return true;
	}

	void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("could not delete {}: {}", file, e.toString());
		}
	}

	private void clearWorkDir() throws IOException {
		try (Stream<Path> leftovers = Files.list(work)) {
			leftovers.filter(Files::isRegularFile).forEach(this::deleteQuietly);
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
