package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ClipStatus;
import vn.loaxa.programme.Programmes;
import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Plan;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Zone;

/**
 * The radio PC's playout as the rest of LoaXa sees it: what is on air, Stop and Skip, and
 * "Phát ngay". At start it closes what a crash left in flight (INTERRUPTED), records the slots the
 * PC was off for (MISSED, or late within grace), and keeps a heartbeat so the next start knows
 * when it stopped.
 */
@Service
public class Playout implements SmartLifecycle {

	public static final String PLAY_NOW = "Phát ngay";
	public static final String EMERGENCY = "Khẩn cấp";
	private static final Logger log = LoggerFactory.getLogger(Playout.class);

	/** A channel as the "đang phát" page shows it. */
	public record ChannelStatus(OutputChannel channel, String sink, List<Zone> zones, NowPlaying now) {
	}

	/**
	 * A channel's audio output for health checks: {@code kind} is {@code line} (the sound card line
	 * was found), {@code file} (the file sink, as configured) or {@code file-fallback} (a line was
	 * wanted but this PC has no such mixer, so the audio goes into the file sink).
	 */
	public record AudioOutput(String channelId, String channelName, String wanted, String kind, String sink) {

		public boolean fallback() {
			return "file-fallback".equals(kind);
		}
	}

	/** A relay (tiếp sóng) on air on a channel with no sound now: since when and why. */
	public record RelayDown(String channelId, String relayId, String relayName, Instant since, String why) {
	}

	/** A handled slot occurrence, for the page. */
	public record SlotRunView(String slotKey, Instant scheduledStart, String state, String detail, Instant at) {
	}

	private final ChannelPlayers channels;
	private final SlotRunner runner;
	private final SlotRuns runs;
	private final Sinks sinks;
	private final Schedule schedule;
	private final Programmes programmes;
	private final ClipLibrary library;
	private final LoaxaClock clock;
	private final AiringRecorder recorder;
	private final Heartbeat heartbeat;
	private volatile boolean running;
	private final boolean enabled;
	private volatile boolean firstStart;
	private final vn.loaxa.security.AuditTrail audit;
	/** Quartz clustered (PostgreSQL): another PC may share this database and be on air right now. */
	private final boolean clustered;
	/**
	 * In a cluster, an in-flight clip whose progress is older than this ({@code loaxa.cluster.peer-stale},
	 * default 30 s; the PC playing writes it twice a second) belongs to a PC that is gone.
	 */
	private final Duration peerStale;

	/**
	 * {@code loaxa.playout.enabled=false} (the command-line tools) leaves the log alone: no recovery
	 * of in-flight clips, no catch-up of missed slots, no heartbeat, while the service may be on air.
	 */
	Playout(ChannelPlayers channels, SlotRunner runner, SlotRuns runs, Sinks sinks, Schedule schedule,
			Programmes programmes, ClipLibrary library, LoaxaClock clock, AiringRecorder recorder,
			@org.springframework.beans.factory.annotation.Value("${loaxa.playout.enabled:true}") boolean enabled,
			@org.springframework.beans.factory.annotation.Value("${spring.quartz.properties.org.quartz.jobStore.isClustered:false}") boolean clustered,
			@org.springframework.beans.factory.annotation.Value("${loaxa.cluster.peer-stale:30s}") Duration peerStale,
			vn.loaxa.security.AuditTrail audit) {
		this.peerStale = peerStale;
		this.enabled = enabled;
		this.clustered = clustered;
		this.audit = audit;
		this.channels = channels;
		this.runner = runner;
		this.runs = runs;
		this.sinks = sinks;
		this.schedule = schedule;
		this.programmes = programmes;
		this.library = library;
		this.clock = clock;
		this.recorder = recorder;
		this.heartbeat = new Heartbeat(runner, runs, schedule, clock, clustered, peerStale);
	}

