package vn.loaxa.security.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import vn.loaxa.security.Role;

@Table("app_user")
public record AppUser(@Id Long id, String username, String displayName, String passwordHash, String roles,
		boolean enabled, Instant createdAt, int failedLogins, Instant lockedUntil, Instant passwordChangedAt) {

	public static AppUser create(String username, String displayName, String passwordHash, Set<Role> roles, Instant at) {
		return new AppUser(null, username, displayName, passwordHash, join(roles), true, at, 0, null, at);
	}

	public Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public AppUser withRoles(Set<Role> newRoles) {
		return new AppUser(id, username, displayName, passwordHash, join(newRoles), enabled, createdAt, failedLogins,
				lockedUntil, passwordChangedAt);
	}

	public AppUser withEnabled(boolean on) {
		return new AppUser(id, username, displayName, passwordHash, roles, on, createdAt, 0, null, passwordChangedAt);
	}

	public AppUser withPassword(String hash, Instant at) {
		return new AppUser(id, username, displayName, hash, roles, enabled, createdAt, 0, null, at);
	}

	public AppUser withFailedLogin(int maxFailures, Instant lockUntil) {
		int failures = failedLogins + 1;
		boolean lock = failures >= maxFailures;
		return new AppUser(id, username, displayName, passwordHash, roles, enabled, createdAt, lock ? 0 : failures,
				lock ? lockUntil : lockedUntil, passwordChangedAt);
	}

	public AppUser withSuccessfulLogin() {
		return new AppUser(id, username, displayName, passwordHash, roles, enabled, createdAt, 0, null, passwordChangedAt);
	}

	private static String join(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}
}
