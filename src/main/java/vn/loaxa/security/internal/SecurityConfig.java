package vn.loaxa.security.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import vn.loaxa.security.UserAccounts;

/**
 * Two doors: {@code /api/**} answers HTTP Basic, statelessly, with JSON errors; everything else is
 * the web UI behind a login form, sessions, and CSRF tokens on every form.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

	static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
			+ "form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The filter chains exist only in the web application; a command-line run has none. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class FilterChains {

		@Bean
		@Order(1)
		SecurityFilterChain api(HttpSecurity http) throws Exception {
			http.securityMatcher("/api/**")
				// a commune's PC talks to the province's hub with its own token (checked by the hub), not an
				// account; /api/district/push is the same for PCs of the release before the province took over
				.authorizeHttpRequests(auth -> auth
					.requestMatchers(HttpMethod.POST, "/api/province/push", "/api/district/push",
							"/api/province/inbox/receipts")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/api/province/inbox", "/api/province/inbox/*/audio",
							"/api/province/public-key")
					.permitAll()
					.anyRequest()
					.authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response, e)))
				.exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> jsonError(response, 403,
						"forbidden", "Tài khoản không có quyền này / Not allowed for this account")))
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
			return http.build();
		}

		/** Health is public (a watchdog polls it); metrics need an account, by HTTP Basic for the scraper. */
		@Bean
		@Order(2)
		SecurityFilterChain actuator(HttpSecurity http) throws Exception {
			http.securityMatcher("/actuator/**")
				.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
					.permitAll()
					.anyRequest()
					.authenticated())
				.httpBasic(basic -> basic.realmName("LoaXa"))
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
			return http.build();
		}

		@Bean
		@Order(3)
		SecurityFilterChain web(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.anyRequest().authenticated())
				// the log-in page says why (a locked or disabled account is not a mistyped password)
				.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
					.failureHandler((request, response, e) -> response
						.sendRedirect(request.getContextPath() + "/login?error=" + AuditText.reasonCode(e))))
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
					.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
			return http.build();
		}
	}

	private static void unauthorized(HttpServletResponse response, AuthenticationException e) throws java.io.IOException {
		switch (e == null ? "" : AuditText.reasonCode(e)) {
			case "locked" -> jsonError(response, 401, "account_locked", "Tài khoản đang tạm khóa vì đăng nhập sai "
					+ UserAccounts.MAX_FAILURES + " lần liên tiếp; thử lại sau " + UserAccounts.LOCK_TIME.toMinutes()
					+ " phút / Account locked after repeated failed log-ins");
			case "disabled" -> jsonError(response, 401, "account_disabled",
					"Tài khoản đã bị vô hiệu hóa / Account disabled");
			default -> jsonError(response, 401, "unauthorized", "Cần đăng nhập (HTTP Basic) / Authentication required");
		}
	}

	private static void jsonError(HttpServletResponse response, int status, String code, String message)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}
}
