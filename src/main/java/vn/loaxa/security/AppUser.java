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
		boolean enabled, Instant createdAt) {

	static AppUser create(String username, String displayName, String passwordHash, Set<Role> roles, Instant at) {
		String joined = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		return new AppUser(null, username, displayName, passwordHash, joined, true, at);
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(set::add);
		return set;
	}
}
