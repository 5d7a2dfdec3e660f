package vn.loaxa.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final boolean district;

	HomeController(@org.springframework.beans.factory.annotation.Value("${loaxa.mode:commune}") String mode) {
		this.district = "district".equalsIgnoreCase(mode.strip());
	}

	@GetMapping("/")
	String home() {
		return district ? "redirect:/district" : "redirect:/schedule";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
