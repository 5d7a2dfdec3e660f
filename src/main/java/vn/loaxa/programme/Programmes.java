package vn.loaxa.programme;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ClipQueue;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Plan;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotOccurrence;
import vn.loaxa.schedule.Zone;

/**
 * Fills slots from the queue: at air time ({@link #fill}) and beforehand as a preview
 * ({@link #day}), and lets the officer pin or drop a clip for one date.
 */
@Service
public class Programmes {

	private static final Logger log = LoggerFactory.getLogger(Programmes.class);

	private record Tune(Path audio, long durationMs) {
	}

	private final ClipLibrary library;
	private final Schedule schedule;
	private final PinStore pins;
	private final PlayoutTiming timing;
	private final LoaxaClock clock;
	private final Map<String, Tune> tunes = new ConcurrentHashMap<>();

	private final boolean playoutEnabled;

	Programmes(ClipLibrary library, Schedule schedule, PinStore pins, PlayoutTiming timing, LoaxaClock clock,
			@org.springframework.beans.factory.annotation.Value("${loaxa.playout.enabled:true}") boolean playoutEnabled) {
		this.playoutEnabled = playoutEnabled;
		this.library = library;
		this.schedule = schedule;
		this.pins = pins;
		this.timing = timing;
		this.clock = clock;
	}

	/**
	 * Decodes the plan's signature tunes ahead of air time (once per file), so that a slot's
	 * start is never held up by ffmpeg.
	 */
	@org.springframework.context.event.EventListener({ vn.loaxa.schedule.PlanChanged.class,
			org.springframework.boot.context.event.ApplicationReadyEvent.class })
	public void warmTunes() {
		if (!playoutEnabled) {
			return;
		}
		for (Slot slot : schedule.current().slots()) {
			tune(slot.intro());
			tune(slot.outro());
		}
	}

	public PlayoutTiming timing() {
		return timing;
	}

	/** The programme of an occurrence airing from {@code start} with {@code available} left of the slot. */
	public Programme fill(SlotOccurrence occurrence, Instant start, Duration available) {
		return fill(occurrence, start, available, library.queue(occurrence.date()), pins.on(occurrence.date()), Map.of());
	}

	/** As planned: from the slot's start, for its whole length. */
	public Programme preview(SlotOccurrence occurrence) {
		return fill(occurrence, occurrence.startInstant(), occurrence.slot().length());
	}

	/**
	 * Every programme of a date, per zone and slot, in start order. Clips planned earlier in the
	 * day count as aired for the later slots, as the rotation will when they air.
	 */
	public List<ZoneProgramme> day(LocalDate date) {
		Plan plan = schedule.current();
		ClipQueue queue = library.queue(date);
		List<PinStore.Pin> pinned = pins.on(date);
		Map<Long, Integer> aired = new HashMap<>();
		List<ZoneProgramme> result = new ArrayList<>();
		for (SlotOccurrence occurrence : schedule.occurrencesOn(date)) {
			Programme programme = fill(occurrence, occurrence.startInstant(), occurrence.slot().length(), queue, pinned,
					aired);
			List<Zone> zones = plan.zonesOf(occurrence.slot());
			for (ProgrammeItem item : programme.clips()) {
				aired.merge(item.clipId(), zones.size(), Integer::sum);
			}
			for (Zone zone : zones) {
				OutputChannel channel = plan.channel(zone.channelId()).orElse(null);
				result.add(new ZoneProgramme(zone, channel, programme));
			}
		}
		return result;
	}

	/** Queued clips longer than every slot that accepts their topic: they would never air. */
	public List<Clip> fittingNoSlot(LocalDate date) {
		List<Slot> slots = schedule.current().slots();
		return library.queue(date).clips().stream()
			.filter(c -> slots.stream().noneMatch(s -> s.accepts(c.getTopic()) && c.getDurationMs() <= s.length().toMillis()))
			.toList();
	}

	public void pin(String slotKey, LocalDate date, long clipId, String by) {
		Clip clip = checkPin(slotKey, date, clipId);
		if (!clip.isQueuedOn(date)) {
			throw new UserError(400, "clip_not_queued", "programme.error.notQueued", clip.getTitle(),
					vn.loaxa.web.Formats.date(date));
		}
		pins.set(slotKey, date, clipId, PinStore.Action.PIN, by, clock.now().toInstant());
	}

	public void drop(String slotKey, LocalDate date, long clipId, String by) {
		checkPin(slotKey, date, clipId);
		pins.set(slotKey, date, clipId, PinStore.Action.DROP, by, clock.now().toInstant());
	}

	public void unpin(String slotKey, LocalDate date, long clipId) {
		pins.clear(slotKey, date, clipId);
	}

