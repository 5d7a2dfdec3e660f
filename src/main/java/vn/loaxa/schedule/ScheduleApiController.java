package vn.loaxa.schedule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import vn.loaxa.web.ApiController;

@ApiController
class ScheduleApiController {

	record ZoneView(String id, String name, String channel, String channelName, String output, boolean switchCommand,
			List<String> groups, List<SlotView> slots) {
	}

	record ReloadView(boolean ok, int slots, List<Map<String, Object>> errors) {
	}

	private final Schedule schedule;
	private final MessageSource messages;

	ScheduleApiController(Schedule schedule, MessageSource messages) {
		this.schedule = schedule;
		this.messages = messages;
	}

	@Operation(summary = "List the zones with their channel, groups and slots",
			description = "Each zone with its slots and the next firing of each.")
	@GetMapping("/api/zones")
	List<ZoneView> zones() {
		Plan plan = schedule.current();
		return plan.zones().stream().map(z -> {
			OutputChannel c = plan.channel(z.channelId()).orElse(null);
			return new ZoneView(z.id(), z.name(), z.channelId(), c == null ? null : c.name(), c == null ? null : c.output(),
					z.hasSwitchCommand(),
					plan.groups().stream().filter(g -> g.zoneIds().contains(z.id())).map(ZoneGroup::id).toList(),
					plan.slotsOf(z.id()).stream().map(s -> SlotView.of(s, schedule)).toList());
		}).toList();
	}

	@Operation(summary = "Reload the schedule files",
			description = "Reads the plan files again (Nạp lại); with errors, each with its file and line, the "
					+ "plan in force stays.")
	@PostMapping("/api/schedule/reload")
	@PreAuthorize("hasAnyRole('TECHNICIAN','ADMIN')")
	ReloadView reload(Locale locale) {
		Schedule.ReloadOutcome outcome = schedule.reload();
		return new ReloadView(outcome.ok(), outcome.slots(), outcome.errors().stream()
			.map(e -> Map.<String, Object>of("file", e.file(), "line", e.line(), "error", e.code(), "message",
					messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
			.toList());
	}

	@Operation(summary = "Export the schedule as its files",
			description = "The plan in force as the YAML files a reload reads: file name to content.")
	@GetMapping("/api/schedule/export")
	Map<String, String> export() {
		return schedule.export();
	}
}
