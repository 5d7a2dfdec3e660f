package vn.loaxa.media;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;

/** The upload page's second form, "Nhập văn bản": a typed bulletin spoken and imported as a clip. */
@Controller
class TextBulletinController {

	private final TextBulletins bulletins;
	private final MediaProperties properties;
	private final MessageSource messages;
	private final LoaxaClock clock;

	TextBulletinController(TextBulletins bulletins, MediaProperties properties, MessageSource messages,
			LoaxaClock clock) {
		this.bulletins = bulletins;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder("textForm")
	void allowOnlyTextFields(WebDataBinder binder) {
		binder.setAllowedFields("title", "text", "kind", "topic", "priority", "validFrom", "validUntil", "notes");
	}

	/** What the upload page shows: the file form, the text form (or why there is none), the choices. */
	static void uploadPage(Model model, MediaProperties properties, TextBulletins bulletins, TextForm textForm) {
		model.addAttribute("form", new ClipForm());
		model.addAttribute("maxMb", properties.maxFileSize().toMegabytes());
		model.addAttribute("textForm", textForm);
		model.addAttribute("ttsEngine", bulletins.engine().orElse(null));
		model.addAttribute("ttsMaxChars", bulletins.maxChars());
	}

	@PostMapping("/clips/text")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String speak(@ModelAttribute("textForm") TextForm form, Authentication user, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			ImportOutcome outcome = bulletins.speak(form, Actors.name(user));
			String key = outcome.duplicate() ? "upload.duplicate" : "upload.text.done";
			redirect.addFlashAttribute("info", messages.getMessage(key, new Object[] { outcome.clip().getTitle() }, locale));
			return "redirect:/clips/" + outcome.clip().getId();
		}
		catch (UserError e) {
			model.addAttribute("textError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
			model.addAttribute("kinds", ClipKind.values());
			model.addAttribute("topics", Topic.values());
			model.addAttribute("priorities", Priority.values());
			model.addAttribute("today", clock.today());
			uploadPage(model, properties, bulletins, form);
			return "clips/upload";
		}
	}
}
