package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import vn.loaxa.config.LoaxaMode;
import vn.loaxa.config.UserError;
import vn.loaxa.province.ProvinceHub;
import vn.loaxa.province.ProvinceReports;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.security.Actors;

/**
 * The province hub's page ({@code /province}, also at the old {@code /district}; hub mode only): the
 * communes enrolled and when each last sent, enrolment, a bundle brought on a USB disk or by e-mail,
 * the bundles taken or refused with their reasons, and the province's report.
 */
@Controller
class ProvinceController {

	private final ProvinceHub hub;
	private final HubStore store;
	private final ProvinceReports reports;
	private final MessageSource messages;
	private final LoaxaClock clock;
	private final LoaxaMode mode;

	ProvinceController(ProvinceHub hub, HubStore store, ProvinceReports reports, MessageSource messages,
			LoaxaClock clock, LoaxaMode mode) {
		this.hub = hub;
		this.reports = reports;
		this.store = store;
		this.messages = messages;
		this.clock = clock;
		this.mode = mode;
	}

	@GetMapping({ "/province", "/district" })
	String page(@RequestParam(required = false) String period, Model model, Locale locale) {
		mode.requireProvince();
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
		return "province/hub";
	}

	@PostMapping({ "/province/communes", "/district/communes" })
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String enrol(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String publicKey, @RequestParam(required = false) MultipartFile file,
			Authentication auth, RedirectAttributes redirect, Locale locale) throws IOException {
		mode.requireProvince();
		try {
			ProvinceHub.Enrolment e = file != null && !file.isEmpty()
					? hub.enrolFromFile(id, name, file.getBytes(), Actors.name(auth))
					: hub.enrol(id, name, publicKey, Actors.name(auth));
			redirect.addFlashAttribute("info", messages.getMessage("province.enrolled",
					new Object[] { e.name(), e.fingerprint() }, locale));
			redirect.addFlashAttribute("token", e.token());
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
		}
		catch (EvidenceRefused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return "redirect:/province";
	}

	@PostMapping({ "/province/evidence", "/district/evidence" })
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect, Locale locale)
			throws IOException {
		mode.requireProvince();
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", messages.getMessage("province.noFile", null, locale));
			return "redirect:/province";
		}
		try (InputStream in = file.getInputStream()) {
			ProvinceHub.Receipt r = hub.receive(in, "upload", null);
			redirect.addFlashAttribute("info", messages.getMessage("province.received",
					new Object[] { nameOf(r.commune()), r.records(), r.newRecords() }, locale));
		}
		catch (EvidenceRefused e) {
			String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
			redirect.addFlashAttribute("error", e.recordId() == null ? message
					: message + " — " + messages.getMessage("province.atRecord", new Object[] { e.recordId() }, locale));
		}
		return "redirect:/province";
	}

	private String nameOf(String communeId) {
		return store.commune(communeId).map(HubStore.Commune::name).orElse(communeId);
	}

}
