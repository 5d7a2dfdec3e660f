package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.internal.ClipView;
import vn.loaxa.security.Actors;
import vn.loaxa.web.ApiController;
import vn.loaxa.web.Formats;

@ApiController("/api")
class ClipApiController {

	private final ClipLibrary library;
	private final TextBulletins bulletins;
	private final LoaxaClock clock;

	ClipApiController(ClipLibrary library, TextBulletins bulletins, LoaxaClock clock) {
		this.library = library;
		this.bulletins = bulletins;
		this.clock = clock;
	}

	@Operation(summary = "Upload an audio clip", description = "Part file, optional fields title, kind, topic, "
			+ "priority, validFrom, validUntil, notes; a file that is not audio or does not decode in full is "
			+ "refused with a 4xx.")
	@ApiResponse(responseCode = "201", description = "The new clip")
	@ApiResponse(responseCode = "200", description = "A clip with the same audio exists: that one, with duplicate: true")
	@ApiResponse(responseCode = "413", description = "too_large: over loaxa.media.max-file-size")
	@PostMapping(path = "/clips", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<ClipView> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
			@RequestParam(required = false) String notes, Authentication user) throws IOException {
		ClipDraft draft = draft(title, kind, topic, priority, validFrom, validUntil, notes);
		try (InputStream in = file.getInputStream()) {
			ImportOutcome outcome = library.upload(in, file.getOriginalFilename(), draft, Actors.name(user));
			return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
				.body(ClipView.of(outcome.clip(), outcome.duplicate()));
		}
	}

	@Operation(summary = "Make a clip from a text bulletin", description = "Speaks the text with the configured "
			+ "engine and imports its audio like an upload; 201 with the clip and its text, 503 tts_unavailable "
			+ "when no engine is configured")
	@ApiResponse(responseCode = "201", description = "The new clip, with its text")
	@ApiResponse(responseCode = "200", description = "The same audio exists: that clip, with duplicate: true")
	@ApiResponse(responseCode = "503", description = "tts_unavailable: no speech engine is configured")
	@PostMapping(path = "/clips/text", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<ClipView> text(@RequestBody TextForm form, Authentication user) {
		ImportOutcome outcome = bulletins.speak(form, Actors.name(user));
		return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ClipView.of(outcome.clip(), outcome.duplicate()));
	}

	@Operation(summary = "List clips", description = "Optionally filtered by status, kind, topic and text")
	@GetMapping("/clips")
	List<ClipView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String q) {
		ClipFilter filter = new ClipFilter(q, Formats.parseEnum(ClipKind.class, kind, "invalid_kind"),
				Formats.parseEnum(Topic.class, topic, "invalid_topic"),
				Formats.parseEnum(ClipStatus.class, status, "invalid_status"));
		return library.search(filter).stream().map(clip -> ClipView.of(clip, null)).toList();
	}

	@Operation(summary = "Get one clip",
			description = "The clip with its metadata, loudness, review and air count.")
	@GetMapping("/clips/{id}")
	ClipView get(@PathVariable long id) {
		return ClipView.of(library.get(id), null);
	}

	@Operation(summary = "Approve a clip", description = "A pending clip joins the queue inside its validity window")
	@PostMapping("/clips/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ClipView approve(@PathVariable long id, Authentication user) {
		return ClipView.of(library.approve(id, Actors.name(user)), null);
	}

	@Operation(summary = "Reject a clip", description = "With a reason: {\"reason\": \"…\"}")
	@PostMapping("/clips/{id}/reject")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ClipView reject(@PathVariable long id, @RequestBody(required = false) Map<String, String> body,
			Authentication user) {
		return ClipView.of(library.reject(id, Actors.name(user), body == null ? null : body.get("reason")), null);
	}

	@Operation(summary = "The queue of a day",
			description = "The approved clips valid on the date (default today), in the order slots take them")
	@GetMapping("/queue")
	Map<String, Object> queue(@RequestParam(required = false) String date) {
		LocalDate day = date == null || date.isBlank() ? clock.today() : Formats.parseDate(date);
		ClipQueue queue = library.queue(day);
		return Map.of("date", day, "totalMinutes", queue.totalMinutes(), "clips",
				queue.clips().stream().map(clip -> ClipView.of(clip, null)).toList());
	}

	static ClipDraft draft(String title, String kind, String topic, String priority, String validFrom,
			String validUntil, String notes) {
		ClipDraft draft = new ClipDraft(title, Formats.parseEnum(ClipKind.class, kind, "invalid_kind"),
				Formats.parseEnum(Topic.class, topic, "invalid_topic"),
				Formats.parseEnum(Priority.class, priority, "invalid_priority"), Formats.parseDate(validFrom),
				Formats.parseDate(validUntil), notes);
		if (draft.validFrom() != null && draft.validUntil() != null && draft.validUntil().isBefore(draft.validFrom())) {
			throw new UserError(400, "validity_reversed", "import.error.validity_reversed");
		}
		if (title != null && title.strip().length() > ClipRules.MAX_TITLE) {
			throw new UserError(400, "title_too_long", "import.error.title_too_long", ClipRules.MAX_TITLE);
		}
		if (notes != null && notes.length() > ClipRules.MAX_NOTES) {
			throw new UserError(400, "notes_too_long", "import.error.notes_too_long", ClipRules.MAX_NOTES);
		}
		return draft;
	}
}
