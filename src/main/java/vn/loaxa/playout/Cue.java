package vn.loaxa.playout;

import vn.loaxa.broadcast.Outcome;

/** The operator's hand on a channel while a programme plays: stop it, or skip the current clip. */
final class Cue {

	record Stop(Outcome outcome, String reason) {
	}

	private volatile Stop stop;
	private volatile String skip;

	void stop(Outcome outcome, String reason) {
		if (stop == null) {
			stop = new Stop(outcome, reason);
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
