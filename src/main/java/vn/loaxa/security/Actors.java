package vn.loaxa.security;

import org.springframework.security.core.Authentication;

/** Who is acting, and what they may do, as the other modules ask it. */
public final class Actors {

	private Actors() {
	}

	public static String name(Authentication authentication) {
		return authentication == null ? "anonymous" : authentication.getName();
	}

	public static boolean has(Authentication authentication, Role role) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals(role.authority()) || a.getAuthority().equals(Role.ADMIN.authority()));
	}
}
