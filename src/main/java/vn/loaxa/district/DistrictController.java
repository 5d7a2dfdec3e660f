package vn.loaxa.district;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.security.Actors;

/**
 * The district hub's page ({@code /district}, district mode only): the communes enrolled and when
 * each last sent, enrolment, a bundle brought on a USB disk or by e-mail, the bundles taken or
 * refused with their reasons, and the district report.
 */
@Controller
class DistrictController {

	private final DistrictHub hub;
	private final HubStore store;
	private final DistrictReports reports;
	private final MessageSource messages;
	private final LoaxaClock clock;
	private final boolean district;

	DistrictController(DistrictHub hub, HubStore store, DistrictReports reports, MessageSource messages,
			LoaxaClock clock, @Value("${loaxa.mode:commune}") String mode) {
		this.hub = hub;
		this.reports = reports;
		this.store = store;
		this.messages = messages;
		this.clock = clock;
		this.district = "district".equalsIgnoreCase(mode.strip());
	}

	@GetMapping("/district")
	String page(@RequestParam(required = false) String period, Model model, Locale locale) {
		requireDistrict();
		int year = clock.today().getYear();
		int quarter = (clock.today().getMonthValue() - 1) / 3 + 1;
		String shown = year + "-Q" + quarter;
		ReportPeriod chosen = ReportPeriod.parse(shown);
		if (period != null && !period.isBlank()) {
			try {
				chosen = ReportPeriod.choose(period, null, null);
				shown = chosen.code();
			}
			catch (UserError e) {
				model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			}
		}
		List<HubStore.Commune> communes = hub.communes();
		Map<String, String> names = new HashMap<>();
		communes.forEach(c -> names.put(c.id(), c.name()));
		model.addAttribute("communes", communes);
		model.addAttribute("names", names);
		model.addAttribute("lastSent", store.lastAccepted());
		model.addAttribute("bundles", hub.recentBundles(50));
		model.addAttribute("period", shown);
		model.addAttribute("report", reports.compute(chosen));
		return "district/hub";
	}

	@PostMapping("/district/communes")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String enrol(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String publicKey, Authentication auth, RedirectAttributes redirect,
			Locale locale) {
		requireDistrict();
		try {
			DistrictHub.Enrolment e = hub.enrol(id, name, publicKey, Actors.name(auth));
			redirect.addFlashAttribute("info", messages.getMessage("district.enrolled",
					new Object[] { e.name(), e.fingerprint() }, locale));
			redirect.addFlashAttribute("token", e.token());
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
		}
		return "redirect:/district";
	}

	@PostMapping("/district/evidence")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
			throws IOException {
		requireDistrict();
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", messages.getMessage("district.noFile", null, locale));
			return "redirect:/district";
		}
		try (InputStream in = file.getInputStream()) {
			DistrictHub.Receipt r = hub.receive(in, "upload", null);
			redirect.addFlashAttribute("info", messages.getMessage("district.received",
					new Object[] { nameOf(r.commune()), r.records(), r.newRecords() }, locale));
		}
		catch (EvidenceRefused e) {
			String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			redirect.addFlashAttribute("error", e.recordId() == null ? message
					: message + " — " + messages.getMessage("district.atRecord", new Object[] { e.recordId() }, locale));
		}
		return "redirect:/district";
	}

	private String nameOf(String communeId) {
		return store.commune(communeId).map(HubStore.Commune::name).orElse(communeId);
	}

	private void requireDistrict() {
		if (!district) {
			throw new UserError(404, "not_district", "district.error.not_district");
		}
	}
}
