package vn.loaxa.playout;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;
import vn.loaxa.web.ApiController;

@ApiController
class PlayoutApiController {

	record PlayNowRequest(Long clipId, List<String> zones, Boolean confirm) {
	}

	private final Playout playout;

	PlayoutApiController(Playout playout) {
		this.playout = playout;
	}

	@Operation(summary = "What plays now, and the recent runs",
			description = "Per channel what plays now, and the last 20 slot runs (an empty slot shows here, not "
					+ "as an error).")
	@GetMapping("/api/playout")
	Map<String, Object> status() {
		return Map.of("nowPlaying", playout.nowPlaying(), "recent", playout.recentRuns(20));
	}

	@Operation(summary = "Stop what plays on a channel",
			description = "Stops the channel's programme, its clip recorded INTERRUPTED; stopped is false when "
					+ "nothing was on air there.")
	@PostMapping("/api/playout/{channel}/stop")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	Map<String, Object> stop(@PathVariable String channel, Authentication auth) {
		return Map.of("stopped", playout.stop(channel, Actors.name(auth)));
	}

	@Operation(summary = "Skip the clip playing on a channel",
			description = "Skips the clip on air (recorded PARTIAL), the programme goes on; skipped is false "
					+ "when nothing was on air there.")
	@PostMapping("/api/playout/{channel}/skip")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	Map<String, Object> skip(@PathVariable String channel, Authentication auth) {
		return Map.of("skipped", playout.skip(channel, Actors.name(auth)));
	}

	/** Phát ngay: without {@code confirm: true} answers 409 with what would be interrupted. */
	@Operation(summary = "Play a clip now (phát ngay) on some zones",
			description = "Without confirm: true answers 409 confirm_required (what plays there would be cut); "
					+ "with it the clip airs at once and what played is recorded INTERRUPTED.")
	@ApiResponse(responseCode = "202", description = "Started: the clip and the zones")
	@ApiResponse(responseCode = "409", description = "confirm_required: this would cut what plays; send confirm: true")
	@PostMapping("/api/playout/play-now")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	ResponseEntity<Map<String, Object>> playNow(@RequestBody PlayNowRequest request, Authentication auth) {
		if (request.clipId() == null) {
			throw new UserError(400, "missing_clipId", "api.error.missing", "clipId");
		}
		playout.playNowClip(request.clipId());
		playout.playNowTargets(request.zones());
		if (!Boolean.TRUE.equals(request.confirm())) {
			throw new UserError(409, "confirm_required", "playout.error.confirm");
		}
		playout.playNow(request.clipId(), request.zones(), Actors.name(auth));
		return ResponseEntity.accepted().body(Map.of("clipId", request.clipId(), "zones", request.zones()));
	}
}
