package vn.loaxa.media;

import java.io.File;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads title, artist and comment with JAudioTagger (ID3v2.3/2.4, Vorbis comments, MP4 atoms,
 * FLAC, WAV INFO). Tags only prefill the form, so a file whose tags cannot be read still imports.
 */
@Component
class TagReader {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(TagReader.class);

	static {
		// JAudioTagger reports every oddity of every file at INFO/WARNING through java.util.logging.
		Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF);
	}

	/** {@code file} must carry the extension of its real format: JAudioTagger picks its reader by it. */
	AudioTags read(File file) {
		try {
			AudioFile audio = AudioFileIO.read(file);
			Tag tag = audio.getTag();
			if (tag == null) {
				return AudioTags.NONE;
			}
			return new AudioTags(first(tag, FieldKey.TITLE), first(tag, FieldKey.ARTIST), first(tag, FieldKey.COMMENT));
		}
		catch (Exception | LinkageError e) {
			log.debug("no readable tags in {}: {}", file.getName(), e.toString());
			return AudioTags.NONE;
		}
	}

	private static String first(Tag tag, FieldKey key) {
		try {
			String value = tag.getFirst(key);
			return TextCleaner.singleLine(value, 300);
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
