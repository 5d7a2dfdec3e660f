package vn.loaxa.province.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loaxa.province.ProvincePush;

/**
 * The status strip's part about the province: sending records up (the last successful send and what
 * still waits), the hub's pinned key for the settings page, and a bulletin refused in the last
 * week (a wrong signature or an altered file), which an officer must hear about.
 */
@ControllerAdvice(annotations = Controller.class)
class ProvinceStrip {

	private static final Duration REFUSAL_SHOWN = Duration.ofDays(7);

	private final ProvincePush push;
	private final ProvinceLink link;
	private final InboxStore inbox;

	ProvinceStrip(ProvincePush push, ProvinceLink link, InboxStore inbox) {
		this.push = push;
		this.link = link;
		this.inbox = inbox;
	}

	@ModelAttribute("provinceSend")
	ProvincePush.Status provinceSend(Authentication user) {
		if (!signedIn(user) || !push.configured()) {
			return null;
		}
		return push.status();
	}

	/** {@code provinceLink} (the settings page) and {@code bulletinRefusal} (the strip), from one read. */
	@ModelAttribute
	void provinceLink(Authentication user, Model model) {
		if (!signedIn(user) || !link.configured()) {
			return;
		}
		InboxStore.Link l = inbox.link();
		model.addAttribute("provinceLink", l);
		if (l.lastRefusalAt() != null && l.lastRefusalAt().isAfter(Instant.now().minus(REFUSAL_SHOWN))) {
			model.addAttribute("bulletinRefusal", l.lastRefusal());
		}
	}

	private static boolean signedIn(Authentication user) {
		return user != null && user.isAuthenticated();
	}
}
