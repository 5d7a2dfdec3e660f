package vn.loaxa.security.internal;

import java.time.Instant;
import java.util.Set;

import vn.loaxa.security.Role;

/** A user as pages and the API show it: never the password hash. */
public record UserView(long id, String username, String displayName, Set<Role> roles, boolean enabled,
		boolean locked, Instant createdAt) {
}
