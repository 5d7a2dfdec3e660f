package vn.loaxa.district;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The status strip's part about sending to the district: the last successful send and what still waits. */
@ControllerAdvice(annotations = Controller.class)
class DistrictStrip {

	private final DistrictPush push;

	DistrictStrip(DistrictPush push) {
		this.push = push;
	}

	@ModelAttribute("districtSend")
	DistrictPush.Status districtSend(Authentication user) {
		if (user == null || !user.isAuthenticated() || !push.configured()) {
			return null;
		}
		return push.status();
	}
}
