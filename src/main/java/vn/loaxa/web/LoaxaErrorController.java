package vn.loaxa.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}). Errors raised before any controller was chosen
 * (an upload over {@code spring.servlet.multipart.max-file-size}, a wrong content type, an unknown
 * address) never reach {@link ApiErrorHandler}; for {@code /api/**} they are answered here in the
 * same {@code {"error", "message"}} shape. Pages keep Spring Boot's error view ({@code error.html}).
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@RequestMapping("${server.error.path:${error.path:/error}}")
class LoaxaErrorController extends BasicErrorController {

	private final MessageSource messages;
	private final ObjectMapper json;

	LoaxaErrorController(ErrorAttributes errorAttributes, ServerProperties server,
			ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages, ObjectMapper json) {
		super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
		this.messages = messages;
		this.json = json;
	}

	@Override
	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (!isApi(request)) {
			return super.errorHtml(request, response);
		}
		try {
			ApiError body = apiError(getStatus(request));
			response.setStatus(getStatus(request).value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), body);
		}
		catch (IOException e) {
			// the client has gone; nothing to answer
		}
		return null;
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		ApiError body = apiError(status);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", body.error(), "message", body.message()));
	}

	private ApiError apiError(HttpStatus status) {
		String code;
		String key;
		switch (status.value()) {
			case 400 -> { code = "bad_request"; key = "api.error.badRequest"; }
			case 401 -> { code = "unauthorized"; key = "api.error.unauthorized"; }
			case 403 -> { code = "forbidden"; key = "api.error.forbidden"; }
			case 404 -> { code = "not_found"; key = "api.error.notFound"; }
			case 405 -> { code = "method_not_allowed"; key = "api.error.method"; }
			case 406 -> { code = "not_acceptable"; key = "api.error.badRequest"; }
			case 413 -> { code = "too_large"; key = "import.error.too_large.request"; }
			case 415 -> { code = "unsupported_media_type"; key = "api.error.mediaType"; }
			default -> {
				code = status.is4xxClientError() ? "bad_request" : "internal";
				key = status.is4xxClientError() ? "api.error.badRequest" : "api.error.internal";
			}
		}
		return new ApiError(code, messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		String context = request.getContextPath();
		return path.startsWith(context + "/api/") || path.equals(context + "/api");
	}
}
