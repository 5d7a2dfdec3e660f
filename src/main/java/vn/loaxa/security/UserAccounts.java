package vn.loaxa.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The people who may use LoaXa. Creates the first administrator when there is nobody yet. */
@Service
@Order(0)
public class UserAccounts implements UserDetailsService, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AppUserRepository users;
	private final PasswordEncoder encoder;
	private final SecurityProperties properties;

	UserAccounts(AppUserRepository users, PasswordEncoder encoder, SecurityProperties properties) {
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(user.username())
			.password(user.passwordHash())
			.disabled(!user.enabled())
			.authorities(user.roleSet().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		String password = properties.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = randomPassword();
		}
		create(properties.username(), "Quản trị viên", password, EnumSet.allOf(Role.class));
		if (generated) {
			// Printed once, on purpose: this is the only way the first administrator learns it.
			System.out.println("\n=== LoaXa: first administrator '" + properties.username() + "' created, password: "
					+ password + " (change it, or set loaxa.admin.password) ===\n");
		}
		else {
			log.info("first administrator '{}' created from loaxa.admin.password", properties.username());
		}
	}

	public void create(String username, String displayName, String password, Set<Role> roles) {
		users.save(AppUser.create(username, displayName, encoder.encode(password), roles, Instant.now()));
	}

	public boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
