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
 * never both written and still "in flight".
 */
@Component
class AiringRecorder {

	private final BroadcastLog log;
	private final OnAirStore onAir;
	private final TransactionTemplate tx;

	AiringRecorder(BroadcastLog log, OnAirStore onAir, TransactionTemplate tx) {
		this.log = log;
		this.onAir = onAir;
		this.tx = tx;
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

	void interrupted(OnAirStore.InFlight f, String reason) {
		tx.executeWithoutResult(status -> {
			onAir.clear(f.channelId());
			for (String zone : f.zones()) {
				log.append(new Airing(zone, f.slotName(), f.clipId(), f.sha256(), f.title(), f.kind(), f.topic(),
						f.scheduledStart(), f.actualStart(), f.actualStart().plusMillis(f.playedMs()), f.playedMs(),
						f.durationMs(), Outcome.INTERRUPTED, reason));
			}
		});
	}
}
