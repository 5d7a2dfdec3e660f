package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.Relay;

/**
 * One player per output channel, each on its own thread: programmes of different channels air
 * at the same time, programmes of one channel one after another (the plan checker keeps a
 * channel's slots apart; Phát ngay stops what plays and queues behind it). A programme that had
 * to wait past its grace window for its channel is not aired late: its zones get MISSED records.
 */
@Component
class ChannelPlayers {

	private static final Logger log = LoggerFactory.getLogger(ChannelPlayers.class);
	/** What cuts a relay for a while: it comes back after. An operator's stop or a shutdown ends it. */
	private static final Set<Reason> RESUMING = EnumSet.of(Reason.PLAY_NOW, Reason.LIVE, Reason.EMERGENCY);
	/** Less than this left of the slot: a cut relay is not resumed. */
	private static final Duration MIN_RESUMPTION = Duration.ofSeconds(1);

	private static final class Channel {
		final ThreadPoolExecutor thread;
		volatile Cue cue;
		volatile NowPlaying now;

		Channel(String id) {
			this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
				Thread t = new Thread(r, "channel-" + id);
				t.setDaemon(true);
				t.setPriority(Thread.MAX_PRIORITY);
				return t;
			});
		}
	}

	private final ProgrammePlayer player;
	private final RelayPlayer relays;
	private final LivePlayer live;
	private final AiringRecorder recorder;
	private final LoaxaClock clock;
	private final Map<String, Channel> channels = new ConcurrentHashMap<>();
	private volatile String closing;

	ChannelPlayers(ProgrammePlayer player, RelayPlayer relays, LivePlayer live, AiringRecorder recorder,
			LoaxaClock clock) {
		this.player = player;
		this.relays = relays;
		this.live = live;
		this.recorder = recorder;
		this.clock = clock;
	}

	private Channel channel(String id) {
		return channels.computeIfAbsent(id, Channel::new);
	}

	/** Queues the run on its channel's thread; the future ends when its records are handed over. */
	CompletableFuture<ProgrammePlayer.Summary> submit(Run run) {
		Channel channel = channel(run.channel().id());
		return CompletableFuture.supplyAsync(() -> air(channel, run), channel.thread);
	}

	/**
	 * Queues a channel's share of a live announcement on its thread, like a programme: what the
	 * channel airs is stopped first by the caller, and what is due meanwhile waits behind it.
	 */
	CompletableFuture<LivePlayer.Aired> submitLive(LivePlayer.Part part) {
		Channel channel = channel(part.channel().id());
		return CompletableFuture.supplyAsync(() -> {
			if (closing != null) {
				part.feed().ready();
				return new LivePlayer.Aired(List.of(), null, null, 0, Outcome.FAILED, Reason.SHUTDOWN, closing,
						Map.of());
			}
			Cue cue = new Cue();
			channel.cue = cue;
			try {
				return live.play(part, cue, n -> channel.now = n);
			}
			finally {
				channel.cue = null;
				channel.now = null;
			}
		}, channel.thread);
	}

	/**
	 * Stops what the channel airs and queues what takes it over, as one step: a relay that was cut
	 * queues its own resumption only after this, so it comes back behind what interrupted it.
	 */
	<T> T takeOver(String channelId, Reason reason, String detail, Supplier<T> submit) {
		Channel channel = channel(channelId);
		synchronized (channel) {
			Cue cue = channel.cue;
			if (cue != null) {
				cue.stop(reason, detail);
			}
			return submit.get();
		}
	}

	/**
	 * Queues a relay slot (tiếp sóng) on its channel's thread, under the same rules as a programme. A
	 * relay cut by Phát ngay, a live announcement or an emergency resumes after it, within the slot.
	 */
	CompletableFuture<ProgrammePlayer.Summary> submitRelay(Run run, Relay relay, Instant end) {
		Channel channel = channel(run.channel().id());
		return CompletableFuture.supplyAsync(() -> relay(channel, run, relay, end), channel.thread);
	}

	private ProgrammePlayer.Summary relay(Channel channel, Run run, Relay relay, Instant end) {
		return air(channel, run, (cue, now) -> {
			ProgrammePlayer.Summary summary = relays.play(run, relay, end, cue, now);
			Cue.Stop stop = cue.stopped();
			if (stop != null && RESUMING.contains(stop.reason()) && closing == null) {
				Run.Occasion o = run.occasion();
				Run rest = new Run(new Run.Occasion(o.slotName(), o.start(), null, null,
						"resumed after " + stop.reason().code()), run.channel(), run.zones(),
						run.items(), 0);
				synchronized (channel) {
					queueResumption(channel, rest, relay, end);
				}
			}
			return summary;
		});
	}

	/** Behind everything queued on the channel; dropped when the slot ends first. */
	private void queueResumption(Channel channel, Run rest, Relay relay, Instant end) {
		try {
			channel.thread.execute(() -> {
				synchronized (channel) {
					if (!channel.thread.getQueue().isEmpty()) {
						queueResumption(channel, rest, relay, end);
						return;
					}
				}
				if (clock.now().toInstant().plus(MIN_RESUMPTION).isBefore(end)) {
					log.info("channel {}: relay {} resumes in «{}»", rest.channel().id(), relay.id(), rest.slotName());
					relay(channel, rest, relay, end);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException e) {
			log.info("channel {}: relay {} not resumed, the channel is closing", rest.channel().id(), relay.id());
		}
	}

	private ProgrammePlayer.Summary air(Channel channel, Run run) {
		return air(channel, run, (cue, now) -> player.play(run, cue, now));
	}

	private ProgrammePlayer.Summary air(Channel channel, Run run,
			java.util.function.BiFunction<Cue, java.util.function.Consumer<NowPlaying>, ProgrammePlayer.Summary> play) {
		Instant startBy = run.occasion().startBy();
		Instant now = clock.now().toInstant();
		if (closing != null) {
			missed(run, Reason.SHUTDOWN, closing);
			return new ProgrammePlayer.Summary(0, 0, 0, null, null, 0);
		}
		if (startBy != null && now.isAfter(startBy)) {
			long lateS = Duration.between(run.occasion().start(), now).toSeconds();
			missed(run, Reason.BUSY_PAST_GRACE,
					"channel " + run.channel().id() + " busy until " + lateS + " s after the start, past grace");
			return new ProgrammePlayer.Summary(0, 0, 0, null, null, 0);
		}
		Cue cue = new Cue();
		channel.cue = cue;
		try {
			return play.apply(cue, n -> channel.now = n);
		}
		finally {
			channel.cue = null;
			channel.now = null;
		}
	}

	private void missed(Run run, Reason reason, String detail) {
		log.warn("«{}» on channel {}: MISSED, {}", run.slotName(), run.channel().id(), detail);
		recorder.record(AiringBatch.of(run.zoneIds().stream()
			.map(zone -> Airing.slotLevel(zone, run.slotName(), run.occasion().start(), Outcome.MISSED, detail, reason))
			.toList()));
	}

	/** A channel that has never aired is not created here: a stop or skip of any name must not add threads. */
	private Cue cueOf(String channelId) {
		Channel channel = channels.get(channelId);
		return channel == null ? null : channel.cue;
	}

	boolean stop(String channelId, Reason reason, String detail) {
		Cue cue = cueOf(channelId);
		if (cue != null) {
			cue.stop(reason, detail);
			return true;
		}
		return false;
	}

	boolean skip(String channelId, String reason) {
		Cue cue = cueOf(channelId);
		if (cue != null) {
			cue.skip(reason);
			return true;
		}
		return false;
	}

	List<Playout.RelayDown> relaysDown() {
		return relays.down();
	}

	List<NowPlaying> nowPlaying() {
		List<NowPlaying> result = new ArrayList<>();
		channels.values().forEach(c -> {
			if (c.now != null) {
				result.add(c.now);
			}
		});
		return result;
	}

	/** At shutdown: every programme stops, its current clip INTERRUPTED, the rest and any queued MISSED. */
	void stopAll(String detail, long waitMs) {
		closing = detail;
		channels.values().forEach(c -> {
			if (c.cue != null) {
				c.cue.stop(Reason.SHUTDOWN, detail);
			}
			c.thread.shutdown();
		});
		long deadline = System.currentTimeMillis() + waitMs;
		for (Channel c : channels.values()) {
			try {
				c.thread.awaitTermination(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@PreDestroy
	void close() {
		channels.values().forEach(c -> c.thread.shutdownNow());
	}
}
