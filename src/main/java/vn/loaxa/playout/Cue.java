package vn.loaxa.playout;

import vn.loaxa.broadcast.Reason;

/** The operator's hand on a channel while a programme plays: stop it, or skip the current clip. */
final class Cue {

	/** Why the programme stops: the clip on air is INTERRUPTED, the clips after it MISSED, both with this reason. */
	record Stop(Reason reason, String detail) {
	}

	private volatile Stop stop;
	private volatile String skip;

	void stop(Reason reason, String detail) {
		if (stop == null) {
			stop = new Stop(reason, detail);
		}
	}

	Stop stopped() {
		return stop;
	}

	void skip(String reason) {
		skip = reason;
	}

	/** The skip request, once: the next clip plays normally. */
	String takeSkip() {
		String s = skip;
		skip = null;
		return s;
	}
}
