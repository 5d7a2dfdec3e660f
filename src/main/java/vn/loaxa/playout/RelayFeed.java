package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.schedule.Relay;

/**
 * One relay's sound for one channel, on its own thread so the channel never waits for the network:
 * it opens the relay's addresses in order, hands their PCM over in small chunks, and when a source is
 * lost (ended, or abandoned by the channel for a stall or silence) reconnects: the same address once
 * after a pause, then the next ones; a full round with none answering doubles the pause, up to
 * {@code loaxa.relay.max-backoff}. It keeps trying until it is closed at the slot's end.
 */
final class RelayFeed implements AutoCloseable {

	sealed interface Event permits Sound, Connected, Lost {
	}

	record Sound(byte[] pcm) implements Event {
	}

	record Connected(String where) implements Event {
	}

	/** The source is gone; {@code code} is the reason code of the stretch it cut. */
	record Lost(String where, String code, String detail) implements Event {
	}

	private record Refusal(String why, int tries) {
	}

	static final String STREAM_LOST = "stream_lost";
	static final String SILENCE = "silence";
	private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
	private static final Logger log = LoggerFactory.getLogger(RelayFeed.class);

	private final Relay relay;
	private final RelaySources sources;
	private final AudioFormat format;
	private final Duration maxBackoff;
	private final int chunkBytes;
	private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(1024);
	/** Each address that did not answer: why the last time, and how often (an outage of an hour must not grow a list). */
	private final Map<String, Refusal> refusals = new LinkedHashMap<>();
	private final Thread thread;
	private volatile boolean closed;
	private volatile RelaySource current;
	private volatile Lost abandoned;

	RelayFeed(Relay relay, RelaySources sources, AudioFormat format, Duration maxBackoff, String channelId) {
		this.relay = relay;
		this.sources = sources;
		this.format = format;
		this.maxBackoff = maxBackoff;
		this.chunkBytes = (int) (format.getFrameRate() / 50) * format.getFrameSize();
		this.thread = new Thread(this::run, "relay-" + channelId + "-" + relay.id());
		this.thread.setDaemon(true);
	}

	RelayFeed start() {
		thread.start();
		return this;
	}

	/** The next event, waiting at most {@code millis}; null when none came. */
	Event poll(long millis) throws InterruptedException {
		return events.poll(millis, TimeUnit.MILLISECONDS);
	}

	/** The channel gives the current source up (stalled, or silent): it is closed and the next one tried. */
	void abandon(String code, String detail) {
		RelaySource source = current;
		if (source != null) {
			abandoned = new Lost(source.where(), code, detail);
			source.close();
		}
	}

	/** Every address tried that did not answer, with why (the last time) and how many tries, in order. */
	synchronized List<String> refusals() {
		return refusals.entrySet()
			.stream()
			.map(e -> e.getKey() + " → " + e.getValue().why()
					+ (e.getValue().tries() > 1 ? " (" + e.getValue().tries() + " tries)" : ""))
			.toList();
	}

	private void run() {
		List<String> addresses = RelaySources.addresses(relay);
		int next = 0;
		Duration pause = FIRST_PAUSE;
		while (!closed) {
			int answered = -1;
			for (int i = 0; i < addresses.size() && !closed && answered < 0; i++) {
				int index = (next + i) % addresses.size();
				RelaySources.Opened opened = sources.open(relay, addresses.get(index), format);
				if (opened.source() == null) {
					refused(addresses.get(index), opened.refusal());
				}
				else {
					answered = index;
					Lost lost = pump(opened.source());
					pause = FIRST_PAUSE;
					// a silent address is left for the next; a lost one is tried again first
					next = SILENCE.equals(lost.code()) ? index + 1 : index;
				}
			}
			if (answered < 0) {
				pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
			}
			sleep(answered < 0 ? pause : FIRST_PAUSE);
		}
	}

	private Lost pump(RelaySource source) {
		current = source;
		abandoned = null;
		if (closed) {
			source.close();
		}
		log.info("relay {}: {} answers", relay.id(), source.where());
		put(new Connected(source.where()));
		byte[] buffer = new byte[chunkBytes];
		String failure = null;
		try {
			int n;
			while (!closed && (n = source.read(buffer, buffer.length)) > 0) {
				put(new Sound(Arrays.copyOf(buffer, n - n % format.getFrameSize())));
			}
		}
		catch (IOException e) {
			failure = e.toString();
		}
		source.close();
		current = null;
		Lost lost = abandoned != null ? abandoned
				: new Lost(source.where(), STREAM_LOST, failure != null ? failure : source.ended());
		if (!closed) {
			log.warn("relay {}: {} lost: {} ({})", relay.id(), source.where(), lost.code(), lost.detail());
			put(lost);
		}
		return lost;
	}

	private synchronized void refused(String address, String why) {
		refusals.merge(address, new Refusal(why, 1), (was, now) -> new Refusal(why, was.tries() + 1));
		log.warn("relay {}: {} {}", relay.id(), address, why);
	}

	private void put(Event event) {
		try {
			while (!closed && !events.offer(event, 100, TimeUnit.MILLISECONDS)) {
				// the channel has not taken the sound yet: the source waits, as a sound card's line makes it
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		closed = true;
		RelaySource source = current;
		if (source != null) {
			source.close();
		}
		thread.interrupt();
	}
}
