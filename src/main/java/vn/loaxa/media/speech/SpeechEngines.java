package vn.loaxa.media.speech;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The engine {@code loaxa.tts.engine} names, if any; an unknown name is logged and means none. */
@Component
public class SpeechEngines {

	private static final Logger log = LoggerFactory.getLogger(SpeechEngines.class);

	private final Optional<SpeechEngine> engine;
	private final TtsProperties settings;

	SpeechEngines(TtsProperties settings) {
		this.settings = settings;
		this.engine = choose(settings);
		engine.ifPresent(e -> log.info("text-to-speech: {} ({})", e.label(), e.ready() ? "ready" : "not found on this machine"));
	}

	private static Optional<SpeechEngine> choose(TtsProperties settings) {
		String name = settings.engine() == null ? "" : settings.engine().strip().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "" -> Optional.empty();
			case "espeak-ng", "espeak" -> Optional.of(new CommandSpeech(CommandSpeech.Kind.ESPEAK_NG, settings));
			case "piper" -> Optional.of(new CommandSpeech(CommandSpeech.Kind.PIPER, settings));
			case "http" -> Optional.of(new HttpSpeech(settings));
			default -> {
				log.warn("loaxa.tts.engine={} is not espeak-ng, piper or http: no text-to-speech", settings.engine());
				yield Optional.empty();
			}
		};
	}

	/** The engine when it is configured and can run here now. */
	public Optional<SpeechEngine> ready() {
		return engine.filter(SpeechEngine::ready);
	}

	public int maxChars() {
		return settings.maxChars();
	}
}
