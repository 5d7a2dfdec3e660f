package vn.loaxa.media;

import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/** For benchmarks outside this package: the product's air-check encoder on the bundled (or a given) ffmpeg. */
public final class AirCheckEncoders {

	private AirCheckEncoders() {
	}

	public static AirCheckEncoder of(int sampleRate, Path ffmpegOrNull) {
		return new AirCheckEncoder(new FfmpegTools(new MediaProperties(DataSize.ofMegabytes(200), -16, -1, sampleRate,
				false, ffmpegOrNull, null)));
	}
}
