package vn.loaxa.playout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.Zone;

/**
 * Airs one programme on one channel: switches its zones on (a zone whose switch fails gets FAILED
 * records and the rest still hear the programme), waits the settle time, writes the canonical
 * WAVs back to back with the configured pause between items, and records each clip per zone with
 * the actual times of the frames written. A clip that vanished or cannot be read is skipped with
 * a FAILED record. The in-flight clip is kept in {@code on_air} as it plays.
 */
@Component
class ProgrammePlayer {

	record Summary(int played, int failed, int interrupted, Path file, Instant firstFrame, long frames) {
	}

	private static final Logger log = LoggerFactory.getLogger(ProgrammePlayer.class);
	private static final int CHUNK_MS = 20;
	private static final long PROGRESS_EVERY_MS = 500;

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final AiringRecorder recorder;
	private final OnAirStore onAir;
	private final LoaxaClock clock;

	ProgrammePlayer(Sinks sinks, ZoneSwitch zoneSwitch, AiringRecorder recorder, OnAirStore onAir, LoaxaClock clock) {
		this.sinks = sinks;
		this.zoneSwitch = zoneSwitch;
		this.recorder = recorder;
		this.onAir = onAir;
		this.clock = clock;
	}

	Summary play(Run run, Cue cue, Consumer<NowPlaying> now) throws IOException {
		String channelId = run.channel().id();
		List<Zone> on = new ArrayList<>();
		Duration settle = Duration.ZERO;
		for (Zone zone : run.zones()) {
			ZoneSwitch.Result result = zoneSwitch.on(zone);
			if (result.ok()) {
				on.add(zone);
				if (zone.hasSwitchCommand() && zone.settle().compareTo(settle) > 0) {
					settle = zone.settle();
				}
			}
			else {
				for (ProgrammeItem item : run.items()) {
					if (item.isClip()) {
						recorder.clip(null, List.of(zone.id()), run.slotName(), item, scheduled(run, item), null, null, 0,
								Outcome.FAILED, "zone switch failed: " + result.detail());
					}
				}
			}
		}
		if (on.isEmpty()) {
			return new Summary(0, run.items().size(), 0, null, null, 0);
		}
		sleep(settle);
		List<String> zones = on.stream().map(Zone::id).toList();
		SinkSession session = run.items().isEmpty() ? null : sinks.of(run.channel()).open(run.slotName(), sinks.format());
		waitUntil(run.airAt());
		AudioFormat format = sinks.format();
		int frameSize = format.getFrameSize();
		byte[] buffer = new byte[(int) (format.getFrameRate() * CHUNK_MS / 1000) * frameSize];
		int played = 0;
		int failed = 0;
		int interrupted = 0;
		boolean pauseDue = false;
		try {
			for (int index = 0; index < run.items().size(); index++) {
				ProgrammeItem item = run.items().get(index);
				if (cue.stopped() != null) {
					break;
				}
				AudioInputStream in;
				try {
					in = open(item.audio(), format);
				}
				catch (IOException e) {
					log.warn("channel {}: {} cannot be played: {}", channelId, item.title(), e.getMessage());
					if (item.isClip()) {
						failed++;
						Instant at = scheduled(run, item);
						recorder.later(() -> recorder.clip(null, zones, run.slotName(), item, at, null, null, 0,
								Outcome.FAILED, e.getMessage()));
					}
					continue;
				}
				try (in) {
					if (session == null) {
						session = sinks.of(run.channel()).open(run.slotName(), format);
					}
					if (pauseDue && run.pauseMs() > 0) {
						silence(session, run.pauseMs(), format, buffer, cue);
					}
					pauseDue = true;
					long startFrame = session.framesWritten();
					Instant actualStart = session.instantAt(startFrame);
					now.accept(new NowPlaying(channelId, run.slotName(), zones, item.title(), item.clipId(), actualStart,
							item.durationMs(), index + 1, run.items().size(), run.items().subList(index + 1,
									run.items().size()).stream().map(ProgrammeItem::title).toList()));
					if (item.isClip()) {
						OnAirStore.InFlight inFlight = new OnAirStore.InFlight(channelId, run.slotName(), zones,
								item.clipId(), item.sha256(), item.title(), item.kind(), item.topic(), scheduled(run, item),
								actualStart, item.durationMs(), 0);
						recorder.later(() -> onAir.start(inFlight, clock.now().toInstant()));
					}
					String skipped = null;
					String readError = null;
					long lastProgress = System.nanoTime();
					cue.takeSkip();
					while (true) {
						if (cue.stopped() != null) {
							break;
						}
						skipped = cue.takeSkip();
						if (skipped != null) {
							break;
						}
						int n;
						try {
							n = in.readNBytes(buffer, 0, buffer.length);
						}
						catch (IOException e) {
							readError = e.getMessage();
							break;
						}
						n -= n % frameSize;
						if (n <= 0) {
							break;
						}
						session.write(buffer, 0, n);
						if (item.isClip() && System.nanoTime() - lastProgress > PROGRESS_EVERY_MS * 1_000_000) {
							lastProgress = System.nanoTime();
							long playedMs = ms(session.framesWritten() - startFrame, format);
							recorder.later(() -> onAir.progress(channelId, playedMs, clock.now().toInstant()));
						}
					}
					long frames = session.framesWritten() - startFrame;
					if (item.isClip()) {
						long playedMs = ms(frames, format);
						Instant end = session.instantAt(startFrame + frames);
						Outcome outcome;
						String reason = null;
						if (cue.stopped() != null) {
							outcome = Outcome.INTERRUPTED;
							reason = cue.stopped().reason();
							interrupted++;
						}
						else if (skipped != null) {
							outcome = Outcome.PARTIAL;
							reason = skipped;
						}
						else if (readError != null) {
							outcome = frames == 0 ? Outcome.FAILED : Outcome.PARTIAL;
							reason = readError;
							failed++;
						}
						else {
							outcome = Outcome.PLAYED;
							reason = run.note();
							played++;
						}
						Instant at = scheduled(run, item);
						Outcome result = outcome;
						String why = reason;
						recorder.later(() -> recorder.clip(channelId, zones, run.slotName(), item, at, actualStart, end,
								playedMs, result, why));
					}
				}
			}
			if (session != null) {
				session.drain();
			}
		}
		finally {
			now.accept(null);
			if (session != null) {
				session.close();
			}
			recorder.flush();
			for (Zone zone : on) {
				zoneSwitch.off(zone);
			}
		}
		return new Summary(played, failed, interrupted, session == null ? null : session.file(),
				session == null ? null : session.instantAt(0), session == null ? 0 : session.framesWritten());
	}

