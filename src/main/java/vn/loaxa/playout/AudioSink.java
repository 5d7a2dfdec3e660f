package vn.loaxa.playout;

import java.io.IOException;

import javax.sound.sampled.AudioFormat;

/** Where a channel's audio goes: a sound-card line or a WAV file. */
interface AudioSink {

	SinkSession open(String label, AudioFormat format) throws IOException;

	String describe();
}
