package vn.loaxa.security.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The audit trail in plain words: why a log-in failed (a reason code is stored, never an exception
 * class), and each stored action and outcome as the page shows it ({@code @auditText} in
 * {@code users/audit.html}). Entries written before reason codes held the exception's simple name;
 * those are read as the same reasons.
 */
@Component("auditText")
public class AuditText {

	/** Reason codes stored in {@code after_value} of a {@code login.failed} entry. */
	static final Map<String, String> LEGACY = Map.of("BadCredentialsException", "bad_credentials",
			"UsernameNotFoundException", "bad_credentials", "LockedException", "locked", "DisabledException",
			"disabled", "AccountExpiredException", "account_expired", "CredentialsExpiredException",
			"password_expired");

	private final MessageSource messages;

	public AuditText(MessageSource messages) {
		this.messages = messages;
	}

	/** The code stored for a failed log-in. */
	public static String reasonCode(AuthenticationException e) {
		if (e instanceof BadCredentialsException) {
			return "bad_credentials";
		}
		if (e instanceof LockedException) {
			return "locked";
		}
		if (e instanceof DisabledException) {
			return "disabled";
		}
		if (e instanceof AccountExpiredException) {
			return "account_expired";
		}
		if (e instanceof CredentialsExpiredException) {
			return "password_expired";
		}
		return LEGACY.getOrDefault(e.getClass().getSimpleName(), "other");
	}

	/** "Đăng nhập không thành công", "Duyệt bản tin", or for a request "POST /clips" → "Gửi: /clips". */
	public String action(String action, Locale locale) {
		if (action == null) {
			return "";
		}
		int space = action.indexOf(' ');
		if (space > 0 && action.substring(0, space).matches("POST|PUT|PATCH|DELETE")) {
			return text("audit.method." + action.substring(0, space), action.substring(0, space), locale) + ": "
					+ action.substring(space + 1);
		}
		return text("audit.action." + action, action, locale);
	}

	/** A value as shown: the reason of a failed log-in in words, anything else as stored. */
	public String value(String action, String value, Locale locale) {
		if (value != null && "login.failed".equals(action)) {
			String code = LEGACY.getOrDefault(value, value);
			return text("audit.reason." + code, text("audit.reason.other", value, locale), locale);
		}
		return value;
	}

	/** "OK 200" → "Đã thực hiện", "REFUSED 403" → "Bị từ chối (403)", "ERROR 500" → "Lỗi (500)". */
	public String outcome(String outcome, Locale locale) {
		if (outcome == null) {
			return "";
		}
		String[] parts = outcome.split(" ", 2);
		String word = text("audit.outcome." + parts[0], parts[0], locale);
		return parts.length == 2 ? word + " (" + parts[1] + ")" : word;
	}

	private String text(String key, String fallback, Locale locale) {
		return messages.getMessage(key, null, fallback, locale);
	}
}
