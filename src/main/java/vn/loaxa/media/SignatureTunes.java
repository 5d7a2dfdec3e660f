package vn.loaxa.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.config.UserError;

/**
 * Signature tunes (nhạc hiệu): files in the media folder, decoded and normalised like clips into
 * the clip store ({@code ab/<sha>.tune.pcm.wav}), but never a {@link Clip}: they are not counted,
 * queued, or logged. Decoded once per file content, then taken from the store.
 */
@Component
class SignatureTunes {

	private final LoaxaProperties properties;
	private final ClipStore store;
	private final AudioDecoder decoder;

	SignatureTunes(LoaxaProperties properties, ClipStore store, AudioDecoder decoder) {
		this.properties = properties;
		this.store = store;
		this.decoder = decoder;
	}

	synchronized Path canonical(String fileName) {
		if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")
				|| fileName.startsWith(".")) {
			throw new UserError(400, "tune_missing", "media.error.tune_missing", String.valueOf(fileName));
		}
		Path source = properties.mediaDir().resolve(fileName);
		if (!Files.isRegularFile(source)) {
			throw new UserError(404, "tune_missing", "media.error.tune_missing", fileName);
		}
		try {
			String sha = FileSha256.of(source);
			Path target = store.original(sha, "wav").resolveSibling(sha + ".tune.pcm.wav");
			if (Files.isRegularFile(target)) {
				return target;
			}
			Path work = store.workDir();
			Path pcm = work.resolve(sha + "-tune.pcm.wav");
			try {
				AudioDecoder.Loudness loudness = decoder.measure(source, work);
				decoder.writeCanonical(source, decoder.gainFor(loudness), pcm, work);
				store.moveIn(pcm, target);
			}
			finally {
				store.deleteQuietly(pcm);
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