	private static Instant scheduled(Run run, ProgrammeItem item) {
		return run.start().plusMillis(item.offsetMs());
	}

	private static AudioInputStream open(Path audio, AudioFormat format) throws IOException {
		if (audio == null || !Files.isRegularFile(audio)) {
			throw new IOException("clip file missing: " + audio);
		}
		InputStream raw = new BufferedInputStream(Files.newInputStream(audio), 64 * 1024);
		try {
			AudioInputStream in = AudioSystem.getAudioInputStream(raw);
			AudioFormat f = in.getFormat();
			if (f.getSampleRate() != format.getSampleRate() || f.getChannels() != format.getChannels()
					|| f.getSampleSizeInBits() != format.getSampleSizeInBits() || f.isBigEndian() != format.isBigEndian()
					|| f.getEncoding() != format.getEncoding()) {
				in.close();
				throw new IOException("clip file is not canonical PCM (" + f + "): " + audio.getFileName());
			}
			return in;
		}
		catch (UnsupportedAudioFileException e) {
			raw.close();
			throw new IOException("clip file unreadable: " + audio.getFileName(), e);
		}
	}

	private static void silence(SinkSession session, long ms, AudioFormat format, byte[] buffer, Cue cue)
			throws IOException {
		long frames = Math.round(format.getFrameRate() * ms / 1000.0);
		int frameSize = format.getFrameSize();
		byte[] zeros = new byte[buffer.length];
		while (frames > 0 && cue.stopped() == null) {
			int n = (int) Math.min(frames, zeros.length / frameSize);
			session.write(zeros, 0, n * frameSize);
			frames -= n;
		}
	}

	private static long ms(long frames, AudioFormat format) {
		return Math.round(frames * 1000.0 / format.getFrameRate());
	}

	/** Holds the first frame until the slot's start (the trigger fires a pre-roll ahead). */
	private void waitUntil(Instant at) {
		if (at == null) {
			return;
		}
		long nanos = Duration.between(clock.now().toInstant(), at).toNanos();
		while (nanos > 0) {
			java.util.concurrent.locks.LockSupport.parkNanos(Math.min(nanos, 50_000_000L));
			nanos = Duration.between(clock.now().toInstant(), at).toNanos();
		}
	}

	private static void sleep(Duration d) {
		if (d.isZero()) {
			return;
		}
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
