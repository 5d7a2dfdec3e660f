package vn.loaxa.playout;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.AirCheckRef;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;

/**
 * One channel's share of a live announcement, on that channel's thread (so a slot due meanwhile
 * waits behind it and airs within its grace window, or gets MISSED): switches the zones on, opens
 * the line with the live buffer, tells the feed it is ready, and writes what the microphone gives
 * until the feed ends or the channel is stopped.
 */
@Component
class LivePlayer {

	/** What to air: the zones of one channel, fed by {@code feed}; {@code now} is the page's line while it airs. */
	record Part(OutputChannel channel, List<Zone> zones, LiveFeed feed, NowPlaying now) {
	}

	/**
	 * How it went on the channel: the zones that were on, with when their first and last frame were
	 * heard, the outcome for them, and the zones lost on the way (switch failed) with why.
	 */
	record Aired(List<String> zonesOn, Instant start, Instant end, long playedMs, Outcome outcome, Reason reason,
			String detail, Map<String, String> zonesLost, AirCheckRef airCheck, String airCheckFailure) {

		Aired(List<String> zonesOn, Instant start, Instant end, long playedMs, Outcome outcome, Reason reason,
				String detail, Map<String, String> zonesLost) {
			this(zonesOn, start, end, playedMs, outcome, reason, detail, zonesLost, null, null);
		}

		/** With the channel's air-check of it (null), or why none was kept (null: air-checks are off). */
		Aired withAirCheck(AirCheckRef check, String failure) {
			return new Aired(zonesOn, start, end, playedMs, outcome, reason, detail, zonesLost, check, failure);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(LivePlayer.class);
	/** A microphone silent this long (its chunks come every 10 ms) is late: the line gets silence meanwhile. */
	private static final long GAP_MS = 30;

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final LiveProperties live;
	private final AirChecks airChecks;

	LivePlayer(Sinks sinks, ZoneSwitch zoneSwitch, LiveProperties live, AirChecks airChecks) {
		this.airChecks = airChecks;
		this.sinks = sinks;
		this.zoneSwitch = zoneSwitch;
		this.live = live;
	}

	Aired play(Part part, Cue cue, Consumer<NowPlaying> now) {
		Map<String, String> lost = new LinkedHashMap<>();
		List<Zone> on = zoneSwitch.onAll(part.zones(), (zone, why) -> lost.put(zone.id(), why));
		AirCheckTap session = null;
		try {
			if (on.isEmpty()) {
				part.feed().ready();
				return failed(on, Reason.SWITCH_FAILED, "no zone could be switched on", lost);
			}
			try {
				// everything the channel writes is kept in its air-check, whose hash its records carry
				session = airChecks.tap(sinks.of(part.channel()).openLive("live", sinks.format(),
						(int) live.lineBuffer().toMillis()), part.channel(), LiveAnnouncements.LIVE, sinks.format());
			}
			catch (IOException | RuntimeException e) {
				part.feed().ready();
				log.error("channel {}: live announcement cannot open the sink: {}", part.channel().id(), e.toString());
				return failed(on, Reason.SINK_UNAVAILABLE, e.toString(), lost);
			}
			part.feed().ready();
			now.accept(part.now());
			Aired aired = feed(part, cue, session, on, lost);
			java.util.Optional<AirCheckFile> kept = session.finishAirCheck();
			return aired.withAirCheck(kept.map(AirCheckFile::ref).orElse(null),
					kept.isPresent() ? null : session.airCheck().failure());
		}
		finally {
			now.accept(null);
			SinkSession.closeQuietly(session);
			on.forEach(zoneSwitch::off);
		}
	}

	private Aired feed(Part part, Cue cue, SinkSession session, List<Zone> on, Map<String, String> lost) {
		Instant start = null;
		long firstFrame = 0;
		int frameSize = sinks.format().getFrameSize();
		int mostWaiting = 0;
		byte[] quiet = new byte[(int) (sinks.format().getFrameRate() / 200) * frameSize];
		try {
			byte[] chunk;
			while (cue.stopped() == null && (chunk = part.feed().next(start == null ? 5 : GAP_MS)) != null) {
				mostWaiting = Math.max(mostWaiting, part.feed().waiting());
				int n = chunk.length - chunk.length % frameSize;
				if (n == 0 && session.file() != null) {
					continue; // a file cannot run dry
				}
				if (n == 0) {
					// the microphone is late: 5 ms of silence so the line never runs dry (a line that does, PulseAudio's
					// among them, waits to refill its whole buffer before it plays again, and the delay grows)
					session.write(quiet, 0, quiet.length);
					continue;
				}
				if (start == null) {
					// when the first word is heard: the frames still queued ahead of it, by the device's position
					start = session.instantAt(session.framesWritten());
					firstFrame = session.framesWritten();
				}
				session.write(chunk, 0, n);
			}
			session.drain();
		}
		catch (IOException | RuntimeException e) {
			long frames = session.framesWritten();
			return new Aired(ids(on), start, session.instantAt(frames), ms(frames - firstFrame),
					frames > 0 ? Outcome.PARTIAL : Outcome.FAILED, Reason.WRITE_FAILED, e.toString(), lost);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		long frames = session.framesWritten();
		Instant end = session.instantAt(frames);
		if (start == null) {
			start = end;
		}
		Cue.Stop stop = cue.stopped();
		if (stop != null) {
			return new Aired(ids(on), start, end, ms(frames - firstFrame), Outcome.INTERRUPTED, stop.reason(), stop.detail(), lost);
		}
		log.info("channel {}: live announcement played {} ms; at most {} chunk(s) of 10 ms waited, {} dropped to keep "
				+ "the delay short", part.channel().id(), ms(frames - firstFrame), mostWaiting, part.feed().dropped());
		return new Aired(ids(on), start, end, ms(frames - firstFrame), Outcome.PLAYED, null, null, lost);
	}

	private static Aired failed(List<Zone> on, Reason reason, String detail, Map<String, String> lost) {
		return new Aired(ids(on), null, null, 0, Outcome.FAILED, reason, detail, lost);
	}

	private static List<String> ids(List<Zone> zones) {
		return zones.stream().map(Zone::id).toList();
	}

	private long ms(long frames) {
		return Math.round(frames * 1000.0 / sinks.format().getFrameRate());
	}
}
