package vn.loaxa.playout;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

import org.springframework.stereotype.Component;

import vn.loaxa.config.UserError;

/**
 * The microphone or line-in a live announcement is spoken into: a Java Sound {@link TargetDataLine}
 * on the mixer named by {@code loaxa.live.capture}. A PC without one says so (503), before anything
 * on air is touched.
 */
@Component
class CaptureLines {

	private final LiveProperties live;

	CaptureLines(LiveProperties live) {
		this.live = live;
	}

	String name() {
		return live.capture();
	}

	/** Opened and started, with a small buffer so a captured frame is handed on within milliseconds. */
	TargetDataLine open(AudioFormat format) {
		MixerMatch match = MixerMatch.find(TargetDataLine.class, format, live.capture());
		if (!match.usable()) {
			throw new UserError(503, "live_unavailable", "playout.error.noCapture", live.capture());
		}
		try {
			int bytes = (int) (format.getFrameRate() * live.captureBuffer().toMillis() / 1000) * format.getFrameSize();
			return match.openCapture(format, Math.max(bytes, format.getFrameSize() * 256));
		}
		catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
			throw new UserError(503, "live_unavailable", "playout.error.captureFailed", live.capture(),
					String.valueOf(e.getMessage()));
		}
	}
}
