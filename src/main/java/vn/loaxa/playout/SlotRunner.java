package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.programme.Programme;
import vn.loaxa.programme.Programmes;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Plan;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotDue;
import vn.loaxa.schedule.SlotOccurrence;
import vn.loaxa.schedule.Zone;

/**
 * Runs a due slot under the grace rule (docs/schedule-files.md, "How a slot airs"): on time, the
 * full programme; late within {@code loaxa.playout.grace}, a programme trimmed to what is left of
 * the slot; later, a MISSED record per zone. Each occurrence is handled once, whoever sees it
 * first: its trigger, a misfire, or the catch-up after the PC was off.
 */
@Component
class SlotRunner {

	private static final Logger log = LoggerFactory.getLogger(SlotRunner.class);
	/** Later than this, a start counts as late and the programme is refilled for the time left. */
	static final long LATE_MS = 1000;

	private final Schedule schedule;
	private final Programmes programmes;
	private final Channels channels;
	private final SlotRuns runs;
	private final OnAirStore onAir;
	private final AiringRecorder recorder;
	private final LoaxaClock clock;
	private final ExecutorService executor;

	SlotRunner(Schedule schedule, Programmes programmes, Channels channels, SlotRuns runs, OnAirStore onAir,
			AiringRecorder recorder, LoaxaClock clock, PlayoutExecutor executor) {
		this.schedule = schedule;
		this.programmes = programmes;
		this.channels = channels;
		this.runs = runs;
		this.onAir = onAir;
		this.recorder = recorder;
		this.clock = clock;
		this.executor = executor.get();
	}

	@EventListener
	void due(SlotDue due) {
		handle(due.occurrence(), clock.now().toInstant());
	}

	/** Handles an occurrence now: plays it (blocking), or records it MISSED, or empty. */
	void handle(SlotOccurrence occurrence, Instant now) {
		Slot slot = occurrence.slot();
		Instant scheduled = occurrence.startInstant();
		if (!runs.claim(slot.key(), scheduled, SlotRuns.State.STARTED, null, now)) {
			log.debug("slot {} at {} already handled", slot.key(), scheduled);
			return;
		}
		Plan plan = schedule.current();
		Map<OutputChannel, List<Zone>> byChannel = plan.zonesByChannel(slot);
		List<String> zoneIds = byChannel.values().stream().flatMap(List::stream).map(Zone::id).toList();
		long lateMs = Duration.between(scheduled, now).toMillis();
		Duration grace = programmes.timing().grace();
		if (lateMs > grace.toMillis() || !now.isBefore(occurrence.endInstant())) {
			String reason = "not started within grace " + grace.toSeconds() + "s (late by " + lateMs / 1000 + "s)";
			recorder.missed(zoneIds, slot.name(), scheduled, reason);
			runs.finish(slot.key(), scheduled, SlotRuns.State.MISSED, reason, now);
			log.warn("slot {} at {} MISSED: {}", slot.key(), occurrence.start(), reason);
			return;
		}
		boolean late = lateMs > LATE_MS;
		// on time (or in the pre-roll before the start): the whole slot; late: what is left of it
		Duration available = late ? Duration.between(now, occurrence.endInstant()) : slot.length();
		Programme programme;
		try {
			programme = programmes.fill(occurrence, late ? now : scheduled, available);
		}
		catch (RuntimeException e) {
			log.error("slot {}: programme could not be filled", slot.key(), e);
			runs.finish(slot.key(), scheduled, SlotRuns.State.FAILED, "fill: " + e.getMessage(), clock.now().toInstant());
			return;
		}
		if (programme.isEmpty()) {
			runs.finish(slot.key(), scheduled, SlotRuns.State.EMPTY, "no eligible clip", now);
			log.info("slot {} at {}: empty programme (no eligible clip in the queue)", slot.key(), occurrence.start());
			return;
		}
		String note = late ? "late start by " + lateMs + " ms, trimmed to the slot's end" : null;
		// planned times stay those of the slot, so a late start shows in the records as lateness
		Instant start = scheduled;
		Instant airAt = late ? null : scheduled;
		List<Future<ProgrammePlayer.Summary>> others = new ArrayList<>();
		ProgrammePlayer.Summary first = null;
		String detail = "";
		try {
			boolean firstChannel = true;
			for (Map.Entry<OutputChannel, List<Zone>> e : byChannel.entrySet()) {
				Run run = new Run(slot.name(), e.getKey(), e.getValue(), start, programme.items(), programme.pauseMs(),
						note, airAt);
				if (firstChannel) {
					firstChannel = false;
					continue;
				}
				others.add(executor.submit(() -> channels.air(run)));
			}
			Map.Entry<OutputChannel, List<Zone>> e = byChannel.entrySet().iterator().next();
			first = channels.air(new Run(slot.name(), e.getKey(), e.getValue(), start, programme.items(),
					programme.pauseMs(), note, airAt));
			detail = describe(first);
			for (Future<ProgrammePlayer.Summary> f : others) {
				detail += "; " + describe(f.get());
			}
			runs.finish(slot.key(), scheduled, SlotRuns.State.DONE, (late ? note + "; " : "") + detail,
					clock.now().toInstant());
		}
		catch (Exception e) {
			log.error("slot {}: playout failed", slot.key(), e);
			runs.finish(slot.key(), scheduled, SlotRuns.State.FAILED, e.toString(), clock.now().toInstant());
		}
	}

