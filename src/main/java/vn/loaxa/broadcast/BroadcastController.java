package vn.loaxa.broadcast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.web.Formats;

/** The log page: filter, keyset paging, scheduled vs actual times, and the chain check. */
@Controller
class BroadcastController {

	private static final String LOG = "broadcasts/log";
	static final int PAGE_SIZE = 50;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final LogSearch search;
	private final BroadcastLog log;
	private final LoaxaClock clock;
	private final MessageSource messages;
	private final vn.loaxa.schedule.Schedule schedule;
	private final AirCheckArchive airChecks;

	BroadcastController(LogSearch search, BroadcastLog log, LoaxaClock clock, MessageSource messages,
			vn.loaxa.schedule.Schedule schedule, AirCheckArchive airChecks) {
		this.airChecks = airChecks;
		this.schedule = schedule;
		this.search = search;
		this.log = log;
		this.clock = clock;
		this.messages = messages;
	}

	/** One line of the page, formatted in the commune's zone. */
	record Line(BroadcastRecord record, String date, String scheduled, String actual, String offsetClass,
			String offsetText, String played, String correctedBy, AirCheckArchive.State airCheck) {
	}

	@GetMapping("/broadcasts")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model,
			Locale locale) {
		ZoneId zoneId = clock.zone();
		LogFilter filter = filter(from, to, zone, topic, kind, outcome, clock);
		LocalDate first = LocalDate.ofInstant(filter.from(), zoneId);
		LocalDate last = LocalDate.ofInstant(filter.to(), zoneId).minusDays(1);
		LogPage page = search.page(filter, LogPage.Cursor.parse(after), LogPage.Cursor.parse(before), PAGE_SIZE);

		java.util.Map<Long, AirCheckArchive.State> airCheckStates = airChecks
			.states(page.entries().stream().map(LogPage.Entry::record).toList());
		model.addAttribute("lines", page.entries().stream()
			.map(e -> line(e, zoneId, locale, airCheckStates.get(e.record().id())))
			.toList());
		model.addAttribute("next", page.next() == null ? null : page.next().token());
		model.addAttribute("previous", page.previous() == null ? null : page.previous().token());
		model.addAttribute("paged", after != null || before != null);
		model.addAttribute("from", Formats.date(first));
		model.addAttribute("to", Formats.date(last));
		model.addAttribute("zone", filter.zoneId());
		model.addAttribute("topic", filter.topic());
		model.addAttribute("kind", filter.kind());
		model.addAttribute("outcome", filter.outcome());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("kinds", ClipKind.values());
		model.addAttribute("outcomes", Outcome.values());
		// the plan's zones by name, for the filter and the rows (Plan.targetName: a zone retired since shows its id)
		model.addAttribute("plan", schedule.current());
		return LOG;
	}

	/** The page's filters (days dd/MM/yyyy, the last 7 days by default), as the page and its exports read them. */
	static LogFilter filter(String from, String to, String zone, String topic, String kind, String outcome,
			LoaxaClock clock) {
		LocalDate today = clock.today();
		LocalDate first = Formats.parseDate(from);
		LocalDate last = Formats.parseDate(to);
		first = first == null ? (last == null ? today.minusDays(6) : last.minusDays(6)) : first;
		last = last == null ? (first.isAfter(today) ? first : today) : last;
		if (first.isAfter(last)) {
			throw new UserError(400, "invalid_range", "broadcast.error.range", Formats.date(first), Formats.date(last));
		}
		ZoneId zoneId = clock.zone();
		return new LogFilter(first.atStartOfDay(zoneId).toInstant(), last.plusDays(1).atStartOfDay(zoneId).toInstant(),
				zone, Formats.parseEnum(Topic.class, topic, "invalid_topic"),
				Formats.parseEnum(ClipKind.class, kind, "invalid_kind"),
				Formats.parseEnum(Outcome.class, outcome, "invalid_outcome"));
	}

	@PostMapping("/broadcasts/verify")
	String verify(RedirectAttributes redirect, Locale locale) {
		ChainVerification v = log.verify();
		if (v.intact()) {
			redirect.addFlashAttribute("info", messages.getMessage("broadcast.verify.ok",
					new Object[] { v.recordsChecked(), v.millis() }, locale));
		}
		else {
			String problem = messages.getMessage("broadcast.problem." + v.problem(), null, v.problem(), locale);
			redirect.addFlashAttribute("error", messages.getMessage("broadcast.verify.broken",
					new Object[] { v.firstBrokenId(), problem, v.recordsChecked() }, locale));
		}
		return "redirect:/broadcasts";
	}

	/** The air-check of a record, for the page's player (the session's log-in; the API's is HTTP Basic). */
	@GetMapping("/broadcasts/{id}/aircheck")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> airCheck(
			@org.springframework.web.bind.annotation.PathVariable long id) {
		return BroadcastApiController.airCheckResponse(airChecks.open(id));
	}

	private Line line(LogPage.Entry entry, ZoneId zone, Locale locale, AirCheckArchive.State airCheck) {
		Airing a = entry.record().airing();
		Long offset = entry.offsetSeconds();
		String offsetClass = "";
		String offsetText = "";
		if (offset != null) {
			if (Math.abs(offset) <= 60) {
				offsetClass = "text-bg-success";
				offsetText = messages.getMessage("broadcast.onTime", null, locale);
			}
			else {
				offsetClass = offset > 0 ? "text-bg-warning" : "text-bg-info";
				offsetText = messages.getMessage(offset > 0 ? "broadcast.late" : "broadcast.early",
						new Object[] { Formats.duration(Math.abs(offset) * 1000) }, locale);
			}
		}
		return new Line(entry.record(), Formats.date(a.scheduledStart().atZone(zone).toLocalDate()),
				TIME.format(a.scheduledStart().atZone(zone)),
				a.actualStart() == null ? "" : TIME.format(a.actualStart().atZone(zone)), offsetClass, offsetText,
				Formats.duration(a.playedMs()),
				entry.correctedBy() == null ? null : messages.getMessage("broadcast.correctedBy",
						new Object[] { String.valueOf(entry.correctedBy()) }, locale), airCheck);
	}
}
