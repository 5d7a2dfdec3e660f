package vn.loaxa.playout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import javax.sound.sampled.AudioInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.Zone;

/**
 * Airs one programme on one channel, on that channel's thread: switches its zones on, waits the
 * settle time, writes the canonical WAVs back to back with the configured pause between items,
 * and switches off. What each clip did in each zone goes to {@link DueAirings}, which sees to it
 * that every clip due gets its record, whatever stops the programme.
 */
@Component
class ProgrammePlayer {

	record Summary(int played, int failed, int interrupted, Path file, Instant firstFrame, long frames) {
	}

	private static final Logger log = LoggerFactory.getLogger(ProgrammePlayer.class);

	private final Sinks sinks;
	private final ZoneSwitch zoneSwitch;
	private final AiringRecorder recorder;

	ProgrammePlayer(Sinks sinks, ZoneSwitch zoneSwitch, AiringRecorder recorder) {
		this.sinks = sinks;
		this.zoneSwitch = zoneSwitch;
		this.recorder = recorder;
	}

	Summary play(Run run, Cue cue, Consumer<NowPlaying> now) {
		DueAirings due = new DueAirings(run, recorder);
		List<Zone> on = List.of();
		SinkSession session = null;
		Reason cause = Reason.WRITE_FAILED;
		String detail = "programme ended early";
		try {
			on = switchOn(run, due);
			if (!on.isEmpty()) {
				cause = Reason.SINK_UNAVAILABLE;
				session = sinks.of(run.channel()).open(run.slotName(), sinks.format());
				session.holdUntil(run.occasion().airAt());
				cause = Reason.WRITE_FAILED;
				playItems(run, cue, now, session, due);
				session.drain();
			}
		}
		catch (IOException | RuntimeException e) {
			detail = e.toString();
			log.error("channel {}: {} «{}» stopped: {}", run.channel().id(), cause.code(), run.slotName(), detail);
		}
		finally {
			now.accept(null);
			Cue.Stop stop = cue.stopped();
			if (stop != null) {
				due.settleRest(Outcome.MISSED, stop.reason(), stop.detail());
			}
			else {
				due.settleRest(Outcome.FAILED, cause, detail);
			}
			SinkSession.closeQuietly(session);
			on.forEach(zoneSwitch::off);
		}
		return summary(due, session);
	}

	/** Switches the run's zones on; a zone whose switch fails is settled FAILED and left out. */
	private List<Zone> switchOn(Run run, DueAirings due) {
		return zoneSwitch.onAll(run.zones(), (zone, why) -> due.zoneLost(zone.id(), Reason.SWITCH_FAILED, why));
	}

	private void playItems(Run run, Cue cue, Consumer<NowPlaying> now, SinkSession session, DueAirings due)
			throws IOException {
		ItemPlayback playback = new ItemPlayback(sinks.format());
		String channelId = run.channel().id();
		boolean pauseDue = false;
		for (int index = 0; index < run.items().size() && cue.stopped() == null; index++) {
			ProgrammeItem item = run.items().get(index);
			AudioInputStream in;
			try {
				in = playback.open(item.audio());
			}
			catch (IOException e) {
				log.warn("channel {}: {} cannot be played: {}", channelId, item.title(), e.getMessage());
				if (item.isClip()) {
							due.settle(index, null, null, 0, Outcome.FAILED, Reason.CLIP_UNREADABLE, e.getMessage());
				}
				continue;
			}
			try (in) {
				if (pauseDue && run.pauseMs() > 0) {
					playback.silence(session, run.pauseMs(), cue);
				}
				pauseDue = true;
				Instant start = session.instantAt(session.framesWritten()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
				now.accept(nowPlaying(run, index, item, start, due));
				if (item.isClip()) {
					recorder.onAirStarted(new OnAirStore.InFlight(channelId, run.slotName(), due.zones(), item.clipId(),
							item.sha256(), item.title(), item.kind(), item.topic(), run.scheduled(item), start,
							item.durationMs(), 0));
				}
				long startFrame = session.framesWritten();
				ItemPlayback.Result result;
				try {
					result = playback.play(in, session, cue, ms -> {
						if (item.isClip()) {
							recorder.onAirProgress(channelId, start, ms);
						}
					});
				}
				catch (IOException e) {
					long frames = session.framesWritten() - startFrame;
					if (item.isClip()) {
						due.settle(index, start, session.instantAt(startFrame + frames), playback.ms(frames),
								frames > 0 ? Outcome.PARTIAL : Outcome.FAILED, Reason.WRITE_FAILED, e.toString());
					}
					throw e;
				}
				if (item.isClip()) {
					// the start its on_air row was written with: a sink's clock starts at its first frame
					settle(run, index, start, result, playback, due);
				}
			}
		}
	}

	private static void settle(Run run, int index, Instant start, ItemPlayback.Result r, ItemPlayback playback,
			DueAirings due) {
		long playedMs = playback.ms(r.frames());
		if (r.stopped() != null) {
			due.settle(index, start, r.end(), playedMs, Outcome.INTERRUPTED, r.stopped().reason(),
					r.stopped().detail());
		}
		else if (r.skipped() != null) {
			due.settle(index, start, r.end(), playedMs, Outcome.PARTIAL, Reason.SKIPPED, r.skipped());
		}
		else if (r.readError() != null) {
			due.settle(index, start, r.end(), playedMs, r.frames() == 0 ? Outcome.FAILED : Outcome.PARTIAL,
					Reason.CLIP_UNREADABLE, r.readError());
		}
		else {
			due.settle(index, start, r.end(), playedMs, Outcome.PLAYED, null, run.occasion().note());
		}
	}

	private static NowPlaying nowPlaying(Run run, int index, ProgrammeItem item, Instant start, DueAirings due) {
		List<String> upcoming = run.items().subList(index + 1, run.items().size()).stream()
			.map(ProgrammeItem::title)
			.toList();
		return new NowPlaying(run.channel().id(), run.slotName(), due.zones(), item.title(), item.clipId(), start,
				item.durationMs(), index + 1, run.items().size(), upcoming);
	}

	/** What the programme did, for the slot's run row: counted when it returns, before the rest is settled. */
	private static Summary summary(DueAirings due, SinkSession session) {
		return new Summary(due.count(Outcome.PLAYED), due.count(Outcome.FAILED), due.count(Outcome.INTERRUPTED),
				session == null ? null : session.file(), session == null ? null : session.instantAt(0),
				session == null ? 0 : session.framesWritten());
	}
}
