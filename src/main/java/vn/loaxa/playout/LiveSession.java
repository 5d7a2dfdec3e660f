package vn.loaxa.playout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;

/**
 * One live announcement while it lasts: the capture line read in 10 ms chunks on its own thread,
 * each chunk written to the recording first and then offered to every channel's feed, until it is
 * ended (by the operator, the maximum length, the microphone failing, or shutdown).
 */
final class LiveSession {

	/** Why it ended, for the log and the page. */
	enum End {
		ENDED, MAX_LENGTH, CAPTURE_FAILED, SHUTDOWN
	}

	private static final Logger log = LoggerFactory.getLogger(LiveSession.class);

	final LiveRecording.Marker about;
	final Map<OutputChannel, List<Zone>> targets;
	private final TargetDataLine capture;
	private final LiveRecording recording;
	private final AudioFormat format;
	private final long maxMs;
	private final List<LiveFeed> feeds = new ArrayList<>();
	final List<CompletableFuture<LivePlayer.Aired>> parts = new ArrayList<>();
	private volatile End end;
	private volatile String endedBy;
	private volatile String captureError;
	/** The microphone has delivered its first chunk (a PulseAudio input takes up to 2 s to start). */
	private volatile boolean capturing;
	private final CompletableFuture<End> captured = new CompletableFuture<>();
	/** Completes once the recording is a clip (or not) and the records are handed over. */
	final CompletableFuture<LiveAnnouncements.Ended> finished = new CompletableFuture<>();

	LiveSession(LiveRecording.Marker about, Map<OutputChannel, List<Zone>> targets, TargetDataLine capture,
			LiveRecording recording, AudioFormat format, Duration maxLength) {
		this.about = about;
		this.targets = targets;
		this.capture = capture;
		this.recording = recording;
		this.format = format;
		this.maxMs = maxLength.toMillis();
	}

	LiveFeed newFeed() {
		LiveFeed feed = new LiveFeed();
		feeds.add(feed);
		return feed;
	}

	void startCapture() {
		Thread t = new Thread(this::captureLoop, "live-capture");
		t.setDaemon(true);
		t.setPriority(Thread.MAX_PRIORITY);
		t.start();
	}

	/**
	 * Waits until the microphone delivers and every channel is on and fed (or {@code wait} passes):
	 * from then on what is said is heard, and the page may say "speak now".
	 */
	boolean awaitReady(Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < deadline && end == null) {
			if (capturing && feeds.stream().allMatch(LiveFeed::isReady)) {
				return true;
			}
			Thread.sleep(10);
		}
		return false;
	}

	void end(End why, String by) {
		if (end == null) {
			endedBy = by;
			end = why;
		}
	}

	/** Completes when the microphone is closed and every feed told the end. */
	CompletableFuture<End> captured() {
		return captured;
	}

	End ending() {
		return end;
	}

	String endedBy() {
		return endedBy;
	}

	String captureError() {
		return captureError;
	}

	long recordedMs() {
		return recording.millis();
	}

	LiveRecording recording() {
		return recording;
	}

	private void captureLoop() {
		byte[] chunk = new byte[(int) (format.getFrameRate() / 100) * format.getFrameSize()];
		try {
			while (end == null) {
				int n = capture.read(chunk, 0, chunk.length);
				if (n <= 0) {
					if (!capture.isOpen()) {
						throw new IOException("capture line closed");
					}
					continue;
				}
				capturing = true;
				recording.write(chunk, n);
				byte[] copy = Arrays.copyOf(chunk, n);
				feeds.forEach(f -> f.offer(copy));
				if (recording.millis() >= maxMs) {
					end(End.MAX_LENGTH, null);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			captureError = e.toString();
			log.error("live announcement: the microphone or the recording failed: {}", e.toString());
			end(End.CAPTURE_FAILED, null);
		}
		finally {
			close();
			feeds.forEach(LiveFeed::end);
			captured.complete(end);
		}
	}

	private void close() {
		try {
			capture.stop();
			capture.close();
		}
		catch (RuntimeException e) {
			log.warn("capture line could not be closed: {}", e.toString());
		}
		try {
			recording.close();
		}
		catch (IOException e) {
			captureError = captureError == null ? e.toString() : captureError;
		}
	}

	/** Each channel's share, once its feed ended and its line drained. */
	List<LivePlayer.Aired> aired(Duration wait) {
		List<LivePlayer.Aired> result = new ArrayList<>();
		long deadline = System.nanoTime() + wait.toNanos();
		for (CompletableFuture<LivePlayer.Aired> part : parts) {
			try {
				result.add(part.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (Exception e) {
				log.error("live announcement: a channel did not finish: {}", e.toString());
				result.add(null);
			}
		}
		return result;
	}

	Instant start() {
		return about.start();
	}
}
