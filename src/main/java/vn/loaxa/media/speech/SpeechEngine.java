package vn.loaxa.media.speech;

import java.nio.file.Path;

/** Something that turns prepared text into a WAV file: espeak-ng, piper, or an HTTP service. */
public interface SpeechEngine {

	/** A short name for messages and the clip history, e.g. "espeak-ng (vi)". */
	String label();

	/** Whether it can run here now (command found, model present); never throws. */
	boolean ready();

	/**
	 * Speaks {@code text} into {@code wav}; {@code work} is a folder for its own temporary files. Throws
	 * {@link ImportRefused} ({@code tts_failed}, {@code tts_timeout}, {@code tts_unavailable}) when no
	 * usable WAV came out.
	 */
	void speak(String text, Path wav, Path work);
}
