package vn.loaxa.report;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;

/** The commune's names for report headers. */
@Controller
class SettingsController {

	private static final String SETTINGS = "reports/settings";

	private final CommuneSettingsStore store;
	private final MessageSource messages;
	private final vn.loaxa.security.CommuneKey key;

	SettingsController(CommuneSettingsStore store, MessageSource messages, vn.loaxa.security.CommuneKey key) {
		this.store = store;
		this.messages = messages;
		this.key = key;
	}

	/** The commune's signing key as the province enrols it: its public key and fingerprint. */
	@org.springframework.web.bind.annotation.ModelAttribute("communeKey")
	java.util.Map<String, String> communeKey() {
		return java.util.Map.of("fingerprint", key.fingerprint(), "pem", key.publicKeyPem());
	}

	@GetMapping("/settings")
	String page(Model model) {
		model.addAttribute("settings", store.current());
		return SETTINGS;
	}

	@PostMapping("/settings")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String save(@RequestParam(required = false) String communeName,
			@RequestParam(required = false) String superiorAuthority, @RequestParam(required = false) String province,
			@RequestParam(required = false) String officerName, @RequestParam(required = false) String documentNumber,
			@RequestParam(required = false) String place, @RequestParam(required = false) String recipients,
			@RequestParam(required = false) String signerTitle, @RequestParam(required = false) String signerName,
			Authentication auth, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		CommuneSettings typed = new CommuneSettings(communeName, superiorAuthority, province, officerName,
				documentNumber, place, recipients, signerTitle, signerName);
		try {
			store.save(typed, Actors.name(auth));
		}
		catch (UserError e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			model.addAttribute("settings", typed);
			return SETTINGS;
		}
		redirect.addFlashAttribute("info", messages.getMessage("settings.saved", null, locale));
		return "redirect:/settings";
	}
}
