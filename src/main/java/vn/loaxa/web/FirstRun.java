package vn.loaxa.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import vn.loaxa.config.LoaxaProperties;

/**
 * The new technician's first steps, in Vietnamese, on every page until someone dismisses them:
 * where the admin password was printed, the sample plan, the media folder, and how to move from
 * the file sink to the sound card. The dismissal is a file in the data dir ({@code first-run.dismissed}),
 * so it holds for this installation and survives restarts and backups.
 */
@Controller
@ControllerAdvice(annotations = Controller.class)
class FirstRun {

	static final String DISMISSED = "first-run.dismissed";

	/** What the notice names: the folders as this PC has them and the sink in force. */
	record Notice(String mediaDir, String schedulesDir, String dataDir, String sink) {
	}

	private final LoaxaProperties properties;
	private final String sink;

	FirstRun(LoaxaProperties properties, @Value("${loaxa.audio.sink:line}") String sink) {
		this.properties = properties;
		this.sink = sink;
	}

	@ModelAttribute("firstRun")
	Notice notice() {
		if (Files.exists(marker())) {
			return null;
		}
		return new Notice(properties.mediaDir().toAbsolutePath().normalize().toString(),
				properties.schedulesDir().toAbsolutePath().normalize().toString(),
				properties.dataDir().toAbsolutePath().normalize().toString(), sink);
	}

	@PostMapping("/first-run/dismiss")
	@PreAuthorize("isAuthenticated()")
	String dismiss(Model model) {
		try {
			Files.createDirectories(properties.dataDir());
			Files.writeString(marker(), "dismissed " + java.time.Instant.now() + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return "redirect:/";
	}

	private Path marker() {
		return properties.dataDir().resolve(DISMISSED);
	}
}
