package vn.loaxa.playout;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Zone;
import vn.loaxa.security.Actors;

/** Đang phát: each channel now, the next slots, Stop / Skip, and Phát ngay with a confirmation step. */
@Controller
class OnAirController {

	private static final String ON_AIR = "playout/on-air";
	private static final String CONFIRM = "playout/play-now";

	private final Playout playout;
	private final LiveAnnouncements live;
	private final Schedule schedule;
	private final ClipLibrary library;
	private final LoaxaClock clock;
	private final MessageSource messages;

	OnAirController(Playout playout, LiveAnnouncements live, Schedule schedule, ClipLibrary library, LoaxaClock clock,
			MessageSource messages) {
		this.playout = playout;
		this.live = live;
		this.schedule = schedule;
		this.library = library;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/on-air")
	String onAir(Model model) {
		ZonedDateTime now = clock.now();
		model.addAttribute("channels", playout.channels());
		model.addAttribute("next", schedule.occurrencesBetween(now, now.plusDays(1)).stream().limit(12).toList());
		model.addAttribute("runs", playout.recentRuns(15));
		model.addAttribute("clips", library.queue(clock.today()).clips());
		model.addAttribute("zones", schedule.current().zones());
		model.addAttribute("plan", schedule.current());
		live.current().ifPresent(on -> {
			model.addAttribute("live", on);
			model.addAttribute("liveZones", on.zones().stream().map(schedule.current()::targetName)
				.collect(Collectors.joining(", ")));
		});
		model.addAttribute("liveMaxMinutes", live.maxMinutes());
		model.addAttribute("liveCapture", live.captureName());
		model.addAttribute("topics", vn.loaxa.media.Topic.values());
		return ON_AIR;
	}

	@PostMapping("/on-air/{channel}/stop")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String stop(@PathVariable String channel, Authentication auth, RedirectAttributes redirect, Locale locale) {
		boolean done = playout.stop(channel, Actors.name(auth));
		redirect.addFlashAttribute("info", messages.getMessage(done ? "playout.stopped" : "playout.nothing",
				new Object[] { channel }, locale));
		return "redirect:/on-air";
	}

	@PostMapping("/on-air/{channel}/skip")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String skip(@PathVariable String channel, Authentication auth, RedirectAttributes redirect, Locale locale) {
		boolean done = playout.skip(channel, Actors.name(auth));
		redirect.addFlashAttribute("info", messages.getMessage(done ? "playout.skipped" : "playout.nothing",
				new Object[] { channel }, locale));
		return "redirect:/on-air";
	}

	/** Step one of Phát ngay: shows what will be interrupted and asks to confirm. */
	@PostMapping("/on-air/play-now")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String check(@RequestParam long clipId, @RequestParam(required = false) List<String> zones, Model model,
			Locale locale) {
		Clip clip = playout.playNowClip(clipId);
		Map<OutputChannel, List<Zone>> targets = playout.playNowTargets(zones);
		String names = targets.values().stream().flatMap(List::stream).map(Zone::name).collect(Collectors.joining(", "));
		model.addAttribute("clip", clip);
		model.addAttribute("zones", zones);
		model.addAttribute("text", messages.getMessage("playout.playNow.confirmText", new Object[] { clip.getTitle(), names },
				locale));
		return CONFIRM;
	}

	/** Step two: confirmed. */
	@PostMapping("/on-air/play-now/confirm")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String confirm(@RequestParam long clipId, @RequestParam List<String> zones, Authentication auth,
			RedirectAttributes redirect, Locale locale) {
		playout.playNow(clipId, zones, Actors.name(auth));
		redirect.addFlashAttribute("info", messages.getMessage("playout.playNow.started",
				new Object[] { library.get(clipId).getTitle() }, locale));
		return "redirect:/on-air";
	}

	/** Phát trực tiếp: the zones' channels are taken and the microphone goes to them until Kết thúc. */
	@PostMapping("/on-air/live/start")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String startLive(@RequestParam(required = false) List<String> zones, @RequestParam(required = false) String title,
			@RequestParam(required = false) String topic, Authentication auth, RedirectAttributes redirect, Locale locale) {
		LiveAnnouncements.Status status;
		try {
			status = live.start(zones, title, topic, Actors.name(auth));
		}
		catch (vn.loaxa.config.UserError e) {
			// no microphone, one already live, no zone chosen: said on the page, nothing interrupted
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
			return "redirect:/on-air";
		}
		String names = status.zones().stream().map(schedule.current()::targetName).collect(Collectors.joining(", "));
		redirect.addFlashAttribute("info", messages.getMessage("playout.live.started", new Object[] { names }, locale));
		return "redirect:/on-air";
	}

	@PostMapping("/on-air/live/stop")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String stopLive(Authentication auth, RedirectAttributes redirect, Locale locale) {
		String text = live.stop(Actors.name(auth))
			.map(e -> e.clipId() != null
					? messages.getMessage("playout.live.ended", new Object[] { e.seconds(), e.clipTitle() }, locale)
					: messages.getMessage("playout.live.endedNoClip", new Object[] { e.seconds(), e.error() }, locale))
			.orElseGet(() -> messages.getMessage("playout.live.nothing", null, locale));
		redirect.addFlashAttribute("info", text);
		return "redirect:/on-air";
	}
}
