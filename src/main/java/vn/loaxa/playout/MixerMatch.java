package vn.loaxa.playout;

import java.util.Locale;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;

/**
 * A Java Sound mixer looked up by (part of) its name, among those offering a line of one kind: an
 * output line for a channel ({@code output}), an input line for the microphone
 * ({@code loaxa.live.capture}). {@code mixer} is the first whose name contains {@code wanted}, or
 * null; {@code any} says whether the PC has such a line at all.
 */
record MixerMatch(Mixer.Info mixer, boolean any, String wanted) {

	static MixerMatch find(Class<? extends Line> lineType, AudioFormat format, String wanted) {
		DataLine.Info info = new DataLine.Info(lineType, format);
		String name = wanted.toLowerCase(Locale.ROOT);
		boolean any = false;
		for (Mixer.Info mixer : AudioSystem.getMixerInfo()) {
			if (!AudioSystem.getMixer(mixer).isLineSupported(info)) {
				continue;
			}
			any = true;
			if (mixer.getName().toLowerCase(Locale.ROOT).contains(name)) {
				return new MixerMatch(mixer, true, wanted);
			}
		}
		return new MixerMatch(null, any, wanted);
	}

	/**
	 * Opens and starts a capture line on the matched mixer (the PC's default when none was named), with
	 * a buffer of {@code bufferBytes}: the microphone of a live announcement, a receiver relayed.
	 */
	TargetDataLine openCapture(AudioFormat format, int bufferBytes) throws LineUnavailableException {
		DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
		TargetDataLine line = (TargetDataLine) (mixer == null ? AudioSystem.getLine(info)
				: AudioSystem.getMixer(mixer).getLine(info));
		line.open(format, bufferBytes);
		line.start();
		return line;
	}

	/** The named mixer was found, or {@code default} was wanted and the PC has a line of the kind (null mixer). */
	boolean usable() {
		return mixer != null || (any && "default".equalsIgnoreCase(wanted));
	}
}
