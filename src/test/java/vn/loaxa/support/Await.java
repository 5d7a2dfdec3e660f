package vn.loaxa.support;

import java.time.Duration;

/** Polls a condition of a running LoaXa (a record written, a file grown) until it holds or time runs out. */
public final class Await {

	public interface Check {
		boolean ok() throws Exception;
	}

	private Await() {
	}

	/** Returns as soon as {@code check} holds; an AssertionError naming {@code what} after {@code timeout}. */
	public static void until(String what, Duration timeout, Check check) throws Exception {
		long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
		do {
			if (check.ok()) {
				return;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
	}
}
