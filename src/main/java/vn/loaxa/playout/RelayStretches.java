package vn.loaxa.playout;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;

/**
 * The stretches of one relay run on a channel, in frames of its sink session: each begins with the
 * first sound of a source and ends at its last sound before a loss (PARTIAL with the loss's reason),
 * at an interruption (INTERRUPTED), or at the slot's end (PLAYED).
 */
final class RelayStretches {

	/** One stretch, ended: its frames in the session, the address it came from, and how it ended. */
	record Stretch(String where, long fromFrame, long toFrame, Outcome outcome, Reason reason, String detail) {
	}

	private final List<Stretch> ended = new ArrayList<>();
	private String where;
	private long from = -1;
	private long lastSound = -1;
	private long silentFrom = -1;

	boolean open() {
		return from >= 0;
	}

	/** Sound came in at {@code frame}, {@code frames} long, from the address connected last. */
	void sound(String address, long frame, long frames, boolean quiet) {
		if (!open()) {
			where = address;
			from = frame;
			silentFrom = -1;
		}
		if (quiet) {
			silentFrom = silentFrom < 0 ? frame : silentFrom;
		}
		else {
			silentFrom = -1;
			lastSound = frame + frames;
		}
	}

	/** Frames of silence so far in the open stretch (0 when the last chunk had sound). */
	long silentFrames(long frame) {
		return open() && silentFrom >= 0 ? frame - silentFrom : 0;
	}

	/** The open stretch cut by a loss: it ends at its last sound (before the silence, for {@code silence}). */
	void lost(Reason reason, String detail) {
		if (open()) {
			long to = reason == Reason.SILENCE ? silentFrom : Math.max(lastSound, from);
			close(Math.max(to, from), Outcome.PARTIAL, reason, detail);
		}
	}

	/** The open stretch ends here: at the slot's end (PLAYED) or by an interruption. */
	void end(long frame, Outcome outcome, Reason reason, String detail) {
		if (open()) {
			close(frame, outcome, reason, detail);
		}
	}

	private void close(long to, Outcome outcome, Reason reason, String detail) {
		ended.add(new Stretch(where, from, to, outcome, reason, detail));
		from = -1;
		lastSound = -1;
		silentFrom = -1;
	}

	List<Stretch> all() {
		return List.copyOf(ended);
	}

	static long millis(long frames, AudioFormat format) {
		return Math.round(frames * 1000.0 / format.getFrameRate());
	}

	/** Whether a chunk of 16-bit PCM stays below {@code dbfs} (its RMS level). */
	static boolean quiet(byte[] pcm, int length, double dbfs) {
		int samples = length / 2;
		if (samples == 0) {
			return true;
		}
		double sum = 0;
		for (int i = 0; i + 1 < length; i += 2) {
			int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
			sum += (double) s * s;
		}
		double rms = Math.sqrt(sum / samples) / 32768.0;
		return rms == 0 || 20 * Math.log10(rms) < dbfs;
	}
}
