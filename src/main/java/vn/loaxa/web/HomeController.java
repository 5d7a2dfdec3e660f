package vn.loaxa.web;

import org.springframework.stereotype.Controller;
import vn.loaxa.config.LoaxaMode;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final LoaxaMode mode;

	HomeController(LoaxaMode mode) {
		this.mode = mode;
	}

	@GetMapping("/")
	String home() {
		return mode.isProvince() ? "redirect:/province" : "redirect:/schedule";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
