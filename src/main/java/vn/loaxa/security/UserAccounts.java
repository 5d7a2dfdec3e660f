package vn.loaxa.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.UserError;
import vn.loaxa.security.internal.AppUser;
import vn.loaxa.security.internal.AppUserRepository;
import vn.loaxa.security.internal.AuditText;
import vn.loaxa.security.internal.SecurityProperties;
import vn.loaxa.security.internal.UserView;

/**
 * The people who may use LoaXa: creates the first administrator when there is nobody yet, keeps
 * passwords hashed (bcrypt), and locks an account for a while after repeated failed log-ins.
 */
@Service
public class UserAccounts implements UserDetailsService, SmartInitializingSingleton {

	public static final int MIN_PASSWORD = 10;
	/** bcrypt's limit, in UTF-8 bytes. */
	public static final int MAX_PASSWORD_BYTES = 72;
	public static final int MAX_FAILURES = 5;
	public static final Duration LOCK_TIME = Duration.ofMinutes(15);
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
	private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AppUserRepository users;
	private final PasswordEncoder encoder;
	private final SecurityProperties properties;
	private final AuditTrail audit;
	private final LoaxaClock clock;

	UserAccounts(AppUserRepository users, PasswordEncoder encoder, SecurityProperties properties, AuditTrail audit,
			LoaxaClock clock) {
		this.users = users;
		this.encoder = encoder;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(user.username())
			.password(user.passwordHash())
			.disabled(!user.enabled())
			.accountLocked(user.lockedAt(now()))
			.authorities(user.roleSet().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
	}

	/**
	 * Creates the first administrator once the database is migrated and before the web server
	 * takes its first request, so a script that waits for health UP can log in at once.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (users.count() > 0) {
			return;
		}
		String password = properties.password();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			password = randomPassword();
		}
		users.save(AppUser.create(properties.username(), "Quản trị viên", encoder.encode(password),
				EnumSet.allOf(Role.class), now()));
		if (generated) {
			// Printed once, on purpose: this is the only way the first administrator learns it.
			System.out.println("\n=== LoaXa: first administrator '" + properties.username() + "' created, password: "
					+ password + " (change it on the Users page, or set loaxa.admin.password) ===\n");
		}
		else {
			log.info("first administrator '{}' created from loaxa.admin.password", properties.username());
		}
	}

	@Transactional
	public UserView create(String username, String displayName, String password, Set<Role> roles, String by) {
		String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
		if (!USERNAME.matcher(name).matches()) {
			throw new UserError(400, "invalid_username", "user.error.username");
		}
		if (users.findByUsername(name).isPresent()) {
			throw new UserError(409, "username_taken", "user.error.taken", name);
		}
		String shown = displayName == null ? "" : displayName.strip();
		if (shown.isEmpty() || shown.length() > 200) {
			throw new UserError(400, "invalid_display_name", "user.error.displayName");
		}
		if (roles == null || roles.isEmpty()) {
			throw new UserError(400, "roles_required", "user.error.roles");
		}
		checkPassword(password);
		AppUser saved = users.save(AppUser.create(name, shown, encoder.encode(password), roles, now()));
		audit.record(by, "user.create", name, null, "roles=" + saved.roles());
		return view(saved);
	}

	@Transactional
	public UserView setEnabled(long id, boolean enabled, String by) {
		AppUser user = get(id);
		if (!enabled && user.username().equals(by)) {
			throw new UserError(400, "cannot_disable_self", "user.error.self");
		}
		AppUser saved = users.save(user.withEnabled(enabled));
		audit.record(by, enabled ? "user.enable" : "user.disable", user.username(), String.valueOf(user.enabled()),
				String.valueOf(enabled));
		return view(saved);
	}

	@Transactional
	public UserView setRoles(long id, Set<Role> roles, String by) {
		AppUser user = get(id);
		if (roles == null || roles.isEmpty()) {
			throw new UserError(400, "roles_required", "user.error.roles");
		}
		if (user.username().equals(by) && !roles.contains(Role.ADMIN)) {
			throw new UserError(400, "cannot_demote_self", "user.error.self");
		}
		AppUser saved = users.save(user.withRoles(roles));
		audit.record(by, "user.roles", user.username(), user.roles(), saved.roles());
		return view(saved);
	}

	@Transactional
	public void resetPassword(long id, String password, String by) {
		AppUser user = get(id);
		checkPassword(password);
		users.save(user.withPassword(encoder.encode(password), now()));
		audit.record(by, "user.password", user.username(), null, null);
	}

	public List<UserView> list() {
		return users.findAll().stream().sorted(Comparator.comparing(AppUser::username)).map(this::view).toList();
	}

	public boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	@EventListener
	@Transactional
	public void loginFailed(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		users.findByUsername(name).ifPresent(user -> {
			AppUser updated = users.save(user.withFailedLogin(MAX_FAILURES, now().plus(LOCK_TIME)));
			if (updated.lockedUntil() != null && !updated.lockedUntil().equals(user.lockedUntil())) {
				log.warn("account '{}' locked for {} after {} failed log-ins", name, LOCK_TIME, MAX_FAILURES);
			}
		});
		audit.write(name, "login.failed", null, null, AuditText.reasonCode(event.getException()), "REFUSED", null);
	}

	@EventListener
	@Transactional
	public void loginSucceeded(AuthenticationSuccessEvent event) {
		users.findByUsername(event.getAuthentication().getName()).ifPresent(user -> {
			if (user.failedLogins() > 0 || user.lockedUntil() != null) {
				users.save(user.withSuccessfulLogin());
			}
		});
	}

	private void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new UserError(400, "password_too_short", "user.error.password", MIN_PASSWORD);
		}
		// bcrypt reads at most 72 bytes (and Spring's encoder refuses more): 72 letters without
		// diacritics, fewer with them (a Vietnamese letter takes 2 or 3 bytes in UTF-8)
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new UserError(400, "password_too_long", "user.error.passwordLong", MAX_PASSWORD_BYTES);
		}
	}

	private AppUser get(long id) {
		return users.findById(id).orElseThrow(() -> new UserError(404, "user_not_found", "user.error.notFound", id));
	}

	private UserView view(AppUser user) {
		return new UserView(user.id(), user.username(), user.displayName(), user.roleSet(), user.enabled(),
				user.lockedAt(now()), user.createdAt());
	}

	private Instant now() {
		return clock.now().toInstant();
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
