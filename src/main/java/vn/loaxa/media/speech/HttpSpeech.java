package vn.loaxa.media.speech;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.media.internal.ImportRefused;

/**
 * A speech service for communes with internet: {@code POST loaxa.tts.url} with JSON
 * {@code {text, voice, rate}} (and {@code Authorization: Bearer loaxa.tts.key} when a key is set),
 * answering 200 with a WAV body. Past the time-out the request is abandoned.
 */
final class HttpSpeech implements SpeechEngine {

	private static final Logger log = LoggerFactory.getLogger(HttpSpeech.class);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI url;
	private final String key;
	private final String voice;
	private final int rate;
	private final Duration timeout;
	private final HttpClient client;

	HttpSpeech(TtsProperties settings) {
		this.url = settings.url();
		this.key = settings.key();
		this.voice = settings.voiceOr("vi");
		this.rate = settings.rate();
		this.timeout = settings.timeout();
		this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	@Override
	public String label() {
		return "http (" + (url == null ? "—" : url.getHost()) + ")";
	}

	@Override
	public boolean ready() {
		return url != null && url.getHost() != null;
	}

	@Override
	public void speak(String text, Path wav, Path work) {
		if (!ready()) {
			throw new ImportRefused(503, "tts_unavailable");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Accept", "audio/wav")
			.POST(HttpRequest.BodyPublishers.ofString(body(text)));
		if (key != null && !key.isBlank()) {
			request.header("Authorization", "Bearer " + key.strip());
		}
		try {
			HttpResponse<Path> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofFile(wav, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
			if (response.statusCode() != 200) {
				throw new ImportRefused(502, "tts_failed", "HTTP " + response.statusCode());
			}
		}
		catch (HttpTimeoutException e) {
			throw new ImportRefused(504, "tts_timeout", Math.max(1, timeout.toSeconds()));
		}
		catch (IOException e) {
			log.warn("{} failed: {}", label(), e.toString());
			throw new ImportRefused(502, "tts_failed", e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ImportRefused(502, "tts_failed", "interrupted");
		}
		WavCheck.require(wav, label());
	}

	private String body(String text) {
		try {
			return JSON.writeValueAsString(Map.of("text", text, "voice", voice, "rate", rate));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
