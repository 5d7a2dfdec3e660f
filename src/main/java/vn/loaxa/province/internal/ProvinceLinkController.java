package vn.loaxa.province.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.security.Actors;
import vn.loaxa.security.AuditTrail;

/** An administrator forgets the hub's pinned key, so the next contact pins the hub's current one. */
@Controller
class ProvinceLinkController {

	private final InboxStore inbox;
	private final AuditTrail audit;
	private final MessageSource messages;

	ProvinceLinkController(InboxStore inbox, AuditTrail audit, MessageSource messages) {
		this.inbox = inbox;
		this.audit = audit;
		this.messages = messages;
	}

	@PostMapping("/province/link/repin")
	@PreAuthorize("hasRole('ADMIN')")
	String repin(Authentication auth, RedirectAttributes redirect, Locale locale) {
		String before = inbox.link().fingerprint();
		inbox.unpin();
		audit.record(Actors.name(auth), "province.repin", "hub key", before, null);
		redirect.addFlashAttribute("info", messages.getMessage("link.unpinned", null, locale));
		return "redirect:/settings";
	}
}
