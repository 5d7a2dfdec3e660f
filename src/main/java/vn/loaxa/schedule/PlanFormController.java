package vn.loaxa.schedule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.UserError;

/**
 * Kênh, vùng loa, nhóm vùng và nguồn tiếp sóng from the web: the same {@link PlanEditor} as the API, so a form gets
 * the same checks and messages; a refusal is said on the page and nothing changes.
 */
@Controller
@PreAuthorize("hasAnyRole('TECHNICIAN','ADMIN')")
class PlanFormController {

	private static final String BACK = "redirect:/zones/plan";

	private final Schedule schedule;
	private final PlanEditor editor;
	private final MessageSource messages;

	PlanFormController(Schedule schedule, PlanEditor editor, MessageSource messages) {
		this.schedule = schedule;
		this.editor = editor;
		this.messages = messages;
	}

	@GetMapping("/zones/plan")
	String page(Model model) {
		model.addAttribute("plan", schedule.current());
		return "schedule/plan";
	}

	@PostMapping("/zones/plan/channels")
	String saveChannel(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String output, @RequestParam(required = false) String existing,
			RedirectAttributes redirect, Locale locale) {
		return done(() -> editor.saveChannel(new PlanEditor.ChannelDraft(id, name, output), blank(existing)).name(),
				"schedule.plan.saved", redirect, locale);
	}

	@PostMapping("/zones/plan/zones")
	String saveZone(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String switchOn,
			@RequestParam(required = false) String switchOff, @RequestParam(required = false) String settle,
			@RequestParam(required = false) String existing, RedirectAttributes redirect, Locale locale) {
		return done(() -> editor.saveZone(new PlanEditor.ZoneDraft(id, name, channel, words(switchOn), words(switchOff),
				settle), blank(existing)).name(), "schedule.plan.saved", redirect, locale);
	}

	@PostMapping("/zones/plan/groups")
	String saveGroup(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String zones, @RequestParam(required = false) String existing,
			RedirectAttributes redirect, Locale locale) {
		List<String> ids = zones == null ? List.of()
				: Arrays.stream(zones.split("[,;\\s]+")).filter(z -> !z.isBlank()).toList();
		return done(() -> editor.saveGroup(new PlanEditor.GroupDraft(id, name, ids), blank(existing)).name(),
				"schedule.plan.saved", redirect, locale);
	}

	/** A relay: its addresses typed on one line, separated by spaces (or one a line). */
	@PostMapping("/zones/plan/relays")
	String saveRelay(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String urls, @RequestParam(required = false) String input,
			@RequestParam(required = false) String existing, RedirectAttributes redirect, Locale locale) {
		return done(() -> editor.saveRelay(new PlanEditor.RelayDraft(id, name, words(urls), input), blank(existing))
			.name(), "schedule.plan.saved", redirect, locale);
	}

	@PostMapping("/zones/plan/{kind}/{id}/retire")
	String retire(@PathVariable String kind, @PathVariable String id, RedirectAttributes redirect, Locale locale) {
		return done(() -> {
			Plan plan = schedule.current();
			String name = kind.equals("relays") ? plan.relay(id).map(Relay::name).orElse(id)
					: plan.channel(id).filter(c -> kind.equals("channels")).map(OutputChannel::name)
						.orElseGet(() -> plan.targetName(id));
			switch (kind) {
				case "channels" -> editor.deleteChannel(id);
				case "zones" -> editor.deleteZone(id);
				case "groups" -> editor.deleteGroup(id);
				case "relays" -> editor.deleteRelay(id);
				default -> throw new UserError(404, "not_found", "schedule.edit.notFound", id);
			}
			return name;
		}, "schedule.plan.retired", redirect, locale);
	}

	private String done(java.util.function.Supplier<String> change, String key, RedirectAttributes redirect,
			Locale locale) {
		try {
			String name = change.get();
			redirect.addFlashAttribute("info", messages.getMessage(key, new Object[] { name }, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return BACK;
	}

	/** A switch command typed on one line: program and arguments separated by spaces. */
	private static List<String> words(String line) {
		return line == null || line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
