package vn.loaxa.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.loaxa.config.UserError;

/** A user error on a page shows the error page with the message, never a stack trace. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

	private final MessageSource messages;

	PageErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserError.class)
	ModelAndView userError(UserError e, Locale locale) {
		return page(HttpStatus.valueOf(e.status()), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
		return page(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("message", message);
		return view;
	}
}
