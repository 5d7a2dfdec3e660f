package vn.loaxa.schedule;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loaxa.config.UserError;
import vn.loaxa.web.ApiController;

/**
 * The whole plan over the API: channels, zones, groups and slots read, added, changed and removed,
 * with the checks of the plan files and the forms ({@link PlanEditor}, {@link Schedule#saveSlot});
 * a refusal is a 4xx {@code {error, message, field}} and changes nothing.
 */
@ApiController
class PlanApiController {

	private static final String WRITE = "hasAnyRole('TECHNICIAN','ADMIN')";
	private static final String SLOTS = "hasAnyRole('OFFICER','TECHNICIAN','ADMIN')";

	private final Schedule schedule;
	private final PlanEditor editor;

	PlanApiController(Schedule schedule, PlanEditor editor) {
		this.schedule = schedule;
		this.editor = editor;
	}

	// ------------------------------------------------------------------ channels

	@Operation(summary = "List the output channels", description = "Each channel: id, name, output (mixer, default or file).")
	@GetMapping("/api/channels")
	List<OutputChannel> channels() {
		return schedule.current().channels();
	}

	@Operation(summary = "Add an output channel", description = "Body {id, name, output}; output defaults to default.")
	@ApiResponse(responseCode = "201", description = "The channel added")
	@PostMapping("/api/channels")
	@PreAuthorize(WRITE)
	ResponseEntity<OutputChannel> addChannel(@RequestBody PlanEditor.ChannelDraft draft) {
		return created(editor.saveChannel(draft, null));
	}

	@Operation(summary = "Rename a channel or change its output", description = "Body {name, output}; the id stays.")
	@PutMapping("/api/channels/{id}")
	@PreAuthorize(WRITE)
	OutputChannel changeChannel(@PathVariable String id, @RequestBody PlanEditor.ChannelDraft draft) {
		return editor.saveChannel(draft, id);
	}

	@Operation(summary = "Retire a channel", description = "Refused (409 in_use) while a zone plays on it.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/channels/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> deleteChannel(@PathVariable String id) {
		editor.deleteChannel(id);
		return ResponseEntity.noContent().build();
	}

	// ------------------------------------------------------------------ zones

	@Operation(summary = "Add a zone", description = "Body {id, name, channel, switchOn, switchOff, settle}: the "
			+ "loudspeaker switch commands are optional lists of program and arguments; settle like 2s.")
	@ApiResponse(responseCode = "201", description = "The zone added")
	@PostMapping("/api/zones")
	@PreAuthorize(WRITE)
	ResponseEntity<Zone> addZone(@RequestBody PlanEditor.ZoneDraft draft) {
		return created(editor.saveZone(draft, null));
	}

	@Operation(summary = "Change a zone", description = "Its name, channel or switch; the id stays. Moving it to "
			+ "another channel is refused when its slots would overlap others there.")
	@PutMapping("/api/zones/{id}")
	@PreAuthorize(WRITE)
	Zone changeZone(@PathVariable String id, @RequestBody PlanEditor.ZoneDraft draft) {
		return editor.saveZone(draft, id);
	}

	@Operation(summary = "Retire a zone", description = "Refused (409 in_use) while a group or a slot uses it.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/zones/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> deleteZone(@PathVariable String id) {
		editor.deleteZone(id);
		return ResponseEntity.noContent().build();
	}

	// ------------------------------------------------------------------ groups

	@Operation(summary = "List the zone groups", description = "Each group: id, name and its zones' ids.")
	@GetMapping("/api/groups")
	List<ZoneGroup> groups() {
		return schedule.current().groups();
	}

	@Operation(summary = "Add a zone group", description = "Body {id, name, zones: [zone ids]}.")
	@ApiResponse(responseCode = "201", description = "The group added")
	@PostMapping("/api/groups")
	@PreAuthorize(WRITE)
	ResponseEntity<ZoneGroup> addGroup(@RequestBody PlanEditor.GroupDraft draft) {
		return created(editor.saveGroup(draft, null));
	}

