package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.media.internal.ImportRefused;
import vn.loaxa.media.speech.SpeechEngine;
import vn.loaxa.media.speech.SpeechEngines;
import vn.loaxa.media.speech.SpeechText;

/**
 * Text bulletins: typed text checked, prepared for speaking ({@link SpeechText}), spoken by the
 * configured engine into a WAV in {@code <data-dir>/tmp}, and that WAV imported exactly as an
 * uploaded file is, with the text kept on the clip. Any refusal leaves nothing stored and no work file.
 */
@Component
class TextBulletins {

	private static final Logger log = LoggerFactory.getLogger(TextBulletins.class);
	private static final int TITLE_FROM_TEXT = 80;

	private final SpeechEngines engines;
	private final ClipImporter importer;
	private final ClipStore store;

	TextBulletins(SpeechEngines engines, ClipImporter importer, ClipStore store) {
		this.engines = engines;
		this.importer = importer;
		this.store = store;
	}

	/** The engine's name when one is configured and found here; empty: the form says there is none. */
	Optional<String> engine() {
		return engines.ready().map(SpeechEngine::label);
	}

	int maxChars() {
		return engines.maxChars();
	}

	ImportOutcome speak(TextForm form, String by) {
		SpeechEngine engine = engines.ready().orElseThrow(() -> new ImportRefused(503, "tts_unavailable"));
		String text = checked(form.getText());
		String prepared = SpeechText.prepare(text);
		if (!SpeechText.speakable(prepared)) {
			throw ImportRefused.badRequest("text_nothing_to_speak");
		}
		ClipDraft draft = withTitle(form.draft(), text);
		Path wav = null;
		try {
			wav = Files.createTempFile(store.workDir(), "tts-", ".wav");
			long started = System.nanoTime();
			engine.speak(prepared, wav, store.workDir());
			log.info("{} spoke {} characters in {} ms", engine.label(), prepared.length(),
					(System.nanoTime() - started) / 1_000_000);
			try (InputStream in = Files.newInputStream(wav)) {
				return importer.importStream(in, "van-ban.wav", draft, ClipSource.TEXT, by, text);
			}
		}
		catch (IOException e) {
			ImportRefused refused = new ImportRefused(507, "disk");
			refused.initCause(e);
			throw refused;
		}
		finally {
			if (wav != null) {
				store.deleteQuietly(wav);
			}
		}
	}

	/** NFC, no control characters, not empty, within the limit (counted as typed). */
	private String checked(String typed) {
		String text = TextCleaner.multiLine(typed, Integer.MAX_VALUE);
		if (text == null) {
			throw ImportRefused.badRequest("text_empty");
		}
		if (text.length() > maxChars()) {
			throw ImportRefused.badRequest("text_too_long", String.valueOf(text.length()), String.valueOf(maxChars()));
		}
		return text;
	}

	/** A bulletin typed without a title is named by its first line. */
	private static ClipDraft withTitle(ClipDraft draft, String text) {
		if (draft.title() != null && !draft.title().isBlank()) {
			return draft;
		}
		String first = TextCleaner.singleLine(text.lines().findFirst().orElse(text), TITLE_FROM_TEXT);
		return new ClipDraft(first, draft.kind(), draft.topic(), draft.priority(), draft.validFrom(), draft.validUntil(),
				draft.notes());
	}
}