	public List<ChannelStatus> channels() {
		Plan plan = schedule.current();
		Map<String, NowPlaying> now = new LinkedHashMap<>();
		channels.nowPlaying().forEach(n -> now.put(n.channelId(), n));
		List<ChannelStatus> result = new ArrayList<>();
		for (OutputChannel c : plan.channels()) {
			result.add(new ChannelStatus(c, sinks.describe(c),
					plan.zones().stream().filter(z -> z.channelId().equals(c.id())).toList(), now.get(c.id())));
		}
		return result;
	}

	/** Each channel's sink as chosen at start (or now, for a channel added since). */
	public List<AudioOutput> audioOutputs() {
		return schedule.current().channels().stream()
			.map(c -> new AudioOutput(c.id(), c.name(), c.output(), sinks.kind(c), sinks.describe(c)))
			.toList();
	}

	/**
	 * Record batches (one per clip or slot) waiting in the durable journal because the database
	 * refused them; they go into the log as soon as it takes writes. Zero when all is well.
	 */
	public int recordsWaiting() {
		return recorder.pending();
	}

	/** Whether every record is where it belongs: see {@link RecordKeeping}. */
	public RecordKeeping recordKeeping() {
		return RecordKeeping.of(recorder.journal(), heartbeat.catchUpPendingSince());
	}

	/** Relays on air without sound now (lost, reconnecting): health and the status strip show them. */
	public List<RelayDown> relaysDown() {
		return channels.relaysDown();
	}

	public List<NowPlaying> nowPlaying() {
		return channels.nowPlaying();
	}

	public List<SlotRunView> recentRuns(int limit) {
		return runs.recent(limit).stream()
			.map(r -> new SlotRunView(r.slotKey(), r.scheduledStart(), r.state().name(), r.detail(), r.at()))
			.toList();
	}

	/** Stops the programme on a channel; its current clip is recorded INTERRUPTED. */
	public boolean stop(String channelId, String by) {
		boolean stopped = channels.stop(channelId, Reason.STOPPED, "stopped by " + by);
		audit.record(by, "playout.stop", channelId, null, stopped ? "stopped" : "nothing on air");
		return stopped;
	}

	/** Skips the current clip (recorded PARTIAL); the programme goes on with the next. */
	public boolean skip(String channelId, String by) {
		boolean skipped = channels.skip(channelId, "skipped by " + by);
		audit.record(by, "playout.skip", channelId, null, skipped ? "skipped" : "nothing on air");
		return skipped;
	}

	/** The zones a Phát ngay would interrupt, per channel: for the confirmation step. */
	public Map<OutputChannel, List<Zone>> playNowTargets(List<String> zoneIds) {
		Plan plan = schedule.current();
		if (zoneIds == null || zoneIds.isEmpty()) {
			throw new UserError(400, "zones_required", "playout.error.zonesRequired");
		}
		Map<OutputChannel, List<Zone>> byChannel = new LinkedHashMap<>();
		for (String id : zoneIds) {
			Zone zone = plan.zone(id).orElseThrow(() -> new UserError(400, "unknown_zone", "playout.error.unknownZone", id));
			OutputChannel channel = plan.channel(zone.channelId()).orElseThrow();
			byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(zone);
		}
		return byChannel;
	}

	public Clip playNowClip(long clipId) {
		Clip clip = library.find(clipId)
			.orElseThrow(() -> new UserError(404, "unknown_clip", "playout.error.unknownClip", clipId));
		if (clip.getStatus() != ClipStatus.APPROVED) {
			throw new UserError(400, "clip_not_approved", "playout.error.notApproved", clip.getTitle());
		}
		return clip;
	}

	/**
	 * Phát ngay: the clip now, to these zones, interrupting whatever their channels are airing
	 * (that clip's record says INTERRUPTED). Returns at once; the clip plays in the background.
	 */
	public void playNow(long clipId, List<String> zoneIds, String by) {
		Clip clip = playNowClip(clipId);
		takeChannels(clip, playNowTargets(zoneIds), Reason.PLAY_NOW, PLAY_NOW, by);
		log.warn("PHÁT NGAY by {}: clip {} «{}» to {}", by, clip.getId(), clip.getTitle(), zoneIds);
		audit.record(by, "playout.play-now", "clip " + clip.getId() + " «" + clip.getTitle() + "»", null,
				"zones " + zoneIds);
	}