	private Clip checkPin(String slotKey, LocalDate date, long clipId) {
		Slot slot = schedule.current().slot(slotKey)
			.orElseThrow(() -> new UserError(404, "unknown_slot", "programme.error.unknownSlot", slotKey));
		if (date == null || date.isBefore(clock.today())) {
			throw new UserError(400, "date_past", "programme.error.datePast", vn.loaxa.web.Formats.date(date));
		}
		if (!slot.airsOn(date)) {
			throw new UserError(400, "slot_not_on_date", "programme.error.notOnDate", slot.name(),
					vn.loaxa.web.Formats.date(date));
		}
		return library.find(clipId)
			.orElseThrow(() -> new UserError(404, "unknown_clip", "programme.error.unknownClip", clipId));
	}

	private Programme fill(SlotOccurrence occurrence, Instant start, Duration available, ClipQueue queue,
			List<PinStore.Pin> pinned, Map<Long, Integer> aired) {
		Slot slot = occurrence.slot();
		long lengthMs = Math.max(0, Math.min(available.toMillis(), slot.length().toMillis()));
		long pauseMs = timing.pause().toMillis();
		Tune intro = tune(slot.intro());
		Tune outro = tune(slot.outro());
		if (slot.isRelay()) {
			// tiếp sóng: the station fills it between its tunes, no clip of the queue is planned there
			return new Programme(occurrence, start, lengthMs, pauseMs, relayTunes(slot, lengthMs, intro, outro), false);
		}
		Set<Long> pins = this.pins.clips(pinned, slot.key(), PinStore.Action.PIN);
		Set<Long> drops = this.pins.clips(pinned, slot.key(), PinStore.Action.DROP);
		List<Clip> candidates = new ArrayList<>(queue.clips());
		for (Long id : pins) {
			if (candidates.stream().noneMatch(c -> c.getId().equals(id))) {
				library.find(id).filter(c -> c.isQueuedOn(occurrence.date())).ifPresent(candidates::add);
			}
		}
		List<Clip> chosen = ProgrammeFiller.choose(candidates, slot, pins, drops, lengthMs, pauseMs,
				intro == null ? 0 : intro.durationMs(), outro == null ? 0 : outro.durationMs(), aired);
		List<ProgrammeItem> items = new ArrayList<>();
		long offset = 0;
		if (!chosen.isEmpty() && intro != null) {
			items.add(new ProgrammeItem(ProgrammeItem.Part.INTRO, null, slot.intro(), null, null, null, null,
					intro.durationMs(), offset, intro.audio(), false));
			offset += intro.durationMs() + pauseMs;
		}
		for (Clip clip : chosen) {
			items.add(new ProgrammeItem(ProgrammeItem.Part.CLIP, clip.getId(), clip.getTitle(), clip.getSha256(),
					clip.getKind(), clip.getTopic(), clip.getPriority(), clip.getDurationMs(), offset,
					library.canonicalAudio(clip), pins.contains(clip.getId())));
			offset += clip.getDurationMs() + pauseMs;
		}
		if (!chosen.isEmpty() && outro != null) {
			items.add(new ProgrammeItem(ProgrammeItem.Part.OUTRO, null, slot.outro(), null, null, null, null,
					outro.durationMs(), offset, outro.audio(), false));
		}
		boolean trimmed = lengthMs < slot.length().toMillis();
		return new Programme(occurrence, start, lengthMs, pauseMs, items, trimmed);
	}

	/** A relay slot's intro at its start and outro at its end, when both fit with a relay between. */
	private static List<ProgrammeItem> relayTunes(Slot slot, long lengthMs, Tune intro, Tune outro) {
		long introMs = intro == null ? 0 : intro.durationMs();
		long outroMs = outro == null ? 0 : outro.durationMs();
		if (introMs + outroMs >= lengthMs) {
			return List.of();
		}
		List<ProgrammeItem> items = new ArrayList<>();
		if (intro != null) {
			items.add(new ProgrammeItem(ProgrammeItem.Part.INTRO, null, slot.intro(), null, null, null, null, introMs, 0,
					intro.audio(), false));
		}
		if (outro != null) {
			items.add(new ProgrammeItem(ProgrammeItem.Part.OUTRO, null, slot.outro(), null, null, null, null, outroMs,
					lengthMs - outroMs, outro.audio(), false));
		}
		return items;
	}

	private Tune tune(String fileName) {
		if (fileName == null) {
			return null;
		}
		try {
			return tunes.computeIfAbsent(fileName, name -> {
				Path audio = library.signatureTune(name);
				return new Tune(audio, lengthMs(audio));
			});
		}
		catch (RuntimeException e) {
			log.warn("signature tune {} cannot be used: {}", fileName, e.getMessage());
			return null;
		}
	}

	private static long lengthMs(Path wav) {
		try {
			AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
			return Math.round(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate());
		}
		catch (IOException | UnsupportedAudioFileException e) {
			throw new IllegalStateException("signature tune unreadable: " + wav, e);
		}
	}
}
