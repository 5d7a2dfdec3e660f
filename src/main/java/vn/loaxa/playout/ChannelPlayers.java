package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;

/**
 * One player per output channel, each on its own thread: programmes of different channels air
 * at the same time, programmes of one channel one after another (the plan checker keeps a
 * channel's slots apart; Phát ngay stops what plays and queues behind it). A programme that had
 * to wait past its grace window for its channel is not aired late: its zones get MISSED records.
 */
@Component
class ChannelPlayers {

	private static final Logger log = LoggerFactory.getLogger(ChannelPlayers.class);

	private static final class Channel {
		final ExecutorService thread;
		volatile Cue cue;
		volatile NowPlaying now;

		Channel(String id) {
			this.thread = Executors.newSingleThreadExecutor(r -> {
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

	/** Queues a relay slot (tiếp sóng) on its channel's thread, under the same rules as a programme. */
	CompletableFuture<ProgrammePlayer.Summary> submitRelay(Run run, vn.loaxa.schedule.Relay relay, Instant end) {
		Channel channel = channel(run.channel().id());
		return CompletableFuture.supplyAsync(() -> air(channel, run, (cue, now) -> relays.play(run, relay, end, cue, now)),
				channel.thread);
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
