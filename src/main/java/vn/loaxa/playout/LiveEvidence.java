package vn.loaxa.playout;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Topic;

/**
 * A live announcement made evidence: its recording kept as a clip (kind ANNOUNCEMENT, source LIVE,
 * archived so it does not join the queue) and one record per zone under the slot name
 * {@link LiveAnnouncements#LIVE}, with the clip's hash and the times the loudspeakers played. The
 * records are written even when the recording cannot be kept (they then say why and name no clip).
 */
@Component
class LiveEvidence {

	/** The recording kept, or why not. */
	record Kept(Clip clip, String error) {
	}

	private static final Logger log = LoggerFactory.getLogger(LiveEvidence.class);
	private static final java.time.format.DateTimeFormatter TITLE_TIME = java.time.format.DateTimeFormatter
		.ofPattern("dd/MM/yyyy HH:mm");

	private final ClipLibrary library;
	private final AiringRecorder recorder;
	private final Sinks sinks;
	private final LoaxaClock clock;

	LiveEvidence(ClipLibrary library, AiringRecorder recorder, Sinks sinks, LoaxaClock clock) {
		this.library = library;
		this.recorder = recorder;
		this.sinks = sinks;
		this.clock = clock;
	}

	Kept keep(Path marker, LiveRecording.Marker about) {
		try {
			Path wav = LiveRecording.toWav(LiveRecording.pcmOf(marker), sinks.format());
			Clip clip = library.keepLiveRecording(wav, draft(about), about.by());
			return new Kept(clip, null);
		}
		catch (RuntimeException | java.io.IOException e) {
			log.error("live announcement of {}: the recording could not be kept as a clip: {}", about.start(),
					e.toString());
			return new Kept(null, e.getMessage() == null ? e.toString() : e.getMessage());
		}
	}

	private ClipDraft draft(LiveRecording.Marker about) {
		String title = about.title() != null ? about.title()
				: "Phát trực tiếp " + TITLE_TIME.format(about.start().atZone(clock.zone())) + " (" + about.by() + ")";
		Topic topic = about.topic() == null ? Topic.OTHER : Topic.valueOf(about.topic());
		return new ClipDraft(title, ClipKind.ANNOUNCEMENT, topic, null, null, null,
				"Ghi âm phát trực tiếp của " + about.by());
	}

	/** The records of a channel's share: its zones' outcome, and FAILED for each zone it lost. */
	List<Airing> airings(LivePlayer.Aired aired, Kept kept, LiveRecording.Marker about, long recordedMs) {
		List<Airing> result = new ArrayList<>();
		String note = "phát trực tiếp bởi " + about.by()
				+ (kept.clip() == null ? "; không lưu được bản ghi âm: " + kept.error() : "");
		if (aired.airCheckFailure() != null) {
			note += "; không giữ được bản ghi phát sóng (air-check): " + aired.airCheckFailure();
		}
		for (String zone : aired.zonesOn()) {
			result.add(airing(zone, kept, about, aired.start(), aired.end(), aired.playedMs(), recordedMs,
					aired.outcome(), aired.reason() == null ? note : aired.detail() + "; " + note, aired.reason())
				.withAirCheck(aired.airCheck()));
		}
		aired.zonesLost().forEach((zone, why) -> result.add(airing(zone, kept, about, null, null, 0, recordedMs,
				Outcome.FAILED, why, Reason.SWITCH_FAILED)));
		return result;
	}

	/** Records for zones whose channel never reported (it did not finish in time): FAILED, said so. */
	List<Airing> unknown(List<String> zones, Kept kept, LiveRecording.Marker about, long recordedMs) {
		return zones.stream().map(zone -> airing(zone, kept, about, null, null, 0, recordedMs, Outcome.FAILED,
				"the channel did not finish the live announcement in time", Reason.WRITE_FAILED)).toList();
	}

	/** A live announcement a crash cut: what was recorded counts as aired up to the cut, INTERRUPTED. */
	List<Airing> cut(Kept kept, LiveRecording.Marker about, long recordedMs) {
		Instant end = about.start().plusMillis(recordedMs);
		return about.zones().stream().map(zone -> airing(zone, kept, about, about.start(), end, recordedMs, recordedMs,
				Outcome.INTERRUPTED, "phát trực tiếp bởi " + about.by() + " bị cắt (mất điện hoặc phần mềm dừng)",
				Reason.CRASH)).toList();
	}

	private static Airing airing(String zone, Kept kept, LiveRecording.Marker about, Instant start, Instant end,
			long playedMs, long recordedMs, Outcome outcome, String reason, Reason code) {
		Clip clip = kept.clip();
		return Airing.of(zone, LiveAnnouncements.LIVE)
			.clip(clip == null ? null : clip.getId(), clip == null ? null : clip.getSha256(),
					clip == null ? "Phát trực tiếp (" + about.by() + ")" : clip.getTitle(), ClipKind.ANNOUNCEMENT,
					clip == null ? Topic.OTHER : clip.getTopic())
			.scheduled(about.start())
			.started(start)
			.ended(end)
			.playedMs(playedMs)
			.dueMs(clip == null ? recordedMs : clip.getDurationMs())
			.outcome(outcome)
			.reason(reason)
			.reasonCode(code)
			.build();
	}

	/** Hands the records over and waits until they are durable (journal fsynced): then the marker may go. */
	void record(List<Airing> airings) {
		if (!airings.isEmpty()) {
			recorder.record(AiringBatch.of(airings));
			recorder.flush(Duration.ZERO);
		}
	}
}
