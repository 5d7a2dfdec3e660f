package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.programme.ProgrammeItem;

/**
 * Turns what playout did into broadcast records, one per clip per zone, through the broadcast
 * log's public API; the in-flight row of the channel goes in the same transaction, so a record is
 * never both written and still "in flight". What the audio thread reports is written in order by
 * one writer thread, so a slow disk or database never holds up the audio; a programme waits for
 * its records ({@link #flush()}) only after its last frame.
 */
@Component
class AiringRecorder {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(AiringRecorder.class);

	private final BroadcastLog log;
	private final OnAirStore onAir;
	private final TransactionTemplate tx;
	private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "broadcast-recorder");
		t.setDaemon(true);
		return t;
	});

	AiringRecorder(BroadcastLog log, OnAirStore onAir, TransactionTemplate tx) {
		this.log = log;
		this.onAir = onAir;
		this.tx = tx;
	}

	/** In order, off the audio thread. */
	void later(Runnable write) {
		writer.submit(() -> {
			try {
				write.run();
			}
			catch (RuntimeException e) {
				logger.error("could not write a playout record", e);
			}
		});
	}

	/** Waits until everything handed over so far is written. */
	void flush() {
		try {
			writer.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			logger.error("playout records not written in time", e);
		}
	}

	@jakarta.annotation.PreDestroy
	void close() {
		flush();
		writer.shutdown();
	}

	void clip(String channelId, List<String> zones, String slotName, ProgrammeItem item, Instant scheduled,
			Instant actualStart, Instant actualEnd, long playedMs, Outcome outcome, String reason) {
		tx.executeWithoutResult(status -> {
			if (channelId != null) {
				onAir.clear(channelId);
			}
			for (String zone : zones) {
				log.append(new Airing(zone, slotName, item.clipId(), item.sha256(), item.title(), item.kind(),
						item.topic(), scheduled, actualStart, actualEnd, playedMs, item.durationMs(), outcome, reason));
			}
		});
	}

	void missed(List<String> zones, String slotName, Instant scheduled, String reason) {
		tx.executeWithoutResult(status -> {
			for (String zone : zones) {
				log.append(new Airing(zone, slotName, null, null, null, null, null, scheduled, null, null, 0, 0,
						Outcome.MISSED, reason));
			}
		});
	}

	/** Records a clip cut in flight, once: false when another PC or its player got to it first. */
	boolean interrupted(OnAirStore.InFlight f, String reason) {
		return Boolean.TRUE.equals(tx.execute(status -> {
			if (!onAir.take(f)) {
				return false;
			}
			for (String zone : f.zones()) {
				log.append(new Airing(zone, f.slotName(), f.clipId(), f.sha256(), f.title(), f.kind(), f.topic(),
						f.scheduledStart(), f.actualStart(), f.actualStart().plusMillis(f.playedMs()), f.playedMs(),
						f.durationMs(), Outcome.INTERRUPTED, reason));
			}
			return true;
		}));
	}
}
