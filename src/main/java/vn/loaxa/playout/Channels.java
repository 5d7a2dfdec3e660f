package vn.loaxa.playout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Outcome;

/**
 * One player per output channel: a programme at a time (others wait their turn), the operator's
 * cue on the one playing, and what is on air now.
 */
@Component
class Channels {

	private static final class Channel {
		final ReentrantLock lock = new ReentrantLock(true);
		volatile Cue cue;
		volatile NowPlaying now;
	}

	private final ProgrammePlayer player;
	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	Channels(ProgrammePlayer player) {
		this.player = player;
	}

	private Channel channel(String id) {
		return channels.computeIfAbsent(id, k -> new Channel());
	}

	ProgrammePlayer.Summary air(Run run) throws IOException {
		Channel channel = channel(run.channel().id());
		channel.lock.lock();
		try {
			Cue cue = new Cue();
			channel.cue = cue;
			return player.play(run, cue, now -> channel.now = now);
		}
		finally {
			channel.cue = null;
			channel.now = null;
			channel.lock.unlock();
		}
	}

	boolean stop(String channelId, Outcome outcome, String reason) {
		Cue cue = channel(channelId).cue;
		if (cue != null) {
			cue.stop(outcome, reason);
			return true;
		}
		return false;
	}

	boolean skip(String channelId, String reason) {
		Cue cue = channel(channelId).cue;
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

	/** At shutdown: every programme stops, its current clip recorded as INTERRUPTED. */
	void stopAll(String reason, long waitMs) {
		channels.values().forEach(c -> {
			if (c.cue != null) {
				c.cue.stop(Outcome.INTERRUPTED, reason);
			}
		});
		long deadline = System.currentTimeMillis() + waitMs;
		for (Channel c : channels.values()) {
			try {
				if (c.lock.tryLock(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
					c.lock.unlock();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
