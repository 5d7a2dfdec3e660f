package vn.loaxa.playout;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

import javax.sound.sampled.AudioFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.StreamDecoder;
import vn.loaxa.schedule.Relay;
import vn.loaxa.schedule.Zone;

/**
 * Tiếp sóng: airs a relay slot on one channel, on that channel's thread. In the pre-roll the relay's
 * addresses are tried in order with the bundled ffmpeg ({@link StreamDecoder}) and the first that gives
 * sound within {@link #ANSWER_WAIT} is kept; its PCM is read and thrown away until the slot's start, so
 * what is heard on the beat is live, then written to the channel's sink as clips are, and cut at the
 * slot's end to the frame. A stalled stream cannot hold the channel: ffmpeg is killed at the end.
 * One record per zone: PLAYED when it ran to the end, PARTIAL when the stream ended before (outages
 * and reconnects are a later step), FAILED {@code stream_unavailable} when no address gave sound.
 */
@Component
class RelayPlayer {

	/** How long an address has to give its first sound before the next one is tried. */
	static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
	/** After the slot's end, how long a read may still block before ffmpeg is killed. */
	private static final long KILL_AFTER_END_MS = 250;
	private static final int CHUNK_MS = 20;
	/** Of what the stream gave before the beat, how much is kept to be heard on it. */
	private static final long KEEP_MS = 200;

