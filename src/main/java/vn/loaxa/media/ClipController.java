package vn.loaxa.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.media.internal.MediaFolderScan;
import vn.loaxa.security.Actors;
import vn.loaxa.security.Role;
import vn.loaxa.web.Formats;

@Controller
class ClipController {

	private static final String LIBRARY = "clips/library";
	private static final String DETAIL = "clips/detail";
	private static final String UPLOAD = "clips/upload";
	private static final String QUEUE = "clips/queue";

	private final ClipLibrary library;
	private final TextBulletins bulletins;
	private final MediaFolderImporter folder;
	private final MediaProperties properties;
	private final MessageSource messages;
	private final LoaxaClock clock;

	ClipController(ClipLibrary library, TextBulletins bulletins, MediaFolderImporter folder, MediaProperties properties,
			MessageSource messages, LoaxaClock clock) {
		this.library = library;
		this.bulletins = bulletins;
		this.folder = folder;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowOnlyMetadata(WebDataBinder binder) {
		binder.setAllowedFields("title", "kind", "topic", "priority", "validFrom", "validUntil", "notes");
	}

	@ModelAttribute
	void enums(Model model) {
		model.addAttribute("kinds", ClipKind.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("statuses", ClipStatus.values());
		model.addAttribute("today", clock.today());
	}

	/** Newest first, {@value #PAGE_SIZE} a page: a commune's library grows by a few hundred clips a year. */
	static final int PAGE_SIZE = 100;

	@GetMapping("/clips")
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") String page, Model model) {
		ClipFilter filter = new ClipFilter(q, parseOrNull(ClipKind.class, kind), parseOrNull(Topic.class, topic),
				parseOrNull(ClipStatus.class, status));
		java.util.List<Clip> found = library.search(filter);
		int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(pages, Math.max(1, parsePage(page)));
		model.addAttribute("clips", found.subList((current - 1) * PAGE_SIZE, Math.min(found.size(), current * PAGE_SIZE)));
		model.addAttribute("total", found.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("filter", filter);
		return LIBRARY;
	}

	private static int parsePage(String page) {
		try {
			return Integer.parseInt(page.strip());
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	@PostMapping("/clips/rescan")
	@PreAuthorize("hasAnyRole('OFFICER','TECHNICIAN','ADMIN')")
	String rescan(RedirectAttributes redirect, Locale locale) {
		MediaFolderScan scan = folder.scan();
		redirect.addFlashAttribute("info", messages.getMessage("library.rescan.done",
				new Object[] { scan.imported().size(), scan.known().size(), scan.refused().size() }, locale));
		List<String> refused = new ArrayList<>();
		for (MediaFolderScan.Refusal refusal : scan.refused()) {
			refused.add(refusal.file() + ": " + message(refusal.reason(), locale));
		}
		redirect.addFlashAttribute("errors", refused);
		return "redirect:/clips";
	}

	@GetMapping("/clips/upload")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String uploadForm(Model model) {
		TextBulletinController.uploadPage(model, properties, bulletins, new TextForm());
		return UPLOAD;
	}

	/** One file per request from the page's script (progress bar), or several from a plain form post. */
	@PostMapping(path = "/clips/upload", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	@ResponseBody
	ResponseEntity<List<Map<String, Object>>> uploadJson(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@ModelAttribute("form") ClipForm form, Authentication user, Locale locale) {
		List<Map<String, Object>> results = upload(files, form, user, locale);
		boolean anyFailed = results.stream().anyMatch(r -> !Boolean.TRUE.equals(r.get("ok")));
		return ResponseEntity.status(anyFailed ? 400 : 200).body(results);
	}

	@PostMapping("/clips/upload")
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	String uploadForm(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@ModelAttribute("form") ClipForm form, Authentication user, Locale locale, RedirectAttributes redirect) {
		List<Map<String, Object>> results = upload(files, form, user, locale);
		redirect.addFlashAttribute("uploadResults", results);
		return "redirect:/clips";
	}

	private List<Map<String, Object>> upload(List<MultipartFile> files, ClipForm form, Authentication user,
			Locale locale) {
		List<Map<String, Object>> results = new ArrayList<>();
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()).toList();
		if (chosen.isEmpty()) {
			results.add(result(false, "", null, messages.getMessage("import.error.no_file", null, locale)));
			return results;
		}
		ClipDraft draft;
		try {
			draft = form.draft();
		}
		catch (UserError e) {
			results.add(result(false, "", null, message(e, locale)));
			return results;
		}
		for (MultipartFile file : chosen) {
			String name = TextCleaner.fileName(file.getOriginalFilename());
			try (InputStream in = file.getInputStream()) {
				ImportOutcome outcome = library.upload(in, file.getOriginalFilename(), draft, Actors.name(user));
				String key = outcome.duplicate() ? "upload.duplicate" : "upload.done";
				Map<String, Object> ok = result(true, name, outcome.clip(),
						messages.getMessage(key, new Object[] { outcome.clip().getTitle() }, locale));
				ok.put("duplicate", outcome.duplicate());
				results.add(ok);
			}
			catch (UserError e) {
				results.add(result(false, name, null, message(e, locale)));
			}
			catch (IOException | java.io.UncheckedIOException e) {
				results.add(result(false, name, null, messages.getMessage("import.error.disk", null, locale)));
			}
		}
		return results;
	}

	private static Map<String, Object> result(boolean ok, String file, Clip clip, String message) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ok", ok);
		result.put("file", file);
		result.put("message", message);
		if (clip != null) {
			result.put("id", clip.getId());
			result.put("title", clip.getTitle());
		}
		return result;
	}

	@GetMapping("/clips/{id}")
	String detail(@PathVariable long id, Model model) {
		Clip clip = library.get(id);
		model.addAttribute("form", ClipForm.of(clip));
		return showDetail(clip, model);
	}

	private String showDetail(Clip clip, Model model) {
		model.addAttribute("clip", clip);
		model.addAttribute("history", library.history(clip.getId()));
		return DETAIL;
	}

	@PostMapping("/clips/{id}")
	@PreAuthorize("hasAnyRole('OFFICER','APPROVER','ADMIN')")
	String edit(@PathVariable long id, @ModelAttribute("form") ClipForm form, Authentication user, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			library.edit(id, form.details(), Actors.name(user), Actors.has(user, Role.APPROVER));
		}
		catch (UserError e) {
			model.addAttribute("error", message(e, locale));
			return showDetail(library.get(id), model);
		}
		redirect.addFlashAttribute("info", messages.getMessage("clip.saved", null, locale));
		return "redirect:/clips/" + id;
	}

	@PostMapping("/clips/{id}/approve")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String approve(@PathVariable long id, Authentication user, Locale locale, RedirectAttributes redirect) {
		return act(id, redirect, locale, "clip.approved", () -> library.approve(id, Actors.name(user)));
	}

	@PostMapping("/clips/{id}/reject")
	@PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
			Locale locale, RedirectAttributes redirect) {
		return act(id, redirect, locale, "clip.rejected", () -> library.reject(id, Actors.name(user), reason));
	}

	@PostMapping("/clips/{id}/archive")
	@PreAuthorize("hasAnyRole('OFFICER','APPROVER','ADMIN')")
	String archive(@PathVariable long id, Authentication user, Locale locale, RedirectAttributes redirect) {
		return act(id, redirect, locale, "clip.archived", () -> library.archive(id, Actors.name(user)));
	}

	private String act(long id, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("info", messages.getMessage(doneKey, null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("errors", List.of(message(e, locale)));
		}
		return "redirect:/clips/" + id;
	}

	/** The canonical WAV, as it will reach the loudspeakers; range requests let the player seek. */
	@GetMapping("/clips/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable long id) {
		Path file = library.canonicalAudio(library.get(id));
		if (!Files.isReadable(file)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav")).body(new FileSystemResource(file));
	}

	@GetMapping("/queue")
	String queue(@RequestParam(required = false) String date, Model model, Locale locale) {
		LocalDate day = clock.today();
		try {
			if (date != null && !date.isBlank()) {
				day = Formats.parseDate(date);
			}
		}
		catch (UserError e) {
			model.addAttribute("error", message(e, locale));
		}
		model.addAttribute("day", day);
		model.addAttribute("queue", library.queue(day));
		return QUEUE;
	}

	private String message(UserError e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
	}

	private static <E extends Enum<E>> E parseOrNull(Class<E> type, String value) {
		try {
			return Formats.parseEnum(type, value, "invalid");
		}
		catch (UserError e) {
			return null;
		}
	}
}
