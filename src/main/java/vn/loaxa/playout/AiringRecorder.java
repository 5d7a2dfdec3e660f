package vn.loaxa.playout;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.config.LoaxaClock;

/**
 * The only way playout writes the broadcast log. A batch is handed over from the audio thread,
 * appended to the {@link RecordJournal} (fsynced) by one thread, and written to the log by
 * another, in order, in one transaction with the removal of its clip's {@code on_air} row and the
 * journal entry's id. While the database refuses writes, batches wait in the journal and are
 * retried every {@link #RETRY}; a slow database never holds up the audio, and nothing handed over
 * is lost.
 */
@Component
class AiringRecorder {

	private static final Logger log = LoggerFactory.getLogger(AiringRecorder.class);
	static final Duration RETRY = Duration.ofSeconds(2);

	private final BroadcastLog broadcastLog;
	private final OnAirStore onAir;
	private final RecordJournal journal;
	private final TransactionTemplate tx;
	private final JdbcTemplate jdbc;
	private final LoaxaClock clock;
	private final ScheduledExecutorService journalThread = Executors.newSingleThreadScheduledExecutor(
			daemon("record-journal"));
	private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
			daemon("broadcast-recorder"));
	private final AtomicBoolean retryDue = new AtomicBoolean();
	/** Handed over, not yet durable anywhere: what a shutdown that cannot wait writes to the log. */
	private final java.util.Set<AiringBatch> inHand = java.util.concurrent.ConcurrentHashMap.newKeySet();

	AiringRecorder(BroadcastLog broadcastLog, OnAirStore onAir, RecordJournal journal, TransactionTemplate tx,
			JdbcTemplate jdbc, LoaxaClock clock) {
		this.broadcastLog = broadcastLog;
		this.onAir = onAir;
		this.journal = journal;
		this.tx = tx;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes a batch: durable at once (the journal, else the fallback journal, else the service log),
	 * in the log as soon as the database takes it.
	 */
	void record(AiringBatch batch) {
		inHand.add(batch);
		journalThread.execute(() -> {
			RecordJournal.Place place = journal.append(batch);
			inHand.remove(batch);
			if (place != RecordJournal.Place.JOURNAL) {
				log.error("{} record(s) NOT IN THE JOURNAL {}: kept in {} ({}) until the database takes them",
						batch.airings().size(), journal.file(), place, place == RecordJournal.Place.FALLBACK
								? journal.fallbackFile() : "the service log, read back at the next start");
			}
			writer.execute(this::applyPending);
		});
	}

	/** At start, before recovery: what a previous run left in the journal goes into the log first. */
	int replayJournal() {
		int pending = journal.load();
		if (pending > 0) {
			log.warn("record journal: {} batch(es) left by the previous run, appending them to the log", pending);
			applyOnWriter();
		}
		return pending;
	}

	/** The clip now on air, kept so a crash cannot lose it; best effort, in order with the records. */
	void onAirStarted(OnAirStore.InFlight f) {
		writer.execute(() -> bestEffort(() -> onAir.start(f, clock.now().toInstant())));
	}

	void onAirProgress(String channelId, Instant actualStart, long playedMs) {
		writer.execute(() -> {
			if (journal.size() == 0) {
				bestEffort(() -> onAir.progress(channelId, actualStart, playedMs, clock.now().toInstant()));
			}
		});
	}

	/**
	 * Records a clip that a crash cut in flight, once, at once: false when another PC of a cluster,
	 * or a batch of the journal, got to it first.
	 */
	boolean interrupted(OnAirStore.InFlight f, String detail) {
		return Boolean.TRUE.equals(tx.execute(status -> {
			if (!onAir.take(f)) {
				return false;
			}
			broadcastLog.appendAll(f.zones().stream().map(zone -> vn.loaxa.broadcast.Airing.of(zone, f.slotName())
				.clip(f.clipId(), f.sha256(), f.title(), f.kind(), f.topic())
				.scheduled(f.scheduledStart())
				.started(f.actualStart())
				.ended(f.actualStart().plusMillis(f.playedMs()))
				.playedMs(f.playedMs())
				.dueMs(f.durationMs())
				.outcome(vn.loaxa.broadcast.Outcome.INTERRUPTED)
				.reason(detail)
				.reasonCode(vn.loaxa.broadcast.Reason.CRASH)
				.build()).toList());
			return true;
		}));
	}

	/** The zones with a record of this slot scheduled in [from, to), in the log or waiting in the journal. */
	java.util.Set<String> zonesRecorded(String slotName, Instant from, Instant to) {
		java.util.Set<String> zones = broadcastLog.zonesRecorded(slotName, from, to);
		for (AiringBatch batch : journal.pending()) {
			batch.airings().stream()
				.filter(a -> java.util.Objects.equals(a.slotName(), slotName) && !a.scheduledStart().isBefore(from)
						&& a.scheduledStart().isBefore(to))
				.forEach(a -> zones.add(a.zoneId()));
		}
		return zones;
	}

	/** Batches waiting for the database. */
	int pending() {
		return journal.size();
	}

	/** Waits until everything handed over so far is durable, and up to {@code wait} for it to be in the log. */
	void flush(Duration wait) {
		try {
			journalThread.submit(() -> { }).get(30, TimeUnit.SECONDS);
			long deadline = System.nanoTime() + wait.toNanos();
			while (journal.size() > 0 && System.nanoTime() < deadline) {
				writer.submit(() -> { }).get(wait.toMillis() + 1, TimeUnit.MILLISECONDS);
				if (journal.size() > 0) {
					Thread.sleep(50);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.warn("playout records not yet in the log: {} batch(es) handed over and not yet durable, {} waiting",
					inHand.size(), journal.size());
		}
	}

	/**
	 * Gives the database a last chance, then says where each record that is not in the log waits; a
	 * batch that is not even durable yet (the journal's disk hangs) is written to the service log.
	 */
	@PreDestroy
	void close() {
		flush(Duration.ofSeconds(5));
		journalThread.shutdown();
		writer.shutdown();
		for (AiringBatch batch : List.copyOf(inHand)) {
			log.error("record batch {} not durable at shutdown: into the service log", batch.id());
			journal.toLog(batch);
		}
		if (journal.size() > 0) {
			log.error("SHUTDOWN WITH {} RECORD BATCH(ES) NOT IN THE BROADCAST LOG: {} in the journal {}, {} in the "
					+ "fallback journal {}, {} in the service log only; the next start appends them",
					journal.size(), journal.waiting(RecordJournal.Place.JOURNAL), journal.file(),
					journal.waiting(RecordJournal.Place.FALLBACK), journal.fallbackFile(),
					journal.waiting(RecordJournal.Place.LOG));
		}
	}

	/** Where the pending batches are kept, for {@link RecordKeeping}. */
	RecordJournal journal() {
		return journal;
	}

	private void applyOnWriter() {
		try {
			writer.submit(this::applyPending).get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.warn("record journal replay not finished: {}", e.toString());
		}
	}

	/** On the writer thread: the pending batches, oldest first, until one fails (then retried later). */
	private void applyPending() {
		for (AiringBatch batch : journal.pending()) {
			try {
				tx.executeWithoutResult(status -> apply(batch));
				journal.applied(batch);
			}
			catch (RuntimeException e) {
				log.warn("broadcast log refuses writes ({}): {} batch(es) wait in the journal, retrying in {} s",
						rootMessage(e), journal.size(), RETRY.toSeconds());
				if (retryDue.compareAndSet(false, true)) {
					writer.schedule(() -> {
						retryDue.set(false);
						applyPending();
					}, RETRY.toMillis(), TimeUnit.MILLISECONDS);
				}
				return;
			}
		}
	}

	private void apply(AiringBatch batch) {
		Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM airing_journal_applied WHERE entry_id = ?",
				Integer.class, batch.id());
		if (done != null && done > 0) {
			return; // committed before a crash cut the journal's clean-up
		}
		jdbc.update("INSERT INTO airing_journal_applied (entry_id, applied_at) VALUES (?, ?)", batch.id(),
				Timestamp.from(clock.now().toInstant()));
		broadcastLog.appendAll(batch.airings());
		if (batch.channelId() != null) {
			onAir.clear(batch.channelId(), batch.onAirStart());
		}
	}

	private static void bestEffort(Runnable write) {
		try {
			write.run();
		}
		catch (RuntimeException e) {
			log.warn("on-air marker not written: {}", rootMessage(e));
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		};
	}
}
