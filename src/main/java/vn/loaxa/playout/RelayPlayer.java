package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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

	private static final int CHUNK_MS = 20;
	/** Of what the stream gave before the beat, how much is kept to be heard on it: the cushion against the network's jitter. */
	private static final long KEEP_MS = 500;
	/** The sink is topped up with silence when less than this is left ahead of the loudspeaker. */
	private static final long STARVING_MS = 30;

	private static final Logger log = LoggerFactory.getLogger(RelayPlayer.class);

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final AiringRecorder recorder;
	private final RelaySources sources;
	private final RelayProperties properties;
	private final RelayWatch watch;
	private final LoaxaClock clock;

	RelayPlayer(Sinks sinks, ZoneSwitch zoneSwitch, AiringRecorder recorder, RelaySources sources,
			RelayProperties properties, RelayWatch watch, LoaxaClock clock) {
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
		SinkSession session = null;
		try {
			if (on.isEmpty()) {
				return empty();
			}
			feed = new RelayFeed(relay, sources, format, properties.maxBackoff(), run.channel().id()).start();
			try {
				session = sinks.of(run.channel()).open(run.slotName(), format);
			}
			catch (IOException | RuntimeException e) {
				on.forEach(z -> records.add(failed(run, relay, end, z.id(), Reason.SINK_UNAVAILABLE, e.toString())));
				return empty();
			}
			RelayRun air = new RelayRun(run, relay, end, cue, now, feed, session);
			air.air();
			return summary(run, relay, end, air, on, records);
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
			List<Airing> records) {
		AudioFormat format = sinks.format();
		List<RelayStretches.Stretch> stretches = air.stretches.all();
		long dueMs = Duration.between(run.occasion().start(), end).toMillis();
		if (stretches.isEmpty()) {
			Cue.Stop stop = air.cue.stopped();
			String tried = String.join("; ", air.feed.refusals());
			String detail = "relay " + relay.id() + ": no address gave sound" + (tried.isEmpty() ? "" : ": " + tried);
			Reason reason = stop == null ? Reason.STREAM_UNAVAILABLE : stop.reason();
			Outcome outcome = stop == null ? Outcome.FAILED : Outcome.MISSED;
			log.warn("channel {}: «{}» {} ({})", run.channel().id(), run.slotName(), reason.code(), detail);
			on.forEach(z -> records.add(new Airing(z.id(), run.slotName(), null, null, relay.name(), null, null,
					run.occasion().start(), null, null, 0, dueMs, outcome,
					stop == null ? detail : stop.detail() + " (" + detail + ")", reason, relay.id(), null)));
			return new ProgrammePlayer.Summary(0, stop == null ? 1 : 0, 0, air.session.file(), null, 0);
		}
		for (RelayStretches.Stretch s : stretches) {
			long playedMs = RelayStretches.millis(s.toFrame() - s.fromFrame(), format);
			String detail = "relay " + relay.id() + " from " + s.where() + (s.detail() == null ? "" : ": " + s.detail());
			log.info("channel {}: «{}» relayed {} ms from {} ({}{})", run.channel().id(), run.slotName(), playedMs,
					s.where(), s.outcome(), s.reason() == null ? "" : " " + s.reason().code());
			for (Zone zone : on) {
				records.add(new Airing(zone.id(), run.slotName(), null, null, relay.name(), null, null,
						run.occasion().start(), air.session.instantAt(s.fromFrame()), air.session.instantAt(s.toFrame()),
						playedMs, dueMs, s.outcome(), detail, s.reason(), relay.id(), s.where()));
			}
		}
		int played = (int) stretches.stream().filter(s -> s.outcome() == Outcome.PLAYED).count();
		int interrupted = (int) stretches.stream().filter(s -> s.outcome() == Outcome.INTERRUPTED).count();
		return new ProgrammePlayer.Summary(played, 0, interrupted, air.session.file(),
				air.session.instantAt(stretches.get(0).fromFrame()), air.session.framesWritten());
	}

	private static Airing failed(Run run, Relay relay, Instant end, String zoneId, Reason reason, String detail) {
		return new Airing(zoneId, run.slotName(), null, null, relay.name(), null, null, run.occasion().start(), null,
				null, 0, Duration.between(run.occasion().start(), end).toMillis(), Outcome.FAILED, detail, reason,
				relay.id(), null);
	}

	private static ProgrammePlayer.Summary empty() {
		return new ProgrammePlayer.Summary(0, 0, 0, null, null, 0);
	}

	/** One relay run on the channel's thread: the pre-roll, then the sink fed frame by frame to the slot's end. */
	private final class RelayRun {

		final Run run;
		final Relay relay;
		final Instant end;
		final Cue cue;
		final Consumer<NowPlaying> now;
		final RelayFeed feed;
		final SinkSession session;
		final RelayStretches stretches = new RelayStretches();
		final AudioFormat format = sinks.format();
		final byte[] silence = new byte[(int) (format.getFrameRate() * CHUNK_MS / 1000) * format.getFrameSize()];
		final Deque<byte[]> kept = new ArrayDeque<>();
		/** The address connected last; null while the feed looks for one (sound then is the old source's). */
		String where;
		long target = Long.MAX_VALUE;
		long lastSoundNanos;

		RelayRun(Run run, Relay relay, Instant end, Cue cue, Consumer<NowPlaying> now, RelayFeed feed,
				SinkSession session) {
			this.run = run;
			this.relay = relay;
			this.end = end;
			this.cue = cue;
			this.now = now;
			this.feed = feed;
			this.session = session;
		}

		void air() {
			try {
				preRoll();
				session.holdUntil(run.occasion().airAt());
				Instant first = clock.now().toInstant();
				target = Math.max(0, Math.round(Duration.between(first, end).toNanos() * format.getFrameRate() / 1e9));
				down(first, "connecting");
				while (session.framesWritten() < target && cue.stopped() == null) {
					RelayFeed.Event event = kept.isEmpty() ? feed.poll(CHUNK_MS / 2) : new RelayFeed.Sound(kept.poll());
					boolean sound = handle(event);
					checkStall();
					if (!sound && starving()) {
						write(silence, silence.length);
					}
				}
				session.drain();
			}
			catch (IOException e) {
				stretches.end(session.framesWritten(), Outcome.PARTIAL, Reason.WRITE_FAILED, e.toString());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			Cue.Stop stop = cue.stopped();
			if (stop != null) {
				stretches.end(session.framesWritten(), Outcome.INTERRUPTED, stop.reason(), stop.detail());
			}
			else {
				stretches.end(session.framesWritten(), Outcome.PLAYED, null, run.occasion().note());
			}
		}

		/** Before the beat: the feed connects; of its sound only the last {@link #KEEP_MS} is kept. */
		private void preRoll() throws InterruptedException {
			Instant airAt = run.occasion().airAt();
			long keep = Math.round(format.getFrameRate() * KEEP_MS / 1000) * format.getFrameSize();
			long keptBytes = 0;
			while (airAt != null && clock.now().toInstant().plusMillis(CHUNK_MS).isBefore(airAt)) {
				RelayFeed.Event event = feed.poll(5);
				if (event instanceof RelayFeed.Connected c) {
					where = c.where();
				}
				else if (event instanceof RelayFeed.Lost) {
					where = null;
					kept.clear();
					keptBytes = 0;
				}
				else if (event instanceof RelayFeed.Sound s && where != null) {
					kept.add(s.pcm());
					keptBytes += s.pcm().length;
					while (keptBytes - kept.peek().length >= keep) {
						keptBytes -= kept.poll().length;
					}
				}
			}
		}

		/** Whether the event was sound written to the channel. */
		private boolean handle(RelayFeed.Event event) throws IOException {
			if (event instanceof RelayFeed.Connected c) {
				where = c.where();
			}
			else if (event instanceof RelayFeed.Lost l) {
				if (stretches.open() && l.where().equals(where)) {
					lost(Reason.ofCode(l.code()), l.detail());
				}
				where = null;
			}
			else if (event instanceof RelayFeed.Sound s && where != null) {
				long frame = session.framesWritten();
				if (!stretches.open()) {
					on(where);
				}
				boolean quiet = RelayStretches.quiet(s.pcm(), s.pcm().length, properties.silenceLevel());
				stretches.sound(where, frame, s.pcm().length / format.getFrameSize(), quiet);
				lastSoundNanos = System.nanoTime();
				long silenceFrames = Math.round(properties.silence().toMillis() * format.getFrameRate() / 1000);
				if (stretches.silentFrames(frame) >= silenceFrames) {
					String detail = "below " + properties.silenceLevel() + " dBFS for " + properties.silence().toSeconds()
							+ " s";
					lost(Reason.SILENCE, detail);
					feed.abandon(RelayFeed.SILENCE, detail);
					where = null;
				}
				write(s.pcm(), s.pcm().length);
				return true;
			}
			return false;
		}

		private void checkStall() {
			if (stretches.open() && System.nanoTime() - lastSoundNanos > properties.stall().toNanos()) {
				String detail = "no sound data for " + properties.stall().toSeconds() + " s";
				lost(Reason.STREAM_LOST, detail);
				feed.abandon(RelayFeed.STREAM_LOST, detail);
				where = null;
			}
		}

		private void lost(Reason reason, String detail) {
			stretches.lost(reason, detail);
			down(clock.now().toInstant(), reason.code() + ": " + detail);
		}

		private boolean starving() {
			return session.instantAt(session.framesWritten())
				.isBefore(clock.now().toInstant().plusMillis(STARVING_MS));
		}

		/** Writes at most up to the slot's end. */
		private void write(byte[] pcm, int length) throws IOException {
			long room = (target - session.framesWritten()) * format.getFrameSize();
			int n = (int) Math.min(length, room);
			if (n > 0) {
				session.write(pcm, 0, n);
			}
		}

		private void on(String address) {
			Instant at = clock.now().toInstant();
			watch.on(run.channel().id(), relay, address, at);
			now.accept(new NowPlaying(run.channel().id(), run.slotName(), run.zoneIds(), relay.name(), null, at,
					Duration.between(at, end).toMillis(), 1, 1, List.of()));
		}

		private void down(Instant since, String why) {
			watch.down(run.channel().id(), relay, since, why);
			now.accept(new NowPlaying(run.channel().id(), run.slotName(), run.zoneIds(),
					relay.name() + " — " + RelayWatch.RECONNECTING, null, since, Duration.between(since, end).toMillis(),
					1, 1, List.of()));
		}
	}
}
