package vn.loaxa.playout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	@GetMapping("/api/playout/live")
	Map<String, Object> status() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("live", live.current().orElse(null));
		body.put("capture", live.captureName());
		body.put("maxMinutes", live.maxMinutes());
		return body;
	}

	/** 201 once the zones' lines are open: from then on what is said into the microphone is heard. */
	@PostMapping("/api/playout/live")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ResponseEntity<LiveAnnouncements.Status> start(@RequestBody LiveRequest request, Authentication auth) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(live.start(request.zones(), request.title(), request.topic(), Actors.name(auth)));
	}

	/** Ends it; answers once its recording is a clip and its records are in the journal. */
	@PostMapping("/api/playout/live/stop")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	LiveAnnouncements.Ended stop(Authentication auth) {
		return live.stop(Actors.name(auth))
			.orElseThrow(() -> new UserError(409, "live_not_running", "playout.live.nothing"));
	}
}
