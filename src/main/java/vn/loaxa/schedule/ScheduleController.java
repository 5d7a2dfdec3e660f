package vn.loaxa.schedule;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.UserError;
import vn.loaxa.media.Topic;

/** Vùng loa: channels, zones, groups, holidays and slots; "nạp lại", export, and the slot form. */
@Controller
class ScheduleController {

	private static final String ZONES = "schedule/zones";
	private static final String FORM = "schedule/slot-form";

	private final Schedule schedule;
	private final MessageSource messages;

	ScheduleController(Schedule schedule, MessageSource messages) {
		this.schedule = schedule;
		this.messages = messages;
	}

	@GetMapping("/zones")
	String zones(Model model, Locale locale) {
		Plan plan = schedule.current();
		model.addAttribute("plan", plan);
		model.addAttribute("schedule", schedule);
		schedule.lastReload().filter(r -> !r.ok()).ifPresent(r -> model.addAttribute("reloadErrors",
				r.errors().stream().map(e -> text(e, locale)).toList()));
		return ZONES;
	}

	@PostMapping("/zones/reload")
	@PreAuthorize("hasAnyRole('TECHNICIAN','ADMIN')")
	String reload(RedirectAttributes redirect, Locale locale) {
		Schedule.ReloadOutcome outcome = schedule.reload();
		if (outcome.ok()) {
			redirect.addFlashAttribute("info", messages.getMessage("schedule.reload.ok", new Object[] { outcome.slots() },
					locale));
		}
		else {
			redirect.addFlashAttribute("error", messages.getMessage("schedule.reload.failed", null, locale));
		}
		return "redirect:/zones";
	}

	@PostMapping("/zones/export")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String export(RedirectAttributes redirect, Locale locale) {
		List<String> files = schedule.exportToFiles();
		redirect.addFlashAttribute("info", messages.getMessage("schedule.export.done",
				new Object[] { String.join(", ", files) }, locale));
		return "redirect:/zones";
	}

	@GetMapping("/zones/slots/new")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String newSlot(@RequestParam(required = false) String target, Model model) {
		SlotForm form = new SlotForm();
		form.setTarget(target);
		form.setLength("15m");
		return form(model, form);
	}

	@GetMapping("/zones/slots/edit")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String editSlot(@RequestParam String key, Model model) {
		Slot slot = schedule.current().slot(key)
			.orElseThrow(() -> new UserError(404, "unknown_slot", "programme.error.unknownSlot", key));
		return form(model, SlotForm.of(slot));
	}

	@PostMapping("/zones/slots")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String saveSlot(@ModelAttribute("form") SlotForm form, Model model, RedirectAttributes redirect, Locale locale) {
		try {
			Slot slot = schedule.saveSlot(form.draft(), form.getOriginalKey());
			redirect.addFlashAttribute("info", messages.getMessage("schedule.slot.saved", new Object[] { slot.name() },
					locale));
			return "redirect:/zones";
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			return form(model, form);
		}
	}

	@PostMapping("/zones/slots/delete")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String deleteSlot(@RequestParam String key, RedirectAttributes redirect, Locale locale) {
		schedule.current().slot(key).ifPresent(s -> {
			schedule.deleteSlot(key);
			redirect.addFlashAttribute("info", messages.getMessage("schedule.slot.deleted", new Object[] { s.name() },
					locale));
		});
		return "redirect:/zones";
	}

	private String form(Model model, SlotForm form) {
		Plan plan = schedule.current();
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("topics", Topic.values());
		return FORM;
	}

	private String text(PlanError e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
	}
}
