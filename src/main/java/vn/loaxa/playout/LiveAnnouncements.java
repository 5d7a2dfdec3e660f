package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sound.sampled.TargetDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.config.UserError;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;
import vn.loaxa.security.AuditTrail;

/**
 * Phát trực tiếp: someone speaks into the microphone, the chosen zones hear it at once, and what
 * was said becomes evidence (a clip and a record per zone, {@link LiveEvidence}). One at a time. What
 * the zones' channels were airing is stopped (its clip INTERRUPTED, reason {@code live}); a slot due
 * meanwhile waits on its channel and airs within its grace window, or gets MISSED records. A live
 * announcement a crash cut is recorded at the next start from what reached the disk.
 */
@Service
public class LiveAnnouncements implements SmartLifecycle {

	/** The slot name of a live announcement's records. */
	public static final String LIVE = "Phát trực tiếp";
	private static final Logger log = LoggerFactory.getLogger(LiveAnnouncements.class);
	private static final Duration READY_WAIT = Duration.ofSeconds(5);

	/** What the page and the API show while a live announcement is on. */
	public record Status(Instant start, String by, List<String> zones, long seconds, long maxSeconds, String capture) {
	}

	/** How it ended: how long, the clip kept (null: not kept, {@code error} says why). */
	public record Ended(long seconds, Long clipId, String clipTitle, String error, String why) {
	}

	private final Playout playout;
	private final ChannelPlayers channels;
	private final CaptureLines capture;
	private final Sinks sinks;
	private final LiveEvidence evidence;
	private final LiveProperties properties;
	private final LoaxaClock clock;
	private final AuditTrail audit;
	private final Path dir;
	private final boolean enabled;
	private volatile LiveSession current;
	private volatile boolean running;

	LiveAnnouncements(Playout playout, ChannelPlayers channels, CaptureLines capture, Sinks sinks, LiveEvidence evidence,
			LiveProperties properties, LoaxaProperties loaxa, LoaxaClock clock, AuditTrail audit,
			@Value("${loaxa.playout.enabled:true}") boolean enabled) {
		this.playout = playout;
		this.channels = channels;
		this.capture = capture;
		this.sinks = sinks;
		this.evidence = evidence;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.dir = loaxa.dataDir().resolve("live");
		this.enabled = enabled;
	}

	public long maxMinutes() {
		return properties.maxLength().toMinutes();
	}

	public String captureName() {
		return capture.name();
	}

	public java.util.Optional<Status> current() {
		LiveSession s = current;
		if (s == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Status(s.start(), s.about.by(), s.about.zones(), s.recordedMs() / 1000,
				properties.maxLength().toSeconds(), capture.name()));
	}

