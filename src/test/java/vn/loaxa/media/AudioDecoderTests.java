package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.loaxa.media.internal.ImportRefused;
import vn.loaxa.support.TestAudio;

/** The decoder on its own, with the real bundled ffmpeg: what a file promises against what it holds. */
class AudioDecoderTests {

	private final MediaProperties properties = new MediaProperties(DataSize.ofMegabytes(200), -16, -1, 44100, false,
			null, null);
	private final AudioDecoder decoder = new AudioDecoder(new FfmpegTools(properties), properties);

	@TempDir
	Path work;

	private Path resource(String name) throws Exception {
		return Path.of(getClass().getResource("/audio/" + name).toURI());
	}

	@Test
	void aTruncatedWavPromisesWhatItsHeaderSaysNotWhatFfprobeCapsItTo() throws Exception {
		AudioDecoder.Probe probe = decoder.probe(resource("truncated.wav"), work);

		assertThat(probe.format()).isEqualTo(AudioFormat.WAV);
		assertThat(probe.promisedMs()).isEqualTo(4000L);
		long decoded = decoder.writeCanonical(resource("truncated.wav"), new AudioDecoder.Gain(0, false), work.resolve("c.wav"), work);
		assertThat(decoded).isEqualTo(2000L);
		assertThatThrownBy(() -> decoder.checkComplete(probe, decoded)).isInstanceOfSatisfying(ImportRefused.class,
				e -> {
					assertThat(e.code()).isEqualTo("truncated");
					assertThat(e.args()).containsExactly("4.0", "2.0");
				});
	}

	@Test
	void aCompleteWavPromisesItsLength() throws Exception {
		assertThat(decoder.probe(resource("tone.wav"), work).promisedMs()).isEqualTo(2000L);
	}

	@Test
	void aStreamedWavWithoutALengthPromisesNothingAndIsComplete() throws Exception {
		byte[] wav = TestAudio.uniqueWav(1.5, 44100);
		ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putInt(4, 0xFFFFFFFF); // RIFF size, as a WAV written to a pipe carries it
		int data = indexOf(wav, "data");
		buffer.putInt(data + 4, 0xFFFFFFFF);
		Path file = work.resolve("streamed.wav");
		Files.write(file, wav);

		AudioDecoder.Probe probe = decoder.probe(file, work);
		assertThat(probe.promisedMs()).isNull();
		long decoded = decoder.writeCanonical(file, new AudioDecoder.Gain(0, false), work.resolve("c.wav"), work);
		assertThat(decoded).isBetween(1490L, 1510L);
		decoder.checkComplete(probe, decoded);
	}

	@Test
	void aTruncatedMp3WithXingPromisesTenSecondsAndHoldsFour() throws Exception {
		AudioDecoder.Probe probe = decoder.probe(resource("truncated-xing.mp3"), work);
		assertThat(probe.promisedMs()).isBetween(9990L, 10040L);
	}

	@Test
	void aVbrMp3WithoutXingPromisesNothing() throws Exception {
		// ffprobe guesses 8.1 s from the bitrate of the first frames; a guess is no promise
		assertThat(decoder.probe(resource("vbr-noxing.mp3"), work).promisedMs()).isNull();
	}

	private static int indexOf(byte[] bytes, String ascii) {
		byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		outer: for (int i = 12; i <= bytes.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("no " + ascii + " chunk");
	}
}