	private static final Logger log = LoggerFactory.getLogger(RelayPlayer.class);

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final AiringRecorder recorder;
	private final StreamDecoder decoder;
	private final LoaxaClock clock;
	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "relay-watchdog");
		t.setDaemon(true);
		return t;
	});

	RelayPlayer(Sinks sinks, ZoneSwitch zoneSwitch, AiringRecorder recorder, StreamDecoder decoder, LoaxaClock clock) {
		this.sinks = sinks;
		this.zoneSwitch = zoneSwitch;
		this.recorder = recorder;
		this.decoder = decoder;
		this.clock = clock;
	}

	/** A source that answered: its address and the ffmpeg giving its PCM. */
	private record Source(String url, Process process) {
	}

	ProgrammePlayer.Summary play(Run run, Relay relay, Instant end, Cue cue, Consumer<NowPlaying> now) {
		List<Airing> records = new ArrayList<>();
		List<Zone> on = zoneSwitch.onAll(run.zones(), (zone, why) -> records.add(failed(run, relay, zone.id(),
				Reason.SWITCH_FAILED, why)));
		Source source = null;
		SinkSession session = null;
		AudioFormat format = sinks.format();
		try {
			if (on.isEmpty()) {
				return empty();
			}
			List<String> tried = new ArrayList<>();
			source = open(relay, end, format, tried);
			if (source == null) {
				String detail = "relay " + relay.id() + ": no address gave sound: " + String.join("; ", tried);
				log.warn("channel {}: «{}» {} ({})", run.channel().id(), run.slotName(), Reason.STREAM_UNAVAILABLE.code(),
						detail);
				on.forEach(z -> records.add(failed(run, relay, z.id(), Reason.STREAM_UNAVAILABLE, detail)));
				return empty();
			}
			try {
				session = sinks.of(run.channel()).open(run.slotName(), format);
			}
			catch (IOException | RuntimeException e) {
				on.forEach(z -> records.add(failed(run, relay, z.id(), Reason.SINK_UNAVAILABLE, e.toString())));
				return empty();
			}
			return air(run, relay, end, cue, now, source, session, format, on, records);
		}
		finally {
			now.accept(null);
			if (source != null) {
				source.process().destroyForcibly();
			}
			SinkSession.closeQuietly(session);
			on.forEach(zoneSwitch::off);
			if (!records.isEmpty()) {
				recorder.record(AiringBatch.of(records));
			}
		}
	}

	private ProgrammePlayer.Summary air(Run run, Relay relay, Instant end, Cue cue, Consumer<NowPlaying> now,
			Source source, SinkSession session, AudioFormat format, List<Zone> on, List<Airing> records) {
		InputStream pcm = source.process().getInputStream();
		int frameSize = format.getFrameSize();
		byte[] buffer = new byte[(int) (format.getFrameRate() * CHUNK_MS / 1000) * frameSize];
		Instant airAt = run.occasion().airAt();
		String endedEarly = null;
		long target = 0;
		ScheduledFuture<?> kill = watchdog.schedule(() -> source.process().destroyForcibly(),
				Math.max(0, Duration.between(clock.now().toInstant(), end).toMillis()) + KILL_AFTER_END_MS,
				TimeUnit.MILLISECONDS);
		try {
			// what the stream gives before the beat is thrown away but its last moment, kept so that sound
			// is ready on the beat: the first frame heard is live
			long keep = Math.round(format.getFrameRate() * KEEP_MS / 1000) * frameSize;
			while (airAt != null && clock.now().toInstant().plusMillis(CHUNK_MS).isBefore(airAt)) {
				int available = pcm.available();
				if (available > keep) {
					pcm.skipNBytes(available - keep);
				}
				LockSupport.parkNanos(5_000_000L);
			}
			session.holdUntil(airAt);
			target = Long.MAX_VALUE;
			while (session.framesWritten() < target && cue.stopped() == null) {
				long remaining = target == Long.MAX_VALUE ? buffer.length : (target - session.framesWritten()) * frameSize;
				int want = (int) Math.min(buffer.length, remaining);
				int n = pcm.readNBytes(buffer, 0, want);
				n -= n % frameSize;
				if (n <= 0) {
					endedEarly = "stream ended";
					break;
				}
				if (session.framesWritten() == 0) {
					// the sink's clock starts at its first frame: the slot's end counted from there
					Instant first = clock.now().toInstant();
					target = Math.max(0, Math.round(Duration.between(first, end).toNanos() * format.getFrameRate() / 1e9));
					n = (int) Math.min(n, target * frameSize);
					now.accept(new NowPlaying(run.channel().id(), run.slotName(), run.zoneIds(), relay.name(), null,
							first, Duration.between(first, end).toMillis(), 1, 1, List.of()));
					if (n == 0) {
						break;
					}
				}
				session.write(buffer, 0, n);
			}
			session.drain();
		}
		catch (IOException e) {
			endedEarly = e.toString();
		}
		finally {
			kill.cancel(false);
		}
		if (target == Long.MAX_VALUE) {
			target = 1; // no frame came: nothing ran to the end
		}
		long frames = session.framesWritten();
		long playedMs = Math.round(frames * 1000.0 / format.getFrameRate());
		Instant start = frames == 0 ? null : session.instantAt(0);
		Instant stop = frames == 0 ? null : session.instantAt(frames);
		String where = "relay " + relay.id() + " from " + source.url();
		Outcome outcome;
		Reason reason = null;
		String detail;
		if (cue.stopped() != null) {
			outcome = frames == 0 ? Outcome.MISSED : Outcome.INTERRUPTED;
			reason = cue.stopped().reason();
			detail = cue.stopped().detail() + " (" + where + ")";
		}
		else if (frames >= target) {
			outcome = Outcome.PLAYED;
			detail = run.occasion().note() == null ? where : where + "; " + run.occasion().note();
		}
		else {
			// outages, reconnects and their reason codes are a later step: said in words for now
			outcome = frames == 0 ? Outcome.FAILED : Outcome.PARTIAL;
			reason = frames == 0 ? Reason.STREAM_UNAVAILABLE : null;
			detail = where + ": " + (endedEarly == null ? "stream stopped" : endedEarly) + " after " + playedMs / 1000
					+ " s";
		}
		log.info("channel {}: «{}» relayed {} ms of {} ({})", run.channel().id(), run.slotName(), playedMs,
				relay.id(), outcome);
		long dueMs = Duration.between(run.occasion().start(), end).toMillis();
		for (Zone zone : on) {
			records.add(new Airing(zone.id(), run.slotName(), null, null, relay.name(), null, null,
					run.occasion().start(), start, stop, playedMs, dueMs, outcome, detail, reason, relay.id(),
					source.url()));
		}
		int played = outcome == Outcome.PLAYED ? 1 : 0;
		return new ProgrammePlayer.Summary(played, outcome == Outcome.FAILED ? 1 : 0,
				outcome == Outcome.INTERRUPTED ? 1 : 0, session.file(), start, frames);
	}

	/** The first address that gives sound, in order; each refusal is added to {@code tried}. */
	private Source open(Relay relay, Instant end, AudioFormat format, List<String> tried) {
		if (relay.isInput()) {
			tried.add("input " + relay.input() + " → a relay from the sound card's input is not played yet");
		}
		for (String url : relay.urls()) {
			Instant now = clock.now().toInstant();
			if (!now.isBefore(end)) {
				tried.add(url + " → not tried, the slot had ended");
				continue;
			}
			Instant deadline = now.plus(ANSWER_WAIT).isBefore(end) ? now.plus(ANSWER_WAIT) : end;
			Process process;
			try {
				process = decoder.open(url, Math.round(format.getSampleRate()), format.getChannels());
			}
			catch (IOException e) {
				tried.add(url + " → " + e.getMessage());
				continue;
			}
			String why = answered(process, deadline);
			if (why == null) {
				log.info("relay {}: {} answers", relay.id(), url);
				return new Source(url, process);
			}
			process.destroyForcibly();
			tried.add(url + " → " + why);
			log.warn("relay {}: {} {}", relay.id(), url, why);
		}
		return null;
	}

	/** Null when the process gives PCM before the deadline; else why not. */
	private String answered(Process process, Instant deadline) {
		InputStream pcm = process.getInputStream();
		try {
			while (clock.now().toInstant().isBefore(deadline)) {
				if (pcm.available() > 0) {
					return null;
				}
				if (!process.isAlive()) {
					return pcm.available() > 0 ? null : "no sound (ffmpeg exit " + process.exitValue() + ")";
				}
				LockSupport.parkNanos(10_000_000L);
			}
		}
		catch (IOException e) {
			return e.toString();
		}
		return "no sound in time";
	}

	private static Airing failed(Run run, Relay relay, String zoneId, Reason reason, String detail) {
		return new Airing(zoneId, run.slotName(), null, null, relay.name(), null, null, run.occasion().start(), null,
				null, 0, 0, Outcome.FAILED, detail, reason, relay.id(), null);
	}

	private static ProgrammePlayer.Summary empty() {
		return new ProgrammePlayer.Summary(0, 0, 0, null, null, 0);
	}

	@jakarta.annotation.PreDestroy
	void close() {
		watchdog.shutdownNow();
	}
}
