package vn.loaxa.media;

import java.util.Locale;

/** The container a file really is (from ffprobe, not from its name), and how we store it. */
enum AudioFormat {
	MP3("mp3", "MP3"), WAV("wav", "WAV"), OGG("ogg", "Ogg"), M4A("m4a", "M4A/AAC"), FLAC("flac", "FLAC"),
	AAC("aac", "AAC"), WMA("wma", "WMA"), OTHER("bin", "khác");

	private final String extension;
	private final String label;

	AudioFormat(String extension, String label) {
		this.extension = extension;
		this.label = label;
	}

	String extension() {
		return extension;
	}

	String label() {
		return label;
	}

	static AudioFormat fromProbe(String formatName) {
		String name = formatName == null ? "" : formatName.toLowerCase(Locale.ROOT);
		if (name.equals("mp3")) return MP3;
		if (name.equals("wav")) return WAV;
		if (name.equals("ogg")) return OGG;
		if (name.contains("mp4") || name.contains("m4a")) return M4A;
		if (name.equals("flac")) return FLAC;
		if (name.equals("aac")) return AAC;
		if (name.equals("asf")) return WMA;
		return OTHER;
	}
}
