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
		Integer status = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			// an AccessDeniedException (perhaps wrapped) becomes a 403 in the security filters outside this one
			status = deniedAccess(e) ? 403 : 500;
			throw e;
		}
		finally {
			int code = status != null ? status : response.getStatus();
			String outcome = code < 400 ? "OK" : code < 500 ? "REFUSED" : "ERROR";
			String actor = user != null ? user.getName() : "anonymous";
			audit.write(actor, request.getMethod() + " " + request.getRequestURI(), null, null, fields(request),
					outcome + " " + code, request.getRemoteAddr());
		}
	}

	private static boolean deniedAccess(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.security.access.AccessDeniedException) {
				return true;
			}
		}
		return false;
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
