package vn.loaxa.media.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.loaxa.media.internal.ImportRefused;

/** What a speech engine handed back must at least look like a WAV with sound in it. */
final class WavCheck {

	/** A RIFF/WAVE header is 44 bytes: anything not longer holds no sound. */
	private static final int HEADER = 44;

	private WavCheck() {
	}

	static void require(Path wav, String engine) {
		byte[] head;
		long size;
		try (InputStream in = Files.newInputStream(wav)) {
			head = in.readNBytes(12);
			size = Files.size(wav);
		}
		catch (IOException e) {
			throw new ImportRefused(502, "tts_failed", engine + ": no audio file");
		}
		boolean riff = head.length == 12 && new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
				&& new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE");
		if (!riff || size <= HEADER) {
			throw new ImportRefused(502, "tts_failed", engine + ": " + (riff ? "no sound" : "not a WAV file"));
		}
	}
}
