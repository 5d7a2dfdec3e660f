package vn.loaxa.security.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.security.AuditTrail;
import vn.loaxa.security.Role;
import vn.loaxa.security.UserAccounts;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserController {

	private final UserAccounts accounts;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final LoaxaClock clock;

	UserController(UserAccounts accounts, AuditTrail audit, MessageSource messages, LoaxaClock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/users")
	String users(Model model) {
		model.addAttribute("users", accounts.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("minPassword", UserAccounts.MIN_PASSWORD);
		return "users/list";
	}

	@PostMapping("/users")
	String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String password, @RequestParam(required = false) List<String> roles,
			Authentication user, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "user.created",
				() -> accounts.create(username, displayName, password, roles(roles), user.getName()));
	}

	@PostMapping("/users/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, Authentication user, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "user.saved", () -> accounts.setEnabled(id, enabled, user.getName()));
	}

	@PostMapping("/users/{id}/roles")
	String roles(@PathVariable long id, @RequestParam(required = false) List<String> roles, Authentication user,
			Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "user.saved", () -> accounts.setRoles(id, roles(roles), user.getName()));
	}

	@PostMapping("/users/{id}/password")
	String password(@PathVariable long id, @RequestParam(required = false) String password, Authentication user,
			Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "user.passwordReset", () -> accounts.resetPassword(id, password, user.getName()));
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		LocalDate fromDate = vn.loaxa.web.Formats.parseDate(from);
		LocalDate toDate = vn.loaxa.web.Formats.parseDate(to);
		model.addAttribute("entries", audit.search(actor, action,
				fromDate == null ? null : fromDate.atStartOfDay(clock.zone()).toInstant(),
				toDate == null ? null : toDate.plusDays(1).atStartOfDay(clock.zone()).toInstant(), 500));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "users/audit";
	}

	private String act(RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("info", messages.getMessage(doneKey, null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("errors",
					List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
		}
		return "redirect:/users";
	}

	private static Set<Role> roles(List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				try {
					roles.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException e) {
					throw new UserError(400, "invalid_role", "user.error.roles");
				}
			}
		}
		return roles;
	}
}
