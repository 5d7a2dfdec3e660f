package vn.loaxa.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes an audit entry for every request that can change something (POST, PUT, PATCH, DELETE),
 * whichever module handles it: who, what path, the form fields (never passwords), and whether it
 * was done, refused (4xx) or failed. Modules add before/after values through {@link AuditTrail}.
 */
@Component
class RequestAuditFilter extends OncePerRequestFilter {

	private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
	private static final Set<String> SECRET = Set.of("password", "newPassword", "currentPassword", "_csrf");

	private final AuditTrail audit;

	RequestAuditFilter(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !CHANGING.contains(request.getMethod()) || request.getRequestURI().equals("/login");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			String outcome = status < 400 ? "OK" : status < 500 ? "REFUSED" : "ERROR";
			String actor = user != null ? user.getName()
					: SecurityContextHolder.getContext().getAuthentication() != null
							? SecurityContextHolder.getContext().getAuthentication().getName() : "anonymous";
			audit.write(actor, request.getMethod() + " " + request.getRequestURI(), null, null, fields(request),
					outcome + " " + status, request.getRemoteAddr());
		}
	}

	private static String fields(HttpServletRequest request) {
		Map<String, String> shown = new TreeMap<>();
		for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
			if (!SECRET.contains(field.getKey())) {
				shown.put(field.getKey(), String.join(",", field.getValue()));
			}
		}
		return shown.isEmpty() ? null : shown.toString();
	}
}
