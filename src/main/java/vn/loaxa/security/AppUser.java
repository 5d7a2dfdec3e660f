package vn.loaxa.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
record AppUser(@Id Long id, String username, String displayName, String passwordHash, String roles,
		boolean enabled, Instant createdAt, int failedLogins, Instant lockedUntil, Instant passwordChangedAt) {

	static AppUser create(String username, String displayName, String passwordHash, Set<Role> roles, Instant at) {
		return new AppUser(null, username, displayName, passwordHash, join(roles), true, at, 0, null, at);
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(set::add);
		return set;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	AppUser withRoles(Set<Role> newRoles) {
		return new AppUser(id, username, displayName, passwordHash, join(newRoles), enabled, createdAt, failedLogins,
				lockedUntil, passwordChangedAt);
	}

	AppUser withEnabled(boolean on) {
		return new AppUser(id, username, displayName, passwordHash, roles, on, createdAt, 0, null, passwordChangedAt);
	}

	AppUser withPassword(String hash, Instant at) {
		return new AppUser(id, username, displayName, hash, roles, enabled, createdAt, 0, null, at);
	}

	AppUser withFailedLogin(int maxFailures, Instant lockUntil) {
		int failures = failedLogins + 1;
		boolean lock = failures >= maxFailures;
		return new AppUser(id, username, displayName, passwordHash, roles, enabled, createdAt, lock ? 0 : failures,
				lock ? lockUntil : lockedUntil, passwordChangedAt);
	}

	AppUser withSuccessfulLogin() {
		return new AppUser(id, username, displayName, passwordHash, roles, enabled, createdAt, 0, null, passwordChangedAt);
	}

	private static String join(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}
}
