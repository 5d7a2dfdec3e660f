package vn.loaxa.playout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.programme.ProgrammeItem;

/**
 * What a run owes the log: one record per clip per zone, whatever happens. Each clip is settled
 * once, as it airs or fails; whatever ends the run early (a sink that cannot open, a write that
 * throws, an operator's stop, a crash of the player's code) settles the clips still due with its
 * reason in {@link #settleRest}, which the player calls last, always. So no clip that was due in
 * a zone can go unrecorded.
 */
final class DueAirings {

	private final Run run;
	private final AiringRecorder recorder;
	private final Set<Integer> settled = new HashSet<>();
	private final java.util.Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
	private List<String> zones;

	DueAirings(Run run, AiringRecorder recorder) {
		this.run = run;
		this.recorder = recorder;
		this.zones = run.zoneIds();
	}

	/** A zone whose loudspeakers could not be switched on: every clip due there FAILED; the others go on. */
	void zoneLost(String zone, Reason reason, String detail) {
		List<Airing> airings = new ArrayList<>();
		for (ProgrammeItem item : run.items()) {
			if (item.isClip()) {
				airings.add(airing(zone, item, null, null, 0, Outcome.FAILED, reason, detail));
			}
		}
		if (!airings.isEmpty()) {
			recorder.record(AiringBatch.of(airings));
		}
		zones = zones.stream().filter(z -> !z.equals(zone)).toList();
	}

	/** Clips settled with this outcome so far. */
	int count(Outcome outcome) {
		return counts.getOrDefault(outcome, 0);
	}

	List<String> zones() {
		return zones;
	}

	/** The clip at {@code index} aired (in full or in part) or failed; its {@code on_air} row goes with it. */
	void settle(int index, Instant start, Instant end, long playedMs, Outcome outcome, Reason reason, String detail) {
		if (!settled.add(index) || zones.isEmpty()) {
			return;
		}
		counts.merge(outcome, 1, Integer::sum);
		ProgrammeItem item = run.items().get(index);
		List<Airing> airings = zones.stream()
			.map(zone -> airing(zone, item, start, end, playedMs, outcome, reason, detail))
			.toList();
		recorder.record(start == null ? AiringBatch.of(airings)
				: AiringBatch.clearing(run.channel().id(), start, airings));
	}

	/** Every clip not yet settled, in every zone still on: none of it aired. */
	void settleRest(Outcome outcome, Reason reason, String detail) {
		for (int index = 0; index < run.items().size(); index++) {
			if (run.items().get(index).isClip() && !settled.contains(index)) {
				settle(index, null, null, 0, outcome, reason, detail);
			}
		}
	}

	private Airing airing(String zone, ProgrammeItem item, Instant start, Instant end, long playedMs, Outcome outcome,
			Reason reason, String detail) {
		return Airing.of(zone, run.slotName())
			.clip(item.clipId(), item.sha256(), item.title(), item.kind(), item.topic())
			.scheduled(run.scheduled(item))
			.started(start)
			.ended(end)
			.playedMs(playedMs)
			.dueMs(item.durationMs())
			.outcome(outcome)
			.reason(detail)
			.reasonCode(reason)
			.build();
	}
}
