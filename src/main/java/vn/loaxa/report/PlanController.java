package vn.loaxa.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * The plan page: a year's plan name and its targets, with a form to add or change one. A bad count
 * re-shows the form with a message and a 400; nothing is stored.
 */
@Controller
class PlanController {

	private static final String PLAN = "reports/plan";

	private final PlanTargets plans;
	private final LoaxaClock clock;
	private final MessageSource messages;
	private final ReportExports exports;

	PlanController(PlanTargets plans, LoaxaClock clock, MessageSource messages, ReportExports exports) {
		this.exports = exports;
		this.plans = plans;
		this.clock = clock;
		this.messages = messages;
	}

	/** The target form as typed, so a refused form comes back with what the user entered. */
	record TargetForm(Long id, String name, String planned, boolean perMonth, Set<ClipKind> kinds, Set<Topic> topics,
			Measure measure, String relay) {

		static TargetForm empty() {
			return new TargetForm(null, "", "", false, Set.of(), Set.of(), Measure.CLIPS, "");
		}

		static TargetForm of(PlanTarget t) {
			return new TargetForm(t.id(), t.name(), String.valueOf(t.planned()), t.perMonth(), t.kinds(), t.topics(),
					t.measure(), t.relay() == null ? "" : t.relay());
		}
	}

	@GetMapping("/reports/plan")
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long edit, Model model) {
		int shown = year(year);
		TargetForm form = edit == null ? TargetForm.empty()
				: plans.target(edit)
					.map(TargetForm::of)
					.orElseThrow(() -> new UserError(404, "target_not_found", "report.error.targetNotFound", edit));
		return show(shown, form, model);
	}

	@PostMapping("/reports/plan")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String savePlan(@RequestParam int year, @RequestParam(required = false) String name,
			@RequestParam(required = false) String number, @RequestParam(required = false) String date, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		try {
			plans.savePlan(year, name, number, date);
		}
		catch (UserError e) {
			return refused(e, year(year), TargetForm.empty(), model, response, locale);
		}
		redirect.addFlashAttribute("info", messages.getMessage("plan.saved", null, locale));
		return "redirect:/reports/plan?year=" + year;
	}

	@PostMapping("/reports/plan/targets")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String saveTarget(@RequestParam int year, @RequestParam(required = false) Long id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String planned,
			@RequestParam(defaultValue = "false") boolean perMonth,
			@RequestParam(required = false) List<String> kinds, @RequestParam(required = false) List<String> topics,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String relay, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		TargetDraft draft = new TargetDraft(name, planned, perMonth, kinds, topics, measure, relay);
		try {
			plans.save(draft.target(id, year));
		}
		catch (UserError e) {
			return refused(e, year(year), draft.asTyped(id), model, response, locale);
		}
		redirect.addFlashAttribute("info", messages.getMessage("plan.target.saved", null, locale));
		return "redirect:/reports/plan?year=" + year;
	}

	@PostMapping("/reports/plan/targets/{id}/delete")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String delete(@PathVariable long id, @RequestParam int year, RedirectAttributes redirect, Locale locale) {
		plans.delete(id);
		redirect.addFlashAttribute("info", messages.getMessage("plan.target.deleted", null, locale));
		return "redirect:/reports/plan?year=" + year(year);
	}

	private String refused(UserError e, int year, TargetForm form, Model model, HttpServletResponse response,
			Locale locale) {
		response.setStatus(e.status());
		model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		return show(year, form, model);
	}

	private String show(int year, TargetForm form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("plan", plans.plan(year).orElse(null));
		model.addAttribute("planDocument", plans.document(year));
		model.addAttribute("targets", plans.targets(year));
		model.addAttribute("form", form);
		model.addAttribute("kinds", ClipKind.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("measures", Measure.values());
		model.addAttribute("relays", relayChoices(form));
		model.addAttribute("forecasts", exports.forecastLines(ReportPeriod.parse(String.valueOf(year))));
		model.addAttribute("today", clock.today());
		return PLAN;
	}

	/** The plan's relays, and the form's own when the plan no longer has it (so saving keeps it). */
	private List<vn.loaxa.schedule.Relay> relayChoices(TargetForm form) {
		List<vn.loaxa.schedule.Relay> relays = new java.util.ArrayList<>(plans.relays());
		if (!form.relay().isEmpty() && relays.stream().noneMatch(r -> r.id().equals(form.relay()))) {
			relays.add(new vn.loaxa.schedule.Relay(form.relay(), form.relay(), List.of(), null));
		}
		return relays;
	}

	private int year(Integer year) {
		return year != null && year >= ReportPeriod.MIN_YEAR && year <= ReportPeriod.MAX_YEAR ? year
				: clock.today().getYear();
	}
}
