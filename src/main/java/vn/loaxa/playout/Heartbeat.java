package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Schedule;

/**
 * Playout's heartbeat: every 5 s the {@code alive} marker (the next start catches up from it), and
 * after a gap (the PC slept, the clock jumped) the slots of the window get their records. The beat
 * and the marker move past a window only once its catch-up succeeded: one that fails (the database
 * refuses) is tried again at the next beat, the next start, and {@link #catchUpPendingSince()} says so.
 */
final class Heartbeat {

	private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
	static final Duration EVERY = Duration.ofSeconds(5);

	private final SlotRunner runner;
	private final SlotRuns runs;
	private final Schedule schedule;
	private final LoaxaClock clock;
	private final boolean clustered;
	private final Duration peerStale;
	private ScheduledExecutorService thread;
	private volatile Instant lastBeat;
	private volatile Instant catchUpFailed;

	Heartbeat(SlotRunner runner, SlotRuns runs, Schedule schedule, LoaxaClock clock, boolean clustered,
			Duration peerStale) {
		this.runner = runner;
		this.runs = runs;
		this.schedule = schedule;
		this.clock = clock;
		this.clustered = clustered;
		this.peerStale = peerStale;
	}

	/** Catches up since the last run was alive, then beats; false on the very first start (no marker). */
	boolean start(Instant now, int cut) {
		var since = runs.lastAlive();
		if (since.isPresent()) {
			log.info("playout start: last alive {}, catching up on slots since then ({} clips were cut in flight)",
					since.get(), cut);
			lastBeat = since.get();
			try {
				awake(now, true);
			}
			catch (RuntimeException e) {
				// said loudly in awake; playout starts all the same and the next beat retries the window
			}
		}
		else {
			runs.alive(now);
			lastBeat = now;
		}
		thread = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "playout-heartbeat");
			t.setDaemon(true);
			return t;
		});
		thread.scheduleAtFixedRate(this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
		return since.isPresent();
	}

	void stop() {
		if (thread != null) {
			thread.shutdownNow();
		}
	}

	/** The last beat, at shutdown; not past a window still to catch up (the next start does it). */
	void last() {
		if (catchUpFailed != null) {
			log.error("SHUTDOWN WITH THE SLOTS SINCE {} NOT CAUGHT UP: the next start records them", catchUpFailed);
			return;
		}
		try {
			runs.alive(clock.now().toInstant());
		}
		catch (RuntimeException e) {
			log.debug("final heartbeat failed: {}", e.toString());
		}
	}

	/** The start of a window whose slots have no record yet (its catch-up failed), or null. */
	Instant catchUpPendingSince() {
		return catchUpFailed;
	}

	/** What a sleep of the PC since {@code since} leaves: its last beat then (tests cannot freeze the JVM). */
	void asleepSince(Instant since) {
		runs.alive(since);
		lastBeat = since;
	}

	private void beat() {
		Instant now = clock.now().toInstant();
		try {
			if (clustered) {
				schedule.refresh();
				runner.recoverInFlightInCluster(now, peerStale, false);
			}
			awake(now, false);
		}
		catch (RuntimeException e) {
			if (catchUpFailed == null && catchUpDue(now, false)) {
				catchUpFailed = lastBeat; // the cluster's steps failed before the catch-up could run
			}
			log.warn("heartbeat failed: {}", e.toString());
		}
	}

	private boolean catchUpDue(Instant now, boolean starting) {
		return lastBeat != null && (starting || catchUpFailed != null
				|| Duration.between(lastBeat, now).compareTo(EVERY.multipliedBy(4)) > 0);
	}

	private void awake(Instant now, boolean starting) {
		Instant previous = lastBeat;
		if (catchUpDue(now, starting)) {
			if (!starting) {
				log.warn("playout was asleep or the clock jumped ({} → {}): catching up", previous, now);
			}
			try {
				runner.catchUp(previous, now);
			}
			catch (RuntimeException e) {
				catchUpFailed = previous;
				log.error("CATCH-UP FAILED for {} → {} ({}): the slots of that window have no record yet; "
						+ "tried again at the next heartbeat", previous, now, e.toString());
				throw e;
			}
		}
		catchUpFailed = null;
		runs.alive(now);
		lastBeat = now;
	}
}
