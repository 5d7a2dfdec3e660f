package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.Relay;

/**
 * One relay run on the channel's thread: the pre-roll, the intro tune, then the sink fed frame by frame
 * (the relay's sound, or silence while it is lost) up to the outro or the slot's end, then the outro.
 */
final class RelayRun {

	/** What is relayed, where, until when, under whose hand, and whom to tell what is on air. */
	record Job(Run run, Relay relay, Instant end, Cue cue, Consumer<NowPlaying> now) {
	}

	private static final int CHUNK_MS = 20;
	/** Of what the stream gave off air (before the beat, during a tune), how much is kept to be heard: the cushion against the network's jitter. */
	private static final long KEEP_MS = 500;
	/** The sink is topped up with silence when less than this is left ahead of the loudspeaker. */
	private static final long STARVING_MS = 30;
	private static final Logger log = LoggerFactory.getLogger(RelayRun.class);

	final Run run;
	final Relay relay;
	final Instant end;
	final Cue cue;
	final Consumer<NowPlaying> now;
	final RelayFeed feed;
	final SinkSession session;
	final RelayStretches stretches = new RelayStretches();
	final AudioFormat format;
	private final RelayProperties properties;
	private final RelayWatch watch;
	private final LoaxaClock clock;
	final byte[] silence;
	final Deque<byte[]> kept = new ArrayDeque<>();
	/** The address connected last; null while the feed looks for one (sound then is the old source's). */
	String where;
	long keptBytes;
	long target = Long.MAX_VALUE;
	/** The slot's end, in frames of the session from its first (written on the beat). */
	private long slotEnd;
	long lastSoundNanos;

	RelayRun(Job job, RelayFeed feed, SinkSession session, AudioFormat format, RelayProperties properties,
			RelayWatch watch, LoaxaClock clock) {
		this.run = job.run();
		this.relay = job.relay();
		this.end = job.end();
		this.cue = job.cue();
		this.now = job.now();
		this.feed = feed;
		this.session = session;
		this.format = format;
		this.properties = properties;
		this.watch = watch;
		this.clock = clock;
		this.silence = new byte[(int) (format.getFrameRate() * CHUNK_MS / 1000) * format.getFrameSize()];
	}

	void air() {
		try {
			preRoll();
			session.holdUntil(run.occasion().airAt());
			Instant first = clock.now().toInstant();
			slotEnd = Math.max(0, Math.round(Duration.between(first, end).toNanos() * format.getFrameRate() / 1e9));
			ProgrammeItem outro = tune(ProgrammeItem.Part.OUTRO);
			target = slotEnd;
			ProgrammeItem intro = tune(ProgrammeItem.Part.INTRO);
			if (intro != null && run.occasion().airAt() != null) {
				playTune(intro);
			}
			target = Math.max(session.framesWritten(), slotEnd - (outro == null ? 0 : frames(outro.durationMs())));
			down(clock.now().toInstant(), "connecting");
			while (session.framesWritten() < target && cue.stopped() == null) {
				RelayFeed.Event event = kept.isEmpty() ? feed.poll(CHUNK_MS / 2) : keptSound();
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
			return;
		}
		stretches.end(session.framesWritten(), Outcome.PLAYED, null, run.occasion().note());
		ProgrammeItem outro = tune(ProgrammeItem.Part.OUTRO);
		if (outro != null) {
			target = slotEnd;
			playTune(outro);
		}
	}

	private ProgrammeItem tune(ProgrammeItem.Part part) {
		return run.items().stream().filter(i -> i.part() == part).findFirst().orElse(null);
	}

	private long frames(long ms) {
		return Math.round(ms * format.getFrameRate() / 1000);
	}

	/**
	 * A signature tune written to the channel up to the current target; the feed goes on meanwhile,
	 * only its last moments kept, so the relay after the intro is live. A tune that cannot be read
	 * is left out (logged): the relay is what matters.
	 */
	private void playTune(ProgrammeItem tune) {
		try (AudioInputStream in = new ItemPlayback(format).open(tune.audio())) {
			byte[] buffer = new byte[silence.length];
			int n;
			while (cue.stopped() == null && (n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
				write(buffer, n - n % format.getFrameSize());
				RelayFeed.Event event;
				while ((event = feed.poll(0)) != null) {
					keep(event);
				}
			}
		}
		catch (IOException e) {
			log.warn("channel {}: «{}» tune {} left out: {}", run.channel().id(), run.slotName(), tune.title(),
					e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Before the beat: the feed connects; of its sound only the last {@link #KEEP_MS} is kept. */
	private void preRoll() throws InterruptedException {
		Instant airAt = run.occasion().airAt();
		while (airAt != null && clock.now().toInstant().plusMillis(CHUNK_MS).isBefore(airAt)) {
			keep(feed.poll(5));
		}
	}

	/** Off air (before the beat, during a tune): of the feed's sound only the last {@link #KEEP_MS} is kept. */
	private void keep(RelayFeed.Event event) {
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
			long keep = frames(KEEP_MS) * format.getFrameSize();
			while (keptBytes - kept.peek().length >= keep) {
				keptBytes -= kept.poll().length;
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
				onAir();
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

	private RelayFeed.Sound keptSound() {
		byte[] pcm = kept.poll();
		keptBytes -= pcm.length;
		return new RelayFeed.Sound(pcm);
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

	private void onAir() {
		Instant at = clock.now().toInstant();
		watch.on(run.channel().id());
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
