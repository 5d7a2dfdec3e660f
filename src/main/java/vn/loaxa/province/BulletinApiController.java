package vn.loaxa.province;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;

import vn.loaxa.config.LoaxaMode;
import vn.loaxa.config.UserError;
import vn.loaxa.province.internal.BulletinRequest;
import vn.loaxa.province.internal.BulletinWaiters;
import vn.loaxa.province.internal.HubStore;
import vn.loaxa.province.internal.SignedBulletin;
import vn.loaxa.province.internal.SignedReceipt;
import vn.loaxa.security.Actors;
import vn.loaxa.security.CommuneKey;
import vn.loaxa.web.ApiController;

/**
 * Bulletins down over the API. For the province's officer: publish, withdraw, and where each went.
 * For a commune's PC (its push token, no account): the bulletins it has still to fetch (held open
 * until there is one, up to {@code wait} seconds), their audio, and its signed receipts.
 */
@ApiController("/api")
class BulletinApiController {

	private static final String NOT_PROVINCE = "not_province: this LoaXa is a commune's, not the province's hub";
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

	private final HubBulletins bulletins;
	private final ProvinceHub hub;
	private final BulletinWaiters waiters;
	private final CommuneKey key;
	private final LoaxaMode mode;

	BulletinApiController(HubBulletins bulletins, ProvinceHub hub, BulletinWaiters waiters, CommuneKey key,
			LoaxaMode mode) {
		this.bulletins = bulletins;
		this.hub = hub;
		this.waiters = waiters;
		this.key = key;
		this.mode = mode;
	}

