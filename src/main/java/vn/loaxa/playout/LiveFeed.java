package vn.loaxa.playout;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The captured sound on its way to one channel: chunks in capture order, then the end. A channel
 * that falls behind (its device's clock slower than the microphone's) loses its oldest chunk rather
 * than let the delay grow; the recording is written before the feeds and never loses any.
 */
final class LiveFeed {

	private static final byte[] END = new byte[0];
	/** Chunks queued beyond this many are late: 100 ms at 10 ms a chunk. */
	static final int MOST_QUEUED = 10;

	private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(MOST_QUEUED + 2);
	private volatile boolean ready;
	private long dropped;

	/** From the capture thread: never blocks. */
	synchronized void offer(byte[] chunk) {
		if (!ready) {
			return; // the channel is not on yet: the zones hear from the moment it is
		}
		while (!chunks.offer(chunk)) {
			chunks.poll();
			dropped++;
		}
	}

	/** The channel's line is open and its zones on: from now on it is fed. */
	void ready() {
		ready = true;
	}

	boolean isReady() {
		return ready;
	}

	void end() {
		synchronized (this) {
			ready = true;
			while (!chunks.offer(END)) {
				chunks.poll();
			}
		}
	}

	/** Chunks waiting: the delay this feed adds, in chunks of 10 ms. */
	int waiting() {
		return chunks.size();
	}

	/** The next chunk, or null at the end; waits at most {@code timeoutMs} (then an empty chunk). */
	byte[] next(long timeoutMs) throws InterruptedException {
		byte[] chunk = chunks.poll(timeoutMs, TimeUnit.MILLISECONDS);
		if (chunk == END) {
			return null;
		}
		return chunk == null ? new byte[0] : chunk;
	}

	synchronized long dropped() {
		return dropped;
	}
}
