package se.paragraf.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.UploadTooLarge;

/**
 * Turns failures of the JSON API into {@code application/problem+json}: 400 with field errors, 404,
 * 409 for a stale version or a broken rule, 413 for an upload over the limit. Messages are in the
 * client's language (Swedish unless it asks for English).
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalid(BindException ex) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), text(error)))
			.toList();
		List<FieldProblem> globals = ex.getBindingResult()
			.getGlobalErrors()
			.stream()
			.map(error -> new FieldProblem(error.getObjectName(), this.messages.getMessage(error, locale())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("api.invalid"));
		problem.setProperty("errors", globals.isEmpty() ? errors
				: java.util.stream.Stream.concat(errors.stream(), globals.stream()).toList());
		return respond(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> invalid(ConstraintViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("api.invalid"));
		problem.setProperty("errors", ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList());
		return respond(problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, message("api.unreadable")));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, message("api.notFound", ex.what(), ex.id())));
	}

	// Also what the database reports when two changes meet (a row changed between read and write, a lock
	// not granted in time), whether or not Spring translated it: the client tries again on the newest version.
	@ExceptionHandler({ StaleVersionException.class, OptimisticLockingFailureException.class, OptimisticLockException.class,
			PessimisticLockingFailureException.class, PessimisticLockException.class, LockTimeoutException.class })
	ResponseEntity<ProblemDetail> stale(RuntimeException ex) {
		return respond(problem(HttpStatus.CONFLICT, message("api.stale")));
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> rule(RuleViolation ex) {
		String text = this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), locale());
		if (ex.field() != null) {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("api.invalid"));
			problem.setProperty("errors", List.of(new FieldProblem(ex.field(), text)));
			return respond(problem);
		}
		return respond(problem(HttpStatus.CONFLICT, text));
	}

	@ExceptionHandler(UploadTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(UploadTooLarge ex) {
		return respond(problem(HttpStatus.CONTENT_TOO_LARGE, message("upload.tooLarge", ex.limitInMegabytes())));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(problem(HttpStatus.CONTENT_TOO_LARGE, message("upload.tooLarge", ex.getMaxUploadSize() / (1024 * 1024))));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> badUpload(MultipartException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, message("upload.unreadable")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, ex.getMessage()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage()));
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private String text(FieldError error) {
		return this.messages.getMessage(error, locale());
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/** One input the client must correct. */
	record FieldProblem(String field, String message) {
	}

}
