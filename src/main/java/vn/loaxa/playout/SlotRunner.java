package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.programme.Programme;
import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.programme.Programmes;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.PlanChanged;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.SlotDue;
import vn.loaxa.schedule.SlotOccurrence;
import vn.loaxa.schedule.Zone;

/**
 * Hands a due slot to its channels under the grace rule (docs/schedule-files.md, "How a slot airs"): on time,
 * the full programme; late within {@code loaxa.playout.grace}, a programme trimmed to what is left
 * of the slot; later, a MISSED record per zone. Each occurrence is claimed once, whoever sees it
 * first (its trigger, a misfire, the catch-up after the PC was off, a plan saved inside the slot's
 * window), and the caller never waits for the audio: each channel plays on its own thread.
 */
@Component
class SlotRunner {

	private static final Logger log = LoggerFactory.getLogger(SlotRunner.class);
	/** Later than this, a start counts as late and the programme is refilled for the time left. */
	static final long LATE_MS = 1000;
	private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);
	/** Where a slot's end is booked, off the channels' threads (it may wait for the records). */
	private final java.util.concurrent.ExecutorService completions = java.util.concurrent.Executors
		.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "slot-completion");
			t.setDaemon(true);
			return t;
		});

	private final Schedule schedule;
	private final Programmes programmes;
	private final ChannelPlayers channels;
	private final SlotRuns runs;
	private final AiringRecorder recorder;
	private final OnAirStore onAir;
	private final LoaxaClock clock;
	private volatile boolean live;

	SlotRunner(Schedule schedule, Programmes programmes, ChannelPlayers channels, SlotRuns runs,
			AiringRecorder recorder, OnAirStore onAir, LoaxaClock clock) {
		this.onAir = onAir;
		this.schedule = schedule;
		this.programmes = programmes;
		this.channels = channels;
		this.runs = runs;
		this.recorder = recorder;
		this.clock = clock;
	}

	/** Playout has recovered what a crash left and takes slots from plan changes too. */
	void live(boolean on) {
		live = on;
	}

	@EventListener
	void due(SlotDue due) {
		start(due.occurrence(), clock.now().toInstant(), Reason.BUSY_PAST_GRACE);
	}

	/** A slot saved (or edited) inside its own window is aired within grace, or MISSED, now. */
	@EventListener
	void planChanged(PlanChanged changed) {
		if (live) {
			inProgress(clock.now().toInstant(), Reason.SAVED_LATE);
		}
	}

	/** Handles an occurrence now and waits until its records are handed over (tests, tools). */
	void handle(SlotOccurrence occurrence, Instant now) {
		start(occurrence, now, Reason.BUSY_PAST_GRACE).join();
		recorder.flush(Duration.ofSeconds(10));
	}

	/**
	 * Claims the occurrence and starts it on its channels; {@code lateReason} is the cause recorded
	 * when it is past grace. The future ends when every channel is done and the run row says how.
	 */
	CompletableFuture<Void> start(SlotOccurrence occurrence, Instant now, Reason lateReason) {
		Map<OutputChannel, List<Zone>> byChannel = schedule.current().zonesByChannel(occurrence.slot());
		List<String> zoneIds = byChannel.values().stream().flatMap(List::stream).map(Zone::id).toList();
		if (!runs.claim(occurrence, zoneIds, now)) {
			log.debug("slot {} at {} already handled", occurrence.slot().key(), occurrence.start());
			return CompletableFuture.completedFuture(null);
		}
		long lateMs = Duration.between(occurrence.startInstant(), now).toMillis();
		Duration grace = programmes.timing().grace();
		if (lateMs > grace.toMillis() || !now.isBefore(occurrence.endInstant())) {
			String detail = "not started within grace " + grace.toSeconds() + "s (late by " + lateMs / 1000 + "s)";
			slotRecords(occurrence, zoneIds, Outcome.MISSED, lateReason, detail);
			finish(occurrence, SlotRuns.State.MISSED, detail);
			return CompletableFuture.completedFuture(null);
		}
		boolean late = lateMs > LATE_MS;
		if (occurrence.slot().isRelay()) {
			return relay(occurrence, byChannel, zoneIds, late, lateMs, grace);
		}
		Programme programme;
		try {
			Duration available = late ? Duration.between(now, occurrence.endInstant()) : occurrence.slot().length();
			programme = programmes.fill(occurrence, late ? now : occurrence.startInstant(), available);
		}
		catch (RuntimeException e) {
			log.error("slot {}: programme could not be filled", occurrence.slot().key(), e);
			slotRecords(occurrence, zoneIds, Outcome.FAILED, Reason.NO_PROGRAMME, e.toString());
			finish(occurrence, SlotRuns.State.FAILED, "fill: " + e.getMessage());
			return CompletableFuture.completedFuture(null);
		}
		if (programme.clips().isEmpty()) {
			slotRecords(occurrence, zoneIds, Outcome.FAILED, Reason.EMPTY_QUEUE, "no eligible clip in the queue");
			finish(occurrence, SlotRuns.State.EMPTY, "no eligible clip");
			return CompletableFuture.completedFuture(null);
		}
		String note = late ? "late start by " + lateMs + " ms, trimmed to the slot's end" : null;
		// planned times stay those of the slot, so a late start shows in the records as lateness
		Run.Occasion occasion = new Run.Occasion(occurrence.slot().name(), occurrence.startInstant(),
				late ? null : occurrence.startInstant(), occurrence.startInstant().plus(grace), note);
		List<CompletableFuture<ProgrammePlayer.Summary>> playing = new ArrayList<>();
		byChannel.forEach((channel, zones) -> playing
			.add(channels.submit(new Run(occasion, channel, zones, programme.items(), programme.pauseMs()))));
		return CompletableFuture.allOf(playing.toArray(CompletableFuture[]::new)).handleAsync((ok, error) -> {
			if (error != null) {
				log.error("slot {}: playout failed", occurrence.slot().key(), error);
				finish(occurrence, SlotRuns.State.FAILED, error.toString());
			}
			else {
				String detail = playing.stream().map(f -> describe(f.join())).reduce((a, b) -> a + "; " + b).orElse("");
				finish(occurrence, SlotRuns.State.DONE, (late ? note + "; " : "") + detail);
			}
			return null;
		}, completions);
	}

	/**
	 * Tiếp sóng: the slot's relay on each of its channels from the beat (or at once when late) to the
	 * slot's end; the relay cut there, whatever the stream does.
	 */
	private CompletableFuture<Void> relay(SlotOccurrence occurrence, Map<OutputChannel, List<Zone>> byChannel,
			List<String> zoneIds, boolean late, long lateMs, Duration grace) {
		java.util.Optional<vn.loaxa.schedule.Relay> relay = schedule.current().relay(occurrence.slot().relay());
		if (relay.isEmpty()) {
			String detail = "relay " + occurrence.slot().relay() + " is not in the plan";
			slotRecords(occurrence, zoneIds, Outcome.FAILED, Reason.STREAM_UNAVAILABLE, detail);
			finish(occurrence, SlotRuns.State.FAILED, detail);
			return CompletableFuture.completedFuture(null);
		}
		String note = late ? "late start by " + lateMs + " ms" : null;
		Run.Occasion occasion = new Run.Occasion(occurrence.slot().name(), occurrence.startInstant(),
				late ? null : occurrence.startInstant(), occurrence.startInstant().plus(grace), note);
		// its tunes only on time: a late relay goes straight to the station
		List<ProgrammeItem> tunes = late ? List.of() : relayTunes(occurrence);
		List<CompletableFuture<ProgrammePlayer.Summary>> playing = new ArrayList<>();
		byChannel.forEach((channel, zones) -> playing.add(channels.submitRelay(new Run(occasion, channel, zones,
				tunes, 0), relay.get(), occurrence.endInstant())));
		return CompletableFuture.allOf(playing.toArray(CompletableFuture[]::new)).handleAsync((ok, error) -> {
			if (error != null) {
				log.error("slot {}: relay failed", occurrence.slot().key(), error);
				finish(occurrence, SlotRuns.State.FAILED, error.toString());
			}
			else {
				String detail = "relay " + relay.get().id() + ": " + playing.stream().map(f -> describe(f.join()))
					.reduce((a, b) -> a + "; " + b).orElse("");
				finish(occurrence, SlotRuns.State.DONE, (late ? note + "; " : "") + detail);
			}
			return null;
		}, completions);
	}

	private List<ProgrammeItem> relayTunes(SlotOccurrence occurrence) {
		try {
			return programmes.fill(occurrence, occurrence.startInstant(), occurrence.slot().length()).items();
		}
		catch (RuntimeException e) {
			log.warn("slot {}: relay aired without its tunes ({})", occurrence.slot().key(), e.toString());
			return List.of();
		}
	}

	private void slotRecords(SlotOccurrence occurrence, List<String> zoneIds, Outcome outcome, Reason reason,
			String detail) {
		log.warn("slot {} at {}: {} {} ({})", occurrence.slot().key(), occurrence.start(), outcome, reason.code(), detail);
		recorder.record(AiringBatch.of(zoneIds.stream()
			.map(zone -> Airing.slotLevel(zone, occurrence.slot().name(), occurrence.startInstant(), outcome, detail, reason))
			.toList()));
	}

	/** The run row says how it ended once its records are in the log (or, the database refusing, in the journal). */
	private void finish(SlotOccurrence occurrence, SlotRuns.State state, String detail) {
		recorder.flush(FLUSH_WAIT);
		try {
			runs.finish(occurrence.slot().key(), occurrence.startInstant(), state, detail, clock.now().toInstant());
		}
		catch (RuntimeException e) {
			// the records are safe in the journal; a run row left STARTED is closed at the next start
			log.warn("slot {} at {}: run row not updated ({})", occurrence.slot().key(), occurrence.start(), e.toString());
		}
	}

	private static String describe(ProgrammePlayer.Summary s) {
		return s.played() + " played, " + s.failed() + " failed, " + s.interrupted() + " interrupted"
				+ (s.file() == null ? "" : " → " + s.file().getFileName());
	}

	// ------------------------------------------------------------------ after a crash or power cut

	/** Crash recovery alone on the database: clips left in flight, then occurrences claimed and never finished. */
	int recoverInFlight() {
		Instant now = clock.now().toInstant();
		int n = interrupt(onAirRows(true, now, null));
		closeClaimed(now, now.plusSeconds(1), "cut by a crash or power cut");
		return n;
	}

	/**
	 * The same in a cluster, where the other PC may be on air right now: this PC's own clips (at its
	 * start) and the other PC's clips whose progress stopped being written {@code stale} ago; only
	 * occurrences claimed longer ago than the longest slot lasts plus the grace window are closed.
	 */
	int recoverInFlightInCluster(Instant now, Duration stale, boolean mine) {
		int n = interrupt(onAirRows(mine, now, stale));
		Duration longest = schedule.current().slots().stream().map(s -> s.length()).max(Duration::compareTo)
			.orElse(Duration.ZERO);
		closeClaimed(now, now.minus(longest).minus(programmes.timing().grace()).minus(stale),
				"cut by a crash or power cut of the PC that aired it");
		return n;
	}

	/** All rows ({@code stale} null: alone on the database), or this PC's and the stale ones of others. */
	private List<OnAirStore.InFlight> onAirRows(boolean mine, Instant now, Duration stale) {
		if (stale == null) {
			return onAir.all();
		}
		List<OnAirStore.InFlight> rows = new ArrayList<>(mine ? onAir.mine() : List.of());
		rows.addAll(onAir.othersNotUpdatedSince(now.minus(stale)));
		return rows;
	}

	/** Claimed occurrences that never finished: every zone without a record of it gets an INTERRUPTED one. */
	private void closeClaimed(Instant now, Instant claimedBefore, String detail) {
		for (SlotRuns.Claimed c : runs.started(claimedBefore)) {
			Instant end = c.endsAt() == null ? c.scheduledStart().plus(Duration.ofHours(24)) : c.endsAt();
			var recorded = recorder.zonesRecorded(c.slotName(), c.scheduledStart(), end);
			List<Airing> airings = c.zones().stream()
				.filter(zone -> !recorded.contains(zone))
				.map(zone -> Airing.slotLevel(zone, c.slotName() == null ? c.slotKey() : c.slotName(), c.scheduledStart(),
						Outcome.INTERRUPTED, detail + " before its first clip was recorded", Reason.CRASH))
				.toList();
			if (!airings.isEmpty()) {
				recorder.record(AiringBatch.of(airings));
				log.warn("slot {} at {} was claimed and cut before airing: INTERRUPTED in {}", c.slotKey(),
						c.scheduledStart(), airings.stream().map(Airing::zoneId).toList());
			}
		}
		recorder.flush(Duration.ofSeconds(10));
		runs.closeStarted(detail, now, claimedBefore);
	}

	private int interrupt(List<OnAirStore.InFlight> inFlight) {
		int n = 0;
		for (OnAirStore.InFlight f : inFlight) {
			if (recorder.interrupted(f, "power cut or crash: " + f.playedMs() / 1000 + "s of " + f.durationMs() / 1000
					+ "s known to have played")) {
				log.warn("channel {}: {} was cut after {} ms by a crash or power cut: recorded INTERRUPTED",
						f.channelId(), f.title(), f.playedMs());
				n++;
			}
		}
		return n;
	}

	// ------------------------------------------------------------------ slots the PC was not there for

	/**
	 * Occurrences in progress now that nobody handled: aired trimmed within grace, else MISSED. The
	 * very first start of a radio PC uses it too: nothing before it is called MISSED, since LoaXa
	 * was not yet there to air it.
	 */
	void inProgress(Instant now, Reason lateReason) {
		for (SlotOccurrence o : schedule.occurrencesBetween(now.minus(Duration.ofHours(24)).atZone(schedule.zone()),
				now.atZone(schedule.zone()))) {
			if (o.covers(now) && !runs.handled(o.slot().key(), o.startInstant())) {
				start(o, now, lateReason);
			}
		}
	}

	/** Occurrences that started between {@code since} and {@code now} and were never handled (the PC was off or asleep). */
	void catchUp(Instant since, Instant now) {
		Instant from = since.isBefore(now.minus(Duration.ofDays(7))) ? now.minus(Duration.ofDays(7)) : since;
		for (SlotOccurrence o : schedule.occurrencesBetween(from.atZone(schedule.zone()), now.atZone(schedule.zone()))) {
			if (!runs.handled(o.slot().key(), o.startInstant())) {
				start(o, clock.now().toInstant(), Reason.PC_OFF);
			}
		}
	}
}