	@Operation(summary = "The province hub's public key (PEM) that signs its bulletins",
			description = "The key a commune pins at its first contact. Only on the province's hub.")
	@SecurityRequirements
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "200", description = "OK")
	@GetMapping("/province/public-key")
	ResponseEntity<String> publicKey() {
		mode.requireProvince();
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(key.publicKeyPem());
	}

	@Operation(summary = "Publish a bulletin to the communes",
			description = "Multipart: file (audio) or text (spoken by the hub's speech engine), title, level "
					+ "(NORMAL, HIGH, EMERGENCY), kind, topic, communes (ids; none: every enrolled commune), validFrom, "
					+ "validUntil (ISO date-time with offset, or a date; required for EMERGENCY), repeat (EMERGENCY "
					+ "only, e.g. 2h). 201 with the bulletin; 503 tts_unavailable without a speech engine.")
	@ApiResponse(responseCode = "201", description = "Published: {id, title, level, sha256, durationMs, communes, "
			+ "validFrom, validUntil}")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "503", description = "tts_unavailable: no speech engine for a text bulletin")
	@PostMapping(value = "/province/bulletins",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<HubBulletins.BulletinView> publish(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String text, @RequestParam(required = false) String title,
			@RequestParam(required = false) String level, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String topic, @RequestParam(required = false) List<String> communes,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
			@RequestParam(required = false) String repeat,
			@RequestParam(required = false) List<String> groups, Authentication auth) throws IOException {
		mode.requireProvince();
		BulletinRequest request = new BulletinRequest(title, level, kind, topic, communes, validFrom, validUntil,
				repeat, groups);
		boolean hasFile = file != null && !file.isEmpty();
		try (InputStream in = hasFile ? file.getInputStream() : null) {
			return ResponseEntity.status(201).body(bulletins.publish(request,
					new HubBulletins.Audio(in, hasFile ? file.getOriginalFilename() : null, text), Actors.name(auth)));
		}
	}

	@Operation(summary = "Publish, replace or withdraw a bulletin from a CAP 1.2 message",
			description = "The body is an OASIS CAP 1.2 alert (application/cap+xml or application/xml). msgType Alert "
					+ "makes a bulletin (severity Extreme/Severe: EMERGENCY, Moderate: HIGH, others NORMAL; the vi-VN info "
					+ "preferred; headline: title; description and instruction: the text the hub speaks; expires: "
					+ "validUntil; area/geocode valueName commune: the communes, none: all); Update replaces the bulletin it "
					+ "references; Cancel withdraws it. Only status Actual (else 422 cap_not_actual).")
	@ApiResponse(responseCode = "201", description = "The bulletin made (or, for a Cancel, the one withdrawn)")
	@ApiResponse(responseCode = "400", description = "cap_malformed, cap_no_info, cap_no_text, cap_no_reference")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE + "; cap_unknown_reference")
	@ApiResponse(responseCode = "422", description = "cap_not_actual: a Test, Exercise, System or Draft message")
	@ApiResponse(responseCode = "503", description = "tts_unavailable: no speech engine to speak it")
	// any content type: a CAP feed may label its XML application/cap+xml, application/xml or text/xml
	@PostMapping("/province/bulletins/cap")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<HubBulletins.BulletinView> cap(@RequestBody(required = false) byte[] xml, Authentication auth) {
		mode.requireProvince();
		if (xml == null || xml.length == 0) {
			throw new UserError(400, "cap_malformed", "cap.error.malformed", "");
		}
		return ResponseEntity.status(201).body(bulletins.cap(xml, Actors.name(auth)));
	}

	@Operation(summary = "Withdraw a bulletin", description = "Signed and sent down like the bulletin: the communes "
			+ "archive it and it leaves every future programme. Only on the province's hub.")
	@ApiResponse(responseCode = "200", description = "Withdrawn: the bulletin")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE + "; unknown_bulletin")
	@ApiResponse(responseCode = "409", description = "already_cancelled")
	@PostMapping("/province/bulletins/{id}/cancel")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	HubBulletins.BulletinView cancel(@PathVariable long id, Authentication auth) {
		mode.requireProvince();
		return bulletins.cancel(id, Actors.name(auth));
	}

	@Operation(summary = "The bulletins sent, newest first, with each commune's state",
			description = "Per commune: SENT, RECEIVED, AIRED (from its signed airing records), REJECTED, EXPIRED, "
					+ "CANCELLED, REFUSED. Only on the province's hub.")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "200", description = "OK")
	@GetMapping("/province/bulletins")
	List<HubBulletins.BulletinView> list() {
		mode.requireProvince();
		return bulletins.recent(100);
	}

	@Operation(summary = "One bulletin and where it went", description = "Only on the province's hub.")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE + "; unknown_bulletin")
	@ApiResponse(responseCode = "200", description = "OK")
	@GetMapping("/province/bulletins/{id}")
	HubBulletins.BulletinView one(@PathVariable long id) {
		mode.requireProvince();
		return bulletins.view(id);
	}

	@Operation(summary = "A commune's PC asks for the bulletins it has still to fetch (push token, no account)",
			description = "Answered at once when there are some, else held open up to wait seconds (at most 60) "
					+ "and answered as soon as one is published. Each item is {manifest, signature}.")
	@SecurityRequirements
	@ApiResponse(responseCode = "401", description = "bad_token: no push token, or not a commune's")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "200", description = "OK")
	@GetMapping("/province/inbox")
	DeferredResult<List<SignedBulletin>> inbox(
			@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(required = false) Integer wait) {
		HubStore.Commune commune = commune(authorization);
		Duration held = Duration.ofSeconds(wait == null ? 0 : Math.max(0, wait));
		return waiters.await(commune.id(), held.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : held,
				() -> bulletins.pending(commune.id()));
	}

	@Operation(summary = "A commune's PC fetches a bulletin's audio (push token, no account)",
			description = "The file whose SHA-256 the signed manifest names.")
	@SecurityRequirements
	@ApiResponse(responseCode = "401", description = "bad_token: no push token, or not a commune's")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE + "; unknown_bulletin (or not for this commune)")
	@ApiResponse(responseCode = "200", description = "OK")
	@GetMapping("/province/inbox/{id}/audio")
	void audio(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable long id, HttpServletResponse response) throws IOException {
		HubStore.Commune commune = commune(authorization);
		if (!bulletins.isTarget(id, commune.id())) {
			throw new UserError(404, "unknown_bulletin", "bulletin.error.unknown", id);
		}
		java.nio.file.Path file = bulletins.audio(id);
		response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
		response.setContentLengthLong(java.nio.file.Files.size(file));
		java.nio.file.Files.copy(file, response.getOutputStream());
	}

	@Operation(summary = "A commune's PC reports what it did with a bulletin (push token, no account)",
			description = "Body {receipt, signature}: the receipt's JSON text {bulletinId, state, at, zones, reason} "
					+ "signed with the commune's key; state RECEIVED, EXPIRED, REJECTED, REFUSED or CANCEL_SEEN.")
	@SecurityRequirements
	@ApiResponse(responseCode = "204", description = "Taken")
	@ApiResponse(responseCode = "400", description = "bad_receipt")
	@ApiResponse(responseCode = "401", description = "bad_token: no push token, or not a commune's")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE + "; unknown_bulletin")
	@ApiResponse(responseCode = "422", description = "bad_signature: not signed by the commune's enrolled key")
	@PostMapping("/province/inbox/receipts")
	ResponseEntity<Void> receipt(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) SignedReceipt receipt) {
		HubStore.Commune commune = commune(authorization);
		if (receipt == null || receipt.receipt() == null || receipt.signature() == null) {
			throw new UserError(400, "bad_receipt", "bulletin.error.receipt");
		}
		bulletins.receipt(commune, receipt);
		return ResponseEntity.noContent().build();
	}

	/** The commune a push token belongs to; the token first, so a request without one is refused as such. */
	private HubStore.Commune commune(String authorization) {
		HubStore.Commune commune = hub.byAuthorization(authorization);
		mode.requireProvince();
		return commune;
	}
}
