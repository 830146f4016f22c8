package se.paragraf.shared.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
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
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import se.paragraf.shared.InputLimits;
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

	/**
	 * A body that is not JSON of the documented shape: a field error at the JSON path of the first value
	 * of the wrong type ({@code start}, {@code items[2].amount}), else a detail saying what is wrong.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		// The outermost parser failure carries the path; what it wraps (a DateTimeParseException) does not.
		while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException json) {
			if (cause instanceof StreamReadException && !(cause instanceof InputCoercionException)) {
				// Not JSON at all: say where the parser gave up.
				return respond(problem(HttpStatus.BAD_REQUEST, json.getLocation() == null ? message("api.malformed.unplaced")
						: message("api.malformed", String.valueOf(json.getLocation().getLineNr()),
								String.valueOf(json.getLocation().getColumnNr()))));
			}
			String field = jsonPath(json);
			if (!field.isEmpty()) {
				return fieldProblems(List.of(new FieldProblem(field, jsonMessage(json))));
			}
		}
		if (ex.getCause() == null) {
			// No parser was involved: the body is missing.
			return respond(problem(HttpStatus.BAD_REQUEST, message("api.missingBody")));
		}
		return respond(problem(HttpStatus.BAD_REQUEST, message("api.unreadable")));
	}

	/** A path or query parameter of the wrong type ({@code ?year=abc}): a field error naming it. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String text = type == String.class ? message(InputLimits.CONTROL_CHARACTERS)
				: typeMessage(type);
		return fieldProblems(List.of(new FieldProblem(ex.getName(), text)));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return fieldProblems(List.of(new FieldProblem(ex.getParameterName(), message("NotNull"))));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestPartException ex) {
		return fieldProblems(List.of(new FieldProblem(ex.getRequestPartName(), message("NotNull"))));
	}

	/** Constraints on path or query parameters themselves ({@code @Size} on a {@code @RequestParam}). */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException ex) {
		List<FieldProblem> errors = new java.util.ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
				errors.add(new FieldProblem(field == null ? "" : field, this.messages.getMessage(error, locale())));
			}
		}
		return fieldProblems(errors);
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

	private ResponseEntity<ProblemDetail> fieldProblems(List<FieldProblem> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("api.invalid"));
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	/** The JSON path of a failure as the errors name fields: {@code items[2].amount}. */
	private static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private String jsonMessage(JacksonException ex) {
		if (ex instanceof InvalidNullException) {
			return message("NotNull");
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return message("api.type.unknownField");
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return typeMessage(mismatch.getTargetType());
		}
		if (ex instanceof InputCoercionException coercion) {
			return typeMessage(coercion.getTargetType());
		}
		return message("typeMismatch");
	}

	/** What a value of the given type must look like, in the client's language. */
	private String typeMessage(@Nullable Class<?> type) {
		if (type == null) {
			return message("typeMismatch");
		}
		if (type.isEnum()) {
			return message("api.type.enum", java.util.Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(java.util.stream.Collectors.joining(", ")));
		}
		if (type == LocalDate.class) {
			return message("api.type.date");
		}
		if (type == LocalDateTime.class || type == OffsetDateTime.class || type == Instant.class) {
			return message("api.type.dateTime");
		}
		if (type == LocalTime.class) {
			return message("api.type.time");
		}
		if (type == Year.class || type == YearMonth.class) {
			return message("api.type.year");
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class
				|| type == Short.class || type == short.class || type == java.math.BigInteger.class) {
			return message("api.type.integer");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return message("api.type.number");
		}
		if (type == Boolean.class || type == boolean.class) {
			return message("api.type.boolean");
		}
		if (type == String.class || type == char.class || type == Character.class) {
			return message("api.type.text");
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return message("api.type.list");
		}
		return message("api.type.object");
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/** One input the client must correct. */
	record FieldProblem(String field, String message) {
	}

}
