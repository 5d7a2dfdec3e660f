package vn.loaxa.broadcast;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.web.ApiController;

/**
 * The evidence on the API: {@code GET /api/broadcasts?from=yyyy-MM-dd&to=yyyy-MM-dd&zone=} lists the
 * records scheduled in those local days (Asia/Ho_Chi_Minh), streamed; {@code GET /api/broadcasts/verify}
 * checks the whole chain.
 */
@ApiController("/api")
class BroadcastApiController {

	private final BroadcastLog log;
	private final ObjectMapper json;
	private final LoaxaClock clock;
	private final AirCheckArchive airChecks;

	BroadcastApiController(BroadcastLog log, ObjectMapper json, LoaxaClock clock, AirCheckArchive airChecks) {
		this.airChecks = airChecks;
		this.log = log;
		this.json = json;
		this.clock = clock;
	}

	/** One record as the API shows it; times in the commune's zone with their offset. */
	record RecordView(long id, String zone, String slot, Long clipId, String clipSha256, String clipTitle,
			ClipKind kind, Topic topic, OffsetDateTime scheduledStart, OffsetDateTime actualStart,
			OffsetDateTime actualEnd, long playedMs, long clipDurationMs, Outcome outcome, String reason,
			String reasonCode, Long correctsId, String recordedBy, OffsetDateTime recordedAt, String previousHash, String hash,
			String relay, String relayUrl, AirCheckView airCheck) {

		static RecordView of(BroadcastRecord r, ZoneId zone, AirCheckArchive airChecks) {
			Airing a = r.airing();
			return new RecordView(r.id(), a.zoneId(), a.slotName(), a.clipId(), a.clipSha256(), a.clipTitle(), a.kind(),
					a.topic(), at(a.scheduledStart(), zone), at(a.actualStart(), zone), at(a.actualEnd(), zone),
					a.playedMs(), a.clipDurationMs(), a.outcome(), a.reason(),
					a.reasonCode() == null ? null : a.reasonCode().code(), r.correctsId(), r.recordedBy(),
					at(r.recordedAt(), zone), r.previousHash(), r.hash(), a.relay(), a.relayUrl(),
					a.airCheck() == null ? null : new AirCheckView(a.airCheck().sha256(), a.airCheck().file(),
							airChecks.present(a.airCheck())));
		}

		private static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
			return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
		}
	}

	@Operation(summary = "List the broadcast records of some days",
			description = "The records scheduled in the local days from..to (default today; to defaults to "
					+ "from), optionally of one zone, streamed as a JSON array.")
	@GetMapping("/broadcasts")
	void list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
		ZoneId commune = clock.zone();
		LocalDate first = isoDate(from, clock.today());
		LocalDate last = isoDate(to, first);
		if (first.isAfter(last)) {
			throw new UserError(400, "invalid_range", "broadcast.error.range", first.toString(), last.toString());
		}
		String zoneId = zone == null || zone.isBlank() ? null : zone.strip();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())) {
			out.writeStartArray();
			log.stream(first.atStartOfDay(commune).toInstant(), last.plusDays(1).atStartOfDay(commune).toInstant(), zoneId,
					r -> {
						try {
							json.writeValue(out, RecordView.of(r, commune, airChecks));
						}
						catch (IOException e) {
							throw new java.io.UncheckedIOException(e);
						}
					});
			out.writeEndArray();
		}
	}

	/**
	 * A record's air-check: the SHA-256 its hash covers, the file under the data dir, and whether the file is
	 * there to listen to ({@code GET /api/broadcasts/{id}/aircheck}); null on a record without one.
	 */
	record AirCheckView(String sha256, String file, boolean available) {
	}

	@Operation(summary = "Listen to a record's air-check",
			description = "The MP3 of what the record's channel wrote (a relay, a live announcement), as kept; Range "
					+ "requests work. 404 no_aircheck when the record has none, 410 aircheck_deleted when "
					+ "loaxa.aircheck.keep ran out, 409 aircheck_altered when the file is gone or no longer has the "
					+ "SHA-256 the record carries.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The air-check (MP3)",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "audio/mpeg"))
	// no "produces": a refusal is JSON whatever the player asked for (an audio element accepts */*)
	@GetMapping("/broadcasts/{id}/aircheck")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> airCheck(
			@org.springframework.web.bind.annotation.PathVariable long id) {
		return airCheckResponse(airChecks.open(id));
	}

	/** The air-check as audio/mpeg (Spring answers a Range request with 206 and the part asked for). */
	static org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> airCheckResponse(
			org.springframework.core.io.Resource file) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("audio/mpeg"))
			.header("X-Content-Type-Options", "nosniff")
			.body(file);
	}

	@Operation(summary = "Verify the hash chain of the broadcast log",
			description = "Checks every record's hash and link: intact, how many were checked, and the first "
					+ "broken one.")
	@GetMapping("/broadcasts/verify")
	ChainVerification verify() {
		return log.verify();
	}

	private static LocalDate isoDate(String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new UserError(400, "invalid_date", "broadcast.error.date",
					text.length() > 30 ? text.substring(0, 30) : text);
		}
	}
}
