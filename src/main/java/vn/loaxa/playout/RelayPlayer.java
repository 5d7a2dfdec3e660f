package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.AirCheckRef;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Relay;
import vn.loaxa.schedule.Zone;

/**
 * Tiếp sóng: airs a relay slot on one channel, on that channel's thread. The relay's {@link RelayFeed}
 * starts in the pre-roll, so what is heard on the beat is live; from the beat to the slot's end the
 * channel's sink is fed without a break: the relay's sound while a source gives it, silence while it
 * is lost and the feed reconnects. A source with no data for {@code loaxa.relay.stall}, or below
 * {@code loaxa.relay.silence-level} for {@code loaxa.relay.silence}, is given up. Records per zone, one
 * per stretch of sound ({@link RelayStretches}); FAILED {@code stream_unavailable} when no source gave
 * sound at all. The run is cut at the slot's end to the frame and never holds the channel past it.
 */
@Component
class RelayPlayer {


	private static final Logger log = LoggerFactory.getLogger(RelayPlayer.class);

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final AiringRecorder recorder;
	private final RelaySources sources;
	private final RelayProperties properties;
	private final RelayWatch watch;
	private final AirChecks airChecks;
	private final LoaxaClock clock;

	RelayPlayer(Sinks sinks, ZoneSwitch zoneSwitch, AiringRecorder recorder, RelaySources sources,
			RelayProperties properties, RelayWatch watch, AirChecks airChecks, LoaxaClock clock) {
		this.airChecks = airChecks;
		this.sinks = sinks;
		this.zoneSwitch = zoneSwitch;
		this.recorder = recorder;
		this.sources = sources;
		this.properties = properties;
		this.watch = watch;
		this.clock = clock;
	}

	ProgrammePlayer.Summary play(Run run, Relay relay, Instant end, Cue cue, Consumer<NowPlaying> now) {
		List<Airing> records = new ArrayList<>();
		List<Zone> on = zoneSwitch.onAll(run.zones(), (zone, why) -> records.add(failed(run, relay, end, zone.id(),
				Reason.SWITCH_FAILED, why)));
		AudioFormat format = sinks.format();
		RelayFeed feed = null;
		AirCheckTap session = null;
		try {
			if (on.isEmpty()) {
				return empty();
			}
			feed = new RelayFeed(relay, sources, format, properties.maxBackoff(), run.channel().id()).start();
			try {
				session = airChecks.tap(sinks.of(run.channel()).open(run.slotName(), format), run.channel(),
						run.slotName(), format);
			}
			catch (IOException | RuntimeException e) {
				on.forEach(z -> records.add(failed(run, relay, end, z.id(), Reason.SINK_UNAVAILABLE, e.toString())));
				return empty();
			}
			RelayRun air = new RelayRun(new RelayRun.Job(run, relay, end, cue, now), feed, session, format, properties,
					watch, clock);
			air.air();
			Optional<AirCheckFile> kept = session.finishAirCheck();
			String failure = session.airCheck().failure();
			int before = records.size();
			ProgrammePlayer.Summary summary = summary(run, relay, end, air, on, records,
					failure == null ? "" : "; không giữ được bản ghi phát sóng (air-check): " + failure);
			// every record of this run on this channel carries the one air-check of what the channel put out
			AirCheckRef ref = kept.map(AirCheckFile::ref).orElse(null);
			for (int i = before; i < records.size(); i++) {
				records.set(i, records.get(i).withAirCheck(ref));
			}
			return summary;
		}
		finally {
			now.accept(null);
			watch.off(run.channel().id());
			if (feed != null) {
				feed.close();
			}
			SinkSession.closeQuietly(session);
			on.forEach(zoneSwitch::off);
			if (!records.isEmpty()) {
				recorder.record(AiringBatch.of(records));
			}
		}
	}

	List<Playout.RelayDown> down() {
		return watch.down();
	}

	private ProgrammePlayer.Summary summary(Run run, Relay relay, Instant end, RelayRun air, List<Zone> on,
			List<Airing> records, String airCheckNote) {
		AudioFormat format = sinks.format();
		List<RelayStretches.Stretch> stretches = air.stretches.all();
		long dueMs = dueMs(run, end);
		if (stretches.isEmpty()) {
			Cue.Stop stop = air.cue.stopped();
			String tried = String.join("; ", air.feed.refusals());
			String detail = "relay " + relay.id() + ": no address gave sound" + (tried.isEmpty() ? "" : ": " + tried);
			Reason reason = stop == null ? Reason.STREAM_UNAVAILABLE : stop.reason();
			Outcome outcome = stop == null ? Outcome.FAILED : Outcome.MISSED;
			log.warn("channel {}: «{}» {} ({})", run.channel().id(), run.slotName(), reason.code(), detail);
			on.forEach(z -> records.add(Airing.of(z.id(), run.slotName())
				.title(relay.name())
				.scheduled(run.occasion().start())
				.dueMs(dueMs)
				.outcome(outcome)
				.reason((stop == null ? detail : stop.detail() + " (" + detail + ")") + airCheckNote)
				.reasonCode(reason)
				.relay(relay.id(), null)
				.build()));
			return new ProgrammePlayer.Summary(0, stop == null ? 1 : 0, 0, air.session.file(), null, 0);
		}
		for (RelayStretches.Stretch s : stretches) {
			long playedMs = RelayStretches.millis(s.toFrame() - s.fromFrame(), format);
			String detail = "relay " + relay.id() + " from " + s.where() + (s.detail() == null ? "" : ": " + s.detail())
					+ airCheckNote;
			log.info("channel {}: «{}» relayed {} ms from {} ({}{})", run.channel().id(), run.slotName(), playedMs,
					s.where(), s.outcome(), s.reason() == null ? "" : " " + s.reason().code());
			for (Zone zone : on) {
				records.add(Airing.of(zone.id(), run.slotName())
					.title(relay.name())
					.scheduled(run.occasion().start())
					.started(air.session.instantAt(s.fromFrame()))
					.ended(air.session.instantAt(s.toFrame()))
					.playedMs(playedMs)
					.dueMs(dueMs)
					.outcome(s.outcome())
					.reason(detail)
					.reasonCode(s.reason())
					.relay(relay.id(), s.where())
					.build());
			}
		}
		int played = (int) stretches.stream().filter(s -> s.outcome() == Outcome.PLAYED).count();
		int interrupted = (int) stretches.stream().filter(s -> s.outcome() == Outcome.INTERRUPTED).count();
		return new ProgrammePlayer.Summary(played, 0, interrupted, air.session.file(),
				air.session.instantAt(stretches.get(0).fromFrame()), air.session.framesWritten());
	}

	private static Airing failed(Run run, Relay relay, Instant end, String zoneId, Reason reason, String detail) {
		return Airing.of(zoneId, run.slotName())
			.title(relay.name())
			.scheduled(run.occasion().start())
			.dueMs(dueMs(run, end))
			.outcome(Outcome.FAILED)
			.reason(detail)
			.reasonCode(reason)
			.relay(relay.id(), null)
			.build();
	}

	/** The time the station was due: the slot less its tunes (every record of the occasion carries the same). */
	private static long dueMs(Run run, Instant end) {
		long tunes = run.items().stream().mapToLong(i -> i.durationMs()).sum();
		return Math.max(0, Duration.between(run.occasion().start(), end).toMillis() - tunes);
	}

	private static ProgrammePlayer.Summary empty() {
		return new ProgrammePlayer.Summary(0, 0, 0, null, null, 0);
	}
}