	private static String describe(ProgrammePlayer.Summary s) {
		return s.played() + " played, " + s.failed() + " failed, " + s.interrupted() + " interrupted"
				+ (s.file() == null ? "" : " → " + s.file().getFileName());
	}

	/** Crash recovery: clips left in flight become INTERRUPTED records with the time known to have played. */
	int recoverInFlight() {
		int n = interrupt(onAir.all());
		runs.closeStarted("cut by a crash or power cut", clock.now().toInstant());
		return n;
	}

	/**
	 * The same in a cluster, where the other PC may be on air right now: this PC's own clips (at its
	 * start) and the other PC's clips whose progress stopped being written {@code stale} ago (it
	 * crashed or lost power); only occurrences claimed longer ago than the longest slot lasts plus
	 * the grace window are closed.
	 */
	int recoverInFlightInCluster(Instant now, Duration stale, boolean mine) {
		int n = (mine ? interrupt(onAir.mine()) : 0) + interrupt(onAir.othersNotUpdatedSince(now.minus(stale)));
		Duration longest = schedule.current().slots().stream().map(Slot::length).max(Duration::compareTo)
			.orElse(Duration.ZERO);
		runs.closeStarted("cut by a crash or power cut of the PC that aired it", now,
				now.minus(longest).minus(programmes.timing().grace()).minus(stale));
		return n;
	}

	private int interrupt(List<OnAirStore.InFlight> inFlight) {
		int n = 0;
		for (OnAirStore.InFlight f : inFlight) {
			if (!recorder.interrupted(f, "power cut or crash: " + f.playedMs() / 1000 + "s of " + f.durationMs() / 1000
					+ "s known to have played")) {
				continue;
			}
			log.warn("channel {}: {} was cut after {} ms by a crash or power cut: recorded INTERRUPTED", f.channelId(),
					f.title(), f.playedMs());
			n++;
		}
		return n;
	}

	/**
	 * Occurrences that started between {@code since} and {@code now} and were never handled (the PC
	 * was off, asleep, or its clock jumped): aired late if still within grace, else MISSED.
	 */
	/**
	 * The very first start of a radio PC has no "last alive" to catch up from: a slot in progress
	 * still airs within the grace window (trimmed), and nothing before it is called MISSED, since
	 * LoaXa was not yet there to air it.
	 */
	void airInProgress(Instant now) {
		for (SlotOccurrence o : schedule.occurrencesBetween(now.minus(Duration.ofHours(24)).atZone(schedule.zone()),
				now.atZone(schedule.zone()))) {
			if (o.covers(now) && !runs.handled(o.slot().key(), o.startInstant())) {
				executor.submit(() -> handle(o, clock.now().toInstant()));
			}
		}
	}

	void catchUp(Instant since, Instant now) {
		Instant from = since.isBefore(now.minus(Duration.ofDays(7))) ? now.minus(Duration.ofDays(7)) : since;
		for (SlotOccurrence o : schedule.occurrencesBetween(from.atZone(schedule.zone()), now.atZone(schedule.zone()))) {
			if (!runs.handled(o.slot().key(), o.startInstant())) {
				executor.submit(() -> handle(o, clock.now().toInstant()));
			}
		}
	}
}