	/** Starts a live announcement; returns once the zones' lines are open and fed (speaking is heard). */
	public synchronized Status start(List<String> zoneIds, String title, String topic, String by) {
		if (!enabled) {
			throw new UserError(503, "live_unavailable", "playout.error.noCapture", capture.name());
		}
		LiveSession busy = current;
		if (busy != null) {
			throw new UserError(409, "live_in_progress", "playout.error.liveInProgress", busy.about.by(),
					busy.start().atZone(clock.zone()).toLocalTime().withNano(0));
		}
		Map<OutputChannel, List<Zone>> targets = playout.playNowTargets(zoneIds);
		String topicName = topic(topic);
		String cleanTitle = title == null || title.isBlank() ? null : title.strip();
		if (cleanTitle != null && cleanTitle.length() > 200) {
			throw new UserError(400, "title_too_long", "playout.error.liveTitle", 200);
		}
		TargetDataLine line = capture.open(sinks.format());
		Instant start = clock.now().toInstant();
		List<String> zones = targets.values().stream().flatMap(List::stream).map(Zone::id).toList();
		LiveRecording.Marker about = new LiveRecording.Marker(start, by, zones, cleanTitle, topicName);
		LiveRecording recording;
		try {
			recording = LiveRecording.begin(dir, sinks.format(), about);
		}
		catch (IOException e) {
			line.close();
			throw new UserError(507, "disk", "playout.error.liveDisk", dir.toAbsolutePath());
		}
		LiveSession session = new LiveSession(about, targets, line, recording, sinks.format(), properties.maxLength());
		targets.forEach((channel, channelZones) -> {
			NowPlaying now = new NowPlaying(channel.id(), LIVE, channelZones.stream().map(Zone::id).toList(),
					LIVE + " (" + by + ")", null, start, properties.maxLength().toMillis(), 1, 1, List.of());
			session.parts.add(channels.takeOver(channel.id(), Reason.LIVE, LIVE + " (" + by + ")",
					() -> channels.submitLive(new LivePlayer.Part(channel, channelZones, session.newFeed(), now))));
		});
		current = session;
		session.startCapture();
		session.captured().thenRun(() -> finish(session));
		log.warn("PHÁT TRỰC TIẾP by {} to {} (capture {})", by, zones, capture.name());
		audit.record(by, "playout.live.start", LIVE, null, "zones " + zones);
		try {
			session.awaitReady(READY_WAIT);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return current().orElseGet(() -> new Status(start, by, zones, 0, properties.maxLength().toSeconds(),
				capture.name()));
	}

	/** Ends the live announcement and waits until its records are handed over; empty when none was on. */
	public java.util.Optional<Ended> stop(String by) {
		LiveSession s = current;
		if (s == null) {
			return java.util.Optional.empty();
		}
		s.end(LiveSession.End.ENDED, by);
		return java.util.Optional.of(await(s, Duration.ofSeconds(60)));
	}

	private Ended await(LiveSession s, Duration wait) {
		try {
			return s.finished.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			log.warn("live announcement of {}: its records are not handed over yet ({})", s.start(), e.toString());
		}
		return new Ended(s.recordedMs() / 1000, null, null, "still being recorded", s.ending().name());
	}

	/** After the microphone closed: every channel's share, the recording kept, the records written. */
	private void finish(LiveSession s) {
		LiveEvidence.Kept kept = null;
		try {
			List<LivePlayer.Aired> aired = s.aired(Duration.ofSeconds(30));
			kept = evidence.keep(s.recording().marker(), s.about);
			List<Airing> records = new ArrayList<>();
			List<List<Zone>> zonesByPart = new ArrayList<>(s.targets.values());
			for (int i = 0; i < aired.size(); i++) {
				if (aired.get(i) == null) {
					records.addAll(evidence.unknown(zonesByPart.get(i).stream().map(Zone::id).toList(), kept, s.about,
							s.recordedMs()));
				}
				else {
					records.addAll(evidence.airings(aired.get(i), kept, s.about, s.recordedMs()));
				}
			}
			evidence.record(records);
			LiveRecording.discard(s.recording().marker());
		}
		catch (IOException | RuntimeException e) {
			log.error("live announcement of {}: not finished cleanly: {}", s.start(), e.toString());
		}
		finally {
			String by = s.endedBy() == null ? "LoaXa" : s.endedBy();
			String why = s.ending() == null ? "ENDED" : s.ending().name();
			audit.record(by, "playout.live.end", LIVE, null, why + ", " + s.recordedMs() / 1000 + " s"
					+ (s.captureError() == null ? "" : ", " + s.captureError()));
			s.finished.complete(new Ended(s.recordedMs() / 1000, kept == null || kept.clip() == null ? null : kept.clip().getId(),
					kept == null || kept.clip() == null ? null : kept.clip().getTitle(), kept == null ? "not kept" : kept.error(),
					why.toLowerCase(Locale.ROOT)));
			current = null;
		}
	}

	private static String topic(String topic) {
		if (topic == null || topic.isBlank()) {
			return null;
		}
		try {
			return Topic.valueOf(topic.strip().toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException e) {
			throw new UserError(400, "invalid_topic", "playout.error.liveTopic", topic);
		}
	}

	// ------------------------------------------------------------------ lifecycle

	/**
	 * Each live announcement a crash cut: its recording kept and its records written from what reached
	 * the disk. One that cannot be recorded (its marker unreadable, its PCM gone) is moved with its
	 * files to {@code live/quarantine/}, with why, and the others are recorded all the same.
	 */
	@Override
	public void start() {
		running = true;
		if (!enabled) {
			return;
		}
		List<Path> markers;
		try {
			markers = LiveRecording.leftIn(dir);
		}
		catch (IOException e) {
			log.error("LIVE ANNOUNCEMENTS LEFT BY A CRASH NOT LOOKED FOR: {} cannot be listed ({})", dir, e.toString());
			return;
		}
		for (Path marker : markers) {
			try {
				recordCut(marker);
			}
			catch (IOException | RuntimeException e) {
				LiveRecording.quarantine(marker, dir.resolve(QUARANTINE), e, clock.now().toInstant());
			}
		}
	}

	/** Where the leftovers of a live announcement that could not be recorded go, under {@code <data-dir>/live}. */
	static final String QUARANTINE = "quarantine";

	private void recordCut(Path marker) throws IOException {
		LiveRecording.Marker about = LiveRecording.read(marker);
		long ms = LiveRecording.millis(java.nio.file.Files.size(LiveRecording.pcmOf(marker)), sinks.format());
		log.warn("a live announcement of {} by {} was cut by a crash after {} s: recording it", about.start(),
				about.by(), ms / 1000);
		LiveEvidence.Kept kept = evidence.keep(marker, about);
		evidence.record(evidence.cut(kept, about, ms));
		LiveRecording.discard(marker);
	}

	/** At shutdown the live announcement ends (its records say so) before the channels stop. */
	@Override
	public void stop() {
		running = false;
		LiveSession s = current;
		if (s != null) {
			s.end(LiveSession.End.SHUTDOWN, "LoaXa");
			await(s, Duration.ofSeconds(10));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After Playout's start (journal replayed), before its stop. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 90;
	}
}
