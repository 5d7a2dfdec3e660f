package vn.loaxa.playout;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.StreamDecoder;
import vn.loaxa.schedule.Relay;

/**
 * Opens one of a relay's addresses and waits for it to answer: ffmpeg has to give PCM within
 * {@code loaxa.relay.answer-wait}; a receiver on the sound card's input answers once its line opens
 * (a receiver giving nothing is caught later, as silence).
 */
@Component
class RelaySources {

	/** A source that answered, or why the address did not. */
	record Opened(RelaySource source, String refusal) {
	}

	private final StreamDecoder decoder;
	private final RelayProperties properties;
	private final LoaxaClock clock;

	RelaySources(StreamDecoder decoder, RelayProperties properties, LoaxaClock clock) {
		this.decoder = decoder;
		this.properties = properties;
		this.clock = clock;
	}

	/** The relay's addresses in order, or its one input. */
	static List<String> addresses(Relay relay) {
		return relay.isInput() ? List.of(relay.input()) : relay.urls();
	}

	Opened open(Relay relay, String address, AudioFormat format) {
		if (relay.isInput()) {
			return openLine(address, format);
		}
		Process process;
		try {
			process = decoder.open(address, Math.round(format.getSampleRate()), format.getChannels());
		}
		catch (IOException e) {
			return new Opened(null, e.getMessage());
		}
		String why = answered(process, clock.now().toInstant().plus(properties.answerWait()));
		if (why == null) {
			return new Opened(new RelaySource.Stream(address, process), null);
		}
		process.destroyForcibly();
		return new Opened(null, why);
	}

	private static Opened openLine(String input, AudioFormat format) {
		MixerMatch match = MixerMatch.find(TargetDataLine.class, format, input);
		if (!match.usable()) {
			return new Opened(null, "no capture line «" + input + "» on this PC");
		}
		try {
			TargetDataLine line = match.openCapture(format, (int) (format.getFrameRate() / 10) * format.getFrameSize());
			return new Opened(new RelaySource.Line("input " + input, line), null);
		}
		catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
			return new Opened(null, "capture line «" + input + "»: " + e.getMessage());
		}
	}

	/** Null when the process gives PCM before the deadline; else why not. */
	private String answered(Process process, Instant deadline) {
		InputStream pcm = process.getInputStream();
		try {
			while (clock.now().toInstant().isBefore(deadline)) {
				if (Thread.currentThread().isInterrupted()) {
					return "not waited for: the relay ended";
				}
				if (pcm.available() > 0) {
					return null;
				}
				if (!process.isAlive()) {
					return pcm.available() > 0 ? null : "no sound (ffmpeg exit " + process.exitValue() + ")";
				}
				LockSupport.parkNanos(10_000_000L);
			}
		}
		catch (IOException e) {
			return e.toString();
		}
		return "no sound within " + properties.answerWait().toSeconds() + " s";
	}
}
