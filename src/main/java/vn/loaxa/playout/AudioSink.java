package vn.loaxa.playout;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;

/** Where a channel's audio goes: a sound-card line or a WAV file. */
interface AudioSink {

	SinkSession open(String label, AudioFormat format) throws IOException;

	/**
	 * A session for live sound: a line keeps only {@code bufferMs} queued, since every millisecond
	 * queued is a millisecond between the microphone and the loudspeakers; a file ignores it.
	 */
	default SinkSession openLive(String label, AudioFormat format, int bufferMs) throws IOException {
		return open(label, format);
	}

	String describe();
}
