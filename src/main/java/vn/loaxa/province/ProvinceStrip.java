package vn.loaxa.province;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The status strip's part about sending to the province: the last successful send and what still waits. */
@ControllerAdvice(annotations = Controller.class)
class ProvinceStrip {

	private final ProvincePush push;

	ProvinceStrip(ProvincePush push) {
		this.push = push;
	}

	@ModelAttribute("provinceSend")
	ProvincePush.Status provinceSend(Authentication user) {
		if (user == null || !user.isAuthenticated() || !push.configured()) {
			return null;
		}
		return push.status();
	}
}
