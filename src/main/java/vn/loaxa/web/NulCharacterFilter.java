package vn.loaxa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns away a request whose parameters hold a NUL character, before anything reads them: no form
 * of LoaXa takes one, and PostgreSQL refuses NUL in text, so it would reach the audit trail or a
 * query as a server error. Runs after the character-encoding filter (parameters decoded as UTF-8)
 * and before Spring Security (whose log-in and audit would store it).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class NulCharacterFilter extends OncePerRequestFilter {

	private final MessageSource messages;
	private final ObjectMapper json;
	private final LocaleResolver locales;

	NulCharacterFilter(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasNul(request)) {
			chain.doFilter(request, response);
			return;
		}
		String message = messages.getMessage("api.error.nul", null, locales.resolveLocale(request));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setStatus(400);
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			json.writeValue(response.getOutputStream(), Map.of("error", "bad_character", "message", message));
		}
		else {
			response.sendError(400, message);
		}
	}

	private static boolean hasNul(HttpServletRequest request) {
		for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
			if (p.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : p.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}
}
