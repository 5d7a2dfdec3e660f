package vn.loaxa.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;
import vn.loaxa.web.ApiController;
import vn.loaxa.web.Formats;

@ApiController
class ProgrammeApiController {

	record ItemView(String part, Long clipId, String title, String kind, String topic, String priority, long durationMs,
			OffsetDateTime plannedStart, boolean pinned) {
	}

	record ProgrammeView(String zone, String zoneName, String channel, String slotKey, String slot, OffsetDateTime start,
			OffsetDateTime end, long lengthMs, long totalMs, boolean empty, List<ItemView> items) {
	}

	record DayView(LocalDate date, long pauseMs, List<ProgrammeView> programmes, List<Long> clipsFittingNoSlot) {
	}

	record PinRequest(String slotKey, String date, Long clipId, String action) {
	}

	private final Programmes programmes;
	private final LoaxaClock clock;

	ProgrammeApiController(Programmes programmes, LoaxaClock clock) {
		this.programmes = programmes;
		this.clock = clock;
	}

	@Operation(summary = "The programmes of a day",
			description = "Each zone's programmes on the date (default today), item by item with its planned "
					+ "start, and the approved clips no slot takes.")
	@GetMapping("/api/programmes")
	DayView day(@RequestParam(required = false) String date) {
		LocalDate day = date == null || date.isBlank() ? clock.today() : Formats.parseDate(date);
		List<ProgrammeView> views = programmes.day(day).stream().map(zp -> {
			Programme p = zp.programme();
			return new ProgrammeView(zp.zone().id(), zp.zone().name(), zp.zone().channelId(), p.occurrence().slot().key(),
					p.occurrence().slot().name(), local(p.occurrence().startInstant()), local(p.occurrence().endInstant()),
					p.lengthMs(),
					p.totalMs(), p.isEmpty(), p.items().stream().map(i -> new ItemView(i.part().name(), i.clipId(),
							i.title(), name(i.kind()), name(i.topic()), name(i.priority()), i.durationMs(), local(p.plannedStart(i)),
							i.pinned())).toList());
		}).toList();
		return new DayView(day, programmes.timing().pause().toMillis(), views,
				programmes.fittingNoSlot(day).stream().map(c -> c.getId()).toList());
	}

	@Operation(summary = "Pin, drop or unpin a clip in a programme",
			description = "action PIN (default) puts the clip into that occurrence of the slot, DROP keeps it "
					+ "out, CLEAR undoes either.")
	@ApiResponse(responseCode = "204", description = "Done")
	@PostMapping("/api/programmes/pins")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<Void> pin(@RequestBody PinRequest request, Authentication auth) {
		if (request.slotKey() == null || request.clipId() == null || request.date() == null) {
			throw new UserError(400, "bad_request", "api.error.badRequest");
		}
		LocalDate date = Formats.parseDate(request.date());
		String action = request.action() == null ? "PIN" : request.action().toUpperCase(java.util.Locale.ROOT);
		switch (action) {
			case "PIN" -> programmes.pin(request.slotKey(), date, request.clipId(), Actors.name(auth));
			case "DROP" -> programmes.drop(request.slotKey(), date, request.clipId(), Actors.name(auth));
			case "CLEAR" -> programmes.unpin(request.slotKey(), date, request.clipId());
			default -> throw new UserError(400, "bad_request", "api.error.badRequest");
		}
		return ResponseEntity.noContent().build();
	}

	/** Times on the API are the commune's wall clock, with its offset (+07:00). */
	private OffsetDateTime local(Instant at) {
		return at.atZone(clock.zone()).toOffsetDateTime();
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