	/**
	 * The province's EMERGENCY bulletin now, on every zone of every channel (or the zones named),
	 * through Phát ngay's path: what the channels were airing is recorded INTERRUPTED {@code emergency}.
	 * Returns the zones it airs on.
	 */
	public List<String> airEmergency(long clipId, List<String> zoneIds, String by) {
		Clip clip = playNowClip(clipId);
		List<String> zones = zoneIds == null || zoneIds.isEmpty()
				? schedule.current().zones().stream().map(Zone::id).toList() : zoneIds;
		if (zones.isEmpty()) {
			return zones;
		}
		takeChannels(clip, playNowTargets(zones), Reason.EMERGENCY, EMERGENCY, by);
		log.warn("KHẨN CẤP from {}: clip {} «{}» to {}", by, clip.getId(), clip.getTitle(), zones);
		audit.record(by, "playout.emergency", "clip " + clip.getId() + " «" + clip.getTitle() + "»", null,
				"zones " + zones);
		return zones;
	}

	private void takeChannels(Clip clip, Map<OutputChannel, List<Zone>> targets, Reason reason, String occasionName,
			String by) {
		ProgrammeItem item = new ProgrammeItem(ProgrammeItem.Part.CLIP, clip.getId(), clip.getTitle(), clip.getSha256(),
				clip.getKind(), clip.getTopic(), clip.getPriority(), clip.getDurationMs(), 0, library.canonicalAudio(clip),
				false);
		Run.Occasion occasion = new Run.Occasion(occasionName, clock.now().toInstant(), null, null,
				occasionName + " — " + by);
		targets.forEach((channel, zones) -> {
			channels.takeOver(channel.id(), reason, occasionName + ": " + clip.getTitle() + " (" + by + ")",
					() -> channels.submit(new Run(occasion, channel, zones, List.of(item), 0)));
		});
	}

	/**
	 * Warms the paths a slot takes (queue and programme queries, the filler, WAV reading, the sink
	 * classes) once the application is ready, so the first slot after a start is as punctual as
	 * the others.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void warmUp() {
		if (!enabled) {
			return;
		}
		if (firstStart) {
			// the very first start: the sample clips have just been imported, a slot in progress may air
			firstStart = false;
			runner.inProgress(clock.now().toInstant(), Reason.BUSY_PAST_GRACE);
		}
		try {
			long t0 = System.nanoTime();
			programmes.day(clock.today());
			javax.sound.sampled.AudioSystem.getAudioFileTypes();
			for (OutputChannel c : schedule.current().channels()) {
				sinks.of(c);
			}
			runs.handled("warm-up", clock.now().toInstant());
			log.info("playout warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("playout warm-up: {}", e.toString());
		}
	}

	// ------------------------------------------------------------------ lifecycle

	@Override
	public boolean isAutoStartup() {
		return enabled;
	}

	@Override
	public void start() {
		// records a previous run could not write wait in the journal: they go in before anything is recovered
		recorder.replayJournal();
		Instant now = clock.now().toInstant();
		// alone on its database, whatever is in flight was cut by this PC's own crash; in a cluster,
		// its own rows and what another PC that stopped writing left (the heartbeat looks for that too)
		int cut = clustered ? runner.recoverInFlightInCluster(now, peerStale, true) : runner.recoverInFlight();
		firstStart = !heartbeat.start(now, cut); // a first start airs once the media folder is imported: see warmUp()
		runner.live(true);
		running = true;
	}

	/** What a sleep of the PC since {@code since} leaves for the next heartbeat (tests cannot freeze the JVM). */
	void asleepSince(Instant since) {
		heartbeat.asleepSince(since);
	}

	@Override
	public void stop() {
		running = false;
		runner.live(false);
		heartbeat.stop();
		channels.stopAll("LoaXa was shut down", 3000);
		heartbeat.last();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts before Quartz (whose misfires then find recovery done) and stops after its standby. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}
}
