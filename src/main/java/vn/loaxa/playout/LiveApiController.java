package vn.loaxa.playout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;
import vn.loaxa.web.ApiController;

/** Phát trực tiếp over the API: what is live now, start (the microphone to some zones) and end. */
@ApiController
class LiveApiController {

	record LiveRequest(List<String> zones, String title, String topic) {
	}

	private final LiveAnnouncements live;

	LiveApiController(LiveAnnouncements live) {
		this.live = live;
	}

	@Operation(summary = "The live announcement on air, if any",
			description = "live: who speaks since when to which zones, seconds so far and the maximum (null when none); "
					+ "capture: the microphone's mixer (loaxa.live.capture); maxMinutes: loaxa.live.max-length.")
	@GetMapping("/api/playout/live")
	Map<String, Object> status() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("live", live.current().orElse(null));
		body.put("capture", live.captureName());
		body.put("maxMinutes", live.maxMinutes());
		return body;
	}

	/** 201 once the zones' lines are open: from then on what is said into the microphone is heard. */
	@Operation(summary = "Start a live announcement (Phát trực tiếp)",
			description = "Body {zones, title, topic}: the microphone to these zones; what their channels air is "
					+ "stopped (INTERRUPTED, reason live). Answers once their lines are open. What is said is recorded "
					+ "as an archived ANNOUNCEMENT clip with a record per zone when it ends.")
	@ApiResponse(responseCode = "201", description = "Live: who, since when, to which zones")
	@ApiResponse(responseCode = "409", description = "live_in_progress: one live announcement at a time")
	@ApiResponse(responseCode = "503", description = "live_unavailable: no microphone or input of that name on this PC")
	@PostMapping("/api/playout/live")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ResponseEntity<LiveAnnouncements.Status> start(@RequestBody LiveRequest request, Authentication auth) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(live.start(request.zones(), request.title(), request.topic(), Actors.name(auth)));
	}

	/** Ends it; answers once its recording is a clip and its records are in the journal. */
	@Operation(summary = "End the live announcement",
			description = "Ends it and answers once the recording is a clip and the records are written: seconds, "
					+ "clipId and clipTitle (null with error when the recording could not be kept).")
	@ApiResponse(responseCode = "200", description = "Ended: seconds, the clip kept (or why not)")
	@ApiResponse(responseCode = "409", description = "live_not_running: nothing is live")
	@PostMapping("/api/playout/live/stop")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	LiveAnnouncements.Ended stop(Authentication auth) {
		return live.stop(Actors.name(auth))
			.orElseThrow(() -> new UserError(409, "live_not_running", "playout.live.nothing"));
	}
}
