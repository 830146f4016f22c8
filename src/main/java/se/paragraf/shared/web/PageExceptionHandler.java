package se.paragraf.shared.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.UploadTooLarge;

/**
 * What a page shows when a request cannot be carried out: a Swedish explanation with the right
 * status, never a stack trace. Forms handle their own rule violations; this is the last line.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageExceptionHandler {

	private static final String VIEW = "error";

	private final MessageSource messages;

	PageExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(Model model, HttpServletResponse response) {
		return page(404, null, model, response);
	}

	@ExceptionHandler({ MultipartException.class, MissingServletRequestParameterException.class,
			MissingServletRequestPartException.class, MethodArgumentTypeMismatchException.class })
	String badRequest(Exception ex, Model model, HttpServletResponse response) {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return page(413, text("upload.tooLarge", tooLarge.getMaxUploadSize() / (1024 * 1024)), model, response);
		}
		return page(400, text("error.400"), model, response);
	}

	@ExceptionHandler(UploadTooLarge.class)
	String tooLarge(UploadTooLarge ex, Model model, HttpServletResponse response) {
		return page(413, text("upload.tooLarge", ex.limitInMegabytes()), model, response);
	}

	// Also what the database reports when two changes meet (a row changed between read and write, a lock
	// not granted in time), whether or not Spring translated it: the client tries again on the newest version.
	@ExceptionHandler({ StaleVersionException.class, OptimisticLockingFailureException.class, OptimisticLockException.class,
			PessimisticLockingFailureException.class, PessimisticLockException.class, LockTimeoutException.class })
	String stale(Model model, HttpServletResponse response) {
		return page(409, null, model, response);
	}

	/** As in the API: a rule about one input (a year out of range) is a bad request, any other a conflict. */
	@ExceptionHandler(RuleViolation.class)
	String rule(RuleViolation ex, Model model, HttpServletResponse response) {
		return page(ex.field() != null ? 400 : 409, text(ex.code(), ex.arguments()), model, response);
	}

	private String page(int status, String detail, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		return VIEW;
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
