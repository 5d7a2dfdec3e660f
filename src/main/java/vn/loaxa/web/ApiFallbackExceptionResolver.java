package vn.loaxa.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors on {@code /api/**} that happen before a controller is chosen, so that
 * {@link ApiErrorHandler} (scoped to API controllers) never sees them: a multipart body over
 * {@code spring.servlet.multipart.max-file-size}, a content type or method no endpoint takes.
 * They get the API's {@code {"error", "message"}} body here, in the first dispatch: left to the
 * container's error page, an oversized multipart body would fail again there and answer nothing.
 */
@Component
class ApiFallbackExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final ApiErrorHandler errors;
	private final ObjectMapper json;

	ApiFallbackExceptionResolver(ApiErrorHandler errors, ObjectMapper json) {
		this.errors = errors;
		this.json = json;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (handler instanceof HandlerMethod || !(isApi(request) || wantsJson(request))) {
			return null; // a controller was chosen: ApiErrorHandler (or the page handlers) answer
		}
		ResponseEntity<ApiError> answer;
		if (ex instanceof MultipartException || ex instanceof HttpMediaTypeNotSupportedException
				|| ex instanceof HttpRequestMethodNotSupportedException) {
			answer = errors.handle(ex, RequestContextUtils.getLocale(request));
		}
		else {
			return null;
		}
		try {
			response.setStatus(answer.getStatusCode().value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), answer.getBody());
		}
		catch (IOException e) {
			// the client has gone
		}
		return new ModelAndView();
	}

	/** The upload page's script asks for JSON, so a too-large file gets the message, not an error page. */
	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.startsWith(MediaType.APPLICATION_JSON_VALUE);
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}
}
