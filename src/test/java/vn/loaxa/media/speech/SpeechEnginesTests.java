package vn.loaxa.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.loaxa.media.internal.ImportRefused;
import vn.loaxa.support.Requires;
import vn.loaxa.support.TestAudio;

/** The engine chosen by {@code loaxa.tts.*}, without Spring: which settings give an engine that can run. */
class SpeechEnginesTests {

	static TtsProperties settings(String engine, String command, String voice, Path model) {
		return new TtsProperties(engine, command, voice, 150, model, null, null, Duration.ofSeconds(30), 10_000);
	}

	@Test
	void noEngineUnlessOneIsNamed() {
		assertThat(new SpeechEngines(settings(null, null, null, null)).ready()).isEmpty();
		assertThat(new SpeechEngines(settings("  ", null, null, null)).ready()).isEmpty();
		assertThat(new SpeechEngines(settings("festival", null, null, null)).ready()).as("an unknown engine").isEmpty();
	}

	@Test
	void anEngineWhoseProgramIsAbsentIsNotReady(@TempDir Path dir) throws Exception {
		assertThat(new SpeechEngines(settings("espeak-ng", dir.resolve("espeak-ng").toString(), null, null)).ready())
			.isEmpty();
		assertThat(new SpeechEngines(settings("espeak-ng", "khong-co-chuong-trinh-nay", null, null)).ready()).isEmpty();
		assertThat(new SpeechEngines(settings("piper", "khong-co-piper", null, dir.resolve("vi.onnx"))).ready()).isEmpty();
		assertThat(new SpeechEngines(settings("http", null, null, null)).ready()).as("http without a URL").isEmpty();
	}

	@Test
	void aPiperWithoutItsModelFileIsNotReady(@TempDir Path dir) throws Exception {
		Path program = Files.writeString(dir.resolve("piper"), "#!/bin/sh\nexit 0\n");
		program.toFile().setExecutable(true);
		assertThat(new SpeechEngines(settings("piper", program.toString(), null, dir.resolve("vi.onnx"))).ready()).isEmpty();
		Files.writeString(dir.resolve("vi.onnx"), "model");
		assertThat(new SpeechEngines(settings("piper", program.toString(), null, dir.resolve("vi.onnx"))).ready())
			.isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "vi", "vi-vn-x-central", "vi-vn-x-south" })
	void espeakNgSpeaksEachRegionsVoice(String voice, @TempDir Path dir) throws Exception {
		Requires.espeakNg();
		SpeechEngine engine = new SpeechEngines(settings("espeak-ng", null, voice, null)).ready().orElseThrow();
		Path wav = dir.resolve("out.wav");
		Files.createFile(wav);

		engine.speak("Xin chào bà con thôn Bản Nà Lầy", wav, dir);

		assertThat(TestAudio.decodedMs(wav)).as("8 words").isBetween(8 * 200.0, 8 * 1000.0);
		try (var left = Files.list(dir)) {
			assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out.wav");
		}
	}

	@Test
	void aMissingProgramAtSpeakingTimeIsUnavailable(@TempDir Path dir) {
		SpeechEngine engine = new CommandSpeech(CommandSpeech.Kind.ESPEAK_NG,
				settings("espeak-ng", dir.resolve("gone").toString(), null, null));
		assertThatThrownBy(() -> engine.speak("xin chào", dir.resolve("out.wav"), dir)).isInstanceOfSatisfying(
				ImportRefused.class, e -> assertThat(e.code()).isEqualTo("tts_unavailable"));
	}
}
