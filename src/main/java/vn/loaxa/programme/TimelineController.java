package vn.loaxa.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.security.Actors;
import vn.loaxa.web.Formats;

/** Lịch phát: per zone, a day or a week of programmes with each clip's planned start; pin and drop. */
@Controller
class TimelineController {

	private static final String TIMELINE = "programme/timeline";

	record Day(LocalDate date, List<ZoneProgramme> programmes) {
	}

	private final Programmes programmes;
	private final Schedule schedule;
	private final ClipLibrary library;
	private final LoaxaClock clock;
	private final MessageSource messages;

	TimelineController(Programmes programmes, Schedule schedule, ClipLibrary library, LoaxaClock clock,
			MessageSource messages) {
		this.programmes = programmes;
		this.schedule = schedule;
		this.library = library;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/schedule")
	String timeline(@RequestParam(required = false) String date, @RequestParam(required = false) String zone,
			@RequestParam(defaultValue = "day") String view, Model model) {
		LocalDate day = date == null || date.isBlank() ? clock.today() : Formats.parseDate(date);
		boolean week = "week".equals(view);
		List<Day> days = new ArrayList<>();
		LocalDate first = week ? day.minusDays(day.getDayOfWeek().getValue() - 1) : day;
		for (int i = 0; i < (week ? 7 : 1); i++) {
			LocalDate d = first.plusDays(i);
			days.add(new Day(d, programmes.day(d).stream()
				.filter(zp -> zone == null || zone.isBlank() || zp.zone().id().equals(zone))
				.toList()));
		}
		model.addAttribute("day", day);
		model.addAttribute("days", days);
		model.addAttribute("view", week ? "week" : "day");
		model.addAttribute("zone", zone);
		model.addAttribute("zones", schedule.current().zones());
		model.addAttribute("tz", clock.zone());
		model.addAttribute("queue", library.queue(day).clips());
		model.addAttribute("misfits", programmes.fittingNoSlot(day));
		return TIMELINE;
	}

	@PostMapping("/schedule/pin")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String pin(@RequestParam String slotKey, @RequestParam String date, @RequestParam long clipId, Authentication auth,
			RedirectAttributes redirect, Locale locale) {
		LocalDate day = Formats.parseDate(date);
		programmes.pin(slotKey, day, clipId, Actors.name(auth));
		redirect.addFlashAttribute("info", messages.getMessage("programme.pin.done",
				new Object[] { library.get(clipId).getTitle() }, locale));
		return "redirect:/schedule?date=" + Formats.date(day);
	}

	@PostMapping("/schedule/drop")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String drop(@RequestParam String slotKey, @RequestParam String date, @RequestParam long clipId, Authentication auth,
			RedirectAttributes redirect, Locale locale) {
		LocalDate day = Formats.parseDate(date);
		programmes.drop(slotKey, day, clipId, Actors.name(auth));
		redirect.addFlashAttribute("info", messages.getMessage("programme.drop.done",
				new Object[] { library.get(clipId).getTitle() }, locale));
		return "redirect:/schedule?date=" + Formats.date(day);
	}
}
