package vn.loaxa.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.loaxa.config.UserError;

/**
 * Maps every error on {@code /api/**} to a 4xx JSON body {@code {"error", "message"}}. Only a
 * fault of LoaXa itself is a 500, and then without a stack trace.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserError.class)
	ResponseEntity<ApiError> userError(UserError e, Locale locale) {
		return ResponseEntity.status(HttpStatus.valueOf(e.status())).body(new ApiError(e.code(),
				messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), e.field()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
		return body(413, "too_large", messages.getMessage("import.error.too_large.request", null, locale));
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ApiError> missing(Exception e, Locale locale) {
		String name = e instanceof MissingServletRequestPartException part ? part.getRequestPartName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return body(400, "missing_" + name, messages.getMessage("api.error.missing", new Object[] { name }, locale));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class,
			MultipartException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<ApiError> badRequest(Exception e, Locale locale) {
		int status = e instanceof HttpMediaTypeNotSupportedException ? 415 : 400;
		return body(status, "bad_request", messages.getMessage("api.error.badRequest", null, locale));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, Locale locale) {
		return body(405, "method_not_allowed", messages.getMessage("api.error.method", null, locale));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> notFound(NoResourceFoundException e, Locale locale) {
		return body(404, "not_found", messages.getMessage("api.error.notFound", null, locale));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiError> denied(AccessDeniedException e, Locale locale) {
		return body(403, "forbidden", messages.getMessage("api.error.forbidden", null, locale));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ApiError> conflict(OptimisticLockingFailureException e, Locale locale) {
		return body(409, "conflict", messages.getMessage("api.error.conflict", null, locale));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> fault(Exception e, Locale locale) {
		log.error("API fault", e);
		return body(500, "internal", messages.getMessage("api.error.internal", null, locale));
	}

	/** The same answers for an exception raised outside any API controller (see {@link ApiFallbackExceptionResolver}). */
	ResponseEntity<ApiError> handle(Exception e, Locale locale) {
		if (e instanceof UserError user) {
			return userError(user, locale);
		}
		if (e instanceof MaxUploadSizeExceededException tooLarge) {
			return tooLarge(tooLarge, locale);
		}
		if (e instanceof HttpRequestMethodNotSupportedException method) {
			return method(method, locale);
		}
		if (e instanceof MethodArgumentTypeMismatchException || e instanceof HttpMessageNotReadableException
				|| e instanceof MultipartException || e instanceof HttpMediaTypeNotSupportedException) {
			return badRequest(e, locale);
		}
		return fault(e, locale);
	}

	private static ResponseEntity<ApiError> body(int status, String code, String message) {
		return ResponseEntity.status(HttpStatus.valueOf(status)).body(new ApiError(code, message));
	}
}
