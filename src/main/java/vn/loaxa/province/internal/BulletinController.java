package vn.loaxa.province.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaMode;
import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.province.HubBulletins;
import vn.loaxa.security.Actors;

/**
 * "Bản tin gửi xã", the hub's page of bulletins down: publish one (a file or text, its level, the
 * communes, its validity), and for each bulletin every target commune's state, coloured, with when
 * that commune last asked the hub.
 */
@Controller
class BulletinController {

	private final HubBulletins bulletins;
	private final HubStore communes;
	private final MessageSource messages;
	private final LoaxaMode mode;
	private final vn.loaxa.security.CommuneKey hubKey;

	BulletinController(HubBulletins bulletins, HubStore communes, MessageSource messages, LoaxaMode mode,
			vn.loaxa.security.CommuneKey hubKey) {
		this.hubKey = hubKey;
		this.bulletins = bulletins;
		this.communes = communes;
		this.messages = messages;
		this.mode = mode;
	}

	@GetMapping("/province/bulletins")
	String page(Model model) {
		mode.requireProvince();
		model.addAttribute("bulletins", bulletins.recent(50));
		model.addAttribute("communes", communes.communes());
		model.addAttribute("levels", Priority.values());
		model.addAttribute("kinds", ClipKind.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("hubFingerprint", hubKey.fingerprint());
		return "province/bulletins";
	}

	@PostMapping("/province/bulletins")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String publish(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			@RequestParam(required = false) String title, @RequestParam(required = false) String level,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String topic,
			@RequestParam(required = false) List<String> communes, @RequestParam(required = false) String validFrom,
			@RequestParam(required = false) String validUntil, @RequestParam(required = false) String repeat,
			@RequestParam(required = false) List<String> groups,
			Authentication auth, RedirectAttributes redirect, Locale locale) throws IOException {
		mode.requireProvince();
		boolean hasFile = file != null && !file.isEmpty();
		try (InputStream in = hasFile ? file.getInputStream() : null) {
			HubBulletins.BulletinView b = bulletins.publish(new BulletinRequest(title, level, kind, topic, communes,
					validFrom, validUntil, repeat, groups), new HubBulletins.Audio(in, hasFile ? file.getOriginalFilename() : null,
							text == null || text.isBlank() ? null : text), Actors.name(auth));
			redirect.addFlashAttribute("info", messages.getMessage("bulletin.published",
					new Object[] { b.title(), b.communes().size() }, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return "redirect:/province/bulletins";
	}

	@PostMapping("/province/bulletins/{id}/cancel")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String cancel(@PathVariable long id, Authentication auth, RedirectAttributes redirect, Locale locale) {
		mode.requireProvince();
		try {
			HubBulletins.BulletinView b = bulletins.cancel(id, Actors.name(auth));
			redirect.addFlashAttribute("info", messages.getMessage("bulletin.withdrawn", new Object[] { b.title() }, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
		}
		return "redirect:/province/bulletins";
	}

}