	@Operation(summary = "Change a zone group", description = "Its name or zones; the id stays.")
	@PutMapping("/api/groups/{id}")
	@PreAuthorize(WRITE)
	ZoneGroup changeGroup(@PathVariable String id, @RequestBody PlanEditor.GroupDraft draft) {
		return editor.saveGroup(draft, id);
	}

	@Operation(summary = "Retire a zone group", description = "Refused (409 in_use) while a slot airs to it.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/groups/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> deleteGroup(@PathVariable String id) {
		editor.deleteGroup(id);
		return ResponseEntity.noContent().build();
	}

	// ------------------------------------------------------------------ relays

	@Operation(summary = "List the relays (tiếp sóng)", description = "Each relay: id, name and either urls (stream "
			+ "addresses, the first that answers plays) or input (a sound card input).")
	@GetMapping("/api/relays")
	List<Relay> relays() {
		return schedule.current().relays();
	}

	@Operation(summary = "Add a relay", description = "Body {id, name, urls: [http(s) addresses]} or {id, name, input}.")
	@ApiResponse(responseCode = "201", description = "The relay added")
	@PostMapping("/api/relays")
	@PreAuthorize(WRITE)
	ResponseEntity<Relay> addRelay(@RequestBody PlanEditor.RelayDraft draft) {
		return created(editor.saveRelay(draft, null));
	}

	@Operation(summary = "Change a relay", description = "Its name, urls or input; the id stays.")
	@PutMapping("/api/relays/{id}")
	@PreAuthorize(WRITE)
	Relay changeRelay(@PathVariable String id, @RequestBody PlanEditor.RelayDraft draft) {
		return editor.saveRelay(draft, id);
	}

	@Operation(summary = "Retire a relay", description = "Refused (409 in_use) while a slot relays it.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/relays/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> deleteRelay(@PathVariable String id) {
		editor.deleteRelay(id);
		return ResponseEntity.noContent().build();
	}

	// ------------------------------------------------------------------ slots

	@Operation(summary = "List the slots", description = "Every slot of the plan, with its key (target/name).")
	@GetMapping("/api/slots")
	List<SlotView> slots() {
		return schedule.current().slots().stream().map(s -> SlotView.of(s, schedule)).toList();
	}

	@Operation(summary = "Add a slot", description = "Body as a slot in the files: {target, name, days, dates, start, "
			+ "length, topics, intro, outro, validFrom, validUntil, except, relay}, the shape GET gives; relay: a relay's id for "
			+ "a slot that relays a station instead of clips; dates and except are lists "
			+ "or one text of dates separated by spaces or commas (dd/MM/yyyy or yyyy-MM-dd).")
	@ApiResponse(responseCode = "201", description = "The slot added")
	@PostMapping("/api/slots")
	@PreAuthorize(SLOTS)
	ResponseEntity<SlotView> addSlot(@RequestBody SlotDraft draft) {
		return created(SlotView.of(schedule.saveSlot(draft, null), schedule));
	}

	@Operation(summary = "Change a slot", description = "The slot named by key (target/name) replaced by the body.")
	@PutMapping("/api/slots")
	@PreAuthorize(SLOTS)
	SlotView changeSlot(@RequestParam String key, @RequestBody SlotDraft draft) {
		slot(key);
		return SlotView.of(schedule.saveSlot(draft, key), schedule);
	}

	@Operation(summary = "Remove a slot", description = "The slot named by key (target/name); its records stay.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/slots")
	@PreAuthorize(SLOTS)
	ResponseEntity<Void> deleteSlot(@RequestParam String key) {
		slot(key);
		schedule.deleteSlot(key);
		return ResponseEntity.noContent().build();
	}

	private void slot(String key) {
		if (schedule.current().slot(key).isEmpty()) {
			throw new UserError(404, "not_found", "schedule.edit.slotNotFound", key);
		}
	}

	private static <T> ResponseEntity<T> created(T body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}
}
