package vn.loaxa.province;

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

	ProvinceLinkController(InboxStore inbox, AuditTrail audit) {
		this.inbox = inbox;
		this.audit = audit;
	}

	@PostMapping("/province/link/repin")
	@PreAuthorize("hasRole('ADMIN')")
	String repin(Authentication auth, RedirectAttributes redirect) {
		String before = inbox.link().fingerprint();
		inbox.unpin();
		audit.record(Actors.name(auth), "province.repin", "hub key", before, null);
		redirect.addFlashAttribute("info", "Đã bỏ ghim khóa của tỉnh: lần liên lạc tới sẽ ghim khóa hiện tại của máy chủ tỉnh.");
		return "redirect:/settings";
	}
}
