package se.paragraf.shared.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import se.paragraf.shared.InputLimits;

/**
 * Applies {@link InputLimits} to every input of every page and API operation, so that no controller can
 * forget them: a request parameter or form field with a control character fails to bind (a field error
 * {@code typeMismatch} on a form, 400 elsewhere), and every validated form or request body is checked,
 * down to its nested records and lists, for control characters and implausible years.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputBinding {

	@InitBinder
	void applyInputLimits(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PlainTextEditor());
		binder.addValidators(new InputLimitsValidator());
	}

	/** Text as sent, refused when it holds a control character. */
	static final class PlainTextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			if (InputLimits.hasControlCharacters(text)) {
				throw new IllegalArgumentException("Control character in text input");
			}
			setValue(text);
		}

	}

	/** Walks a request body or form (records, beans, lists, maps of Paragraf's own types). */
	static final class InputLimitsValidator implements Validator {

		private static final int MAX_DEPTH = 8;

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			if (errors instanceof BindingResult result) {
				check(target, "", result, 0);
			}
		}

		private void check(@Nullable Object value, String path, BindingResult result, int depth) {
			if (value == null || depth > MAX_DEPTH) {
				return;
			}
			if (value instanceof String text) {
				if (InputLimits.hasControlCharacters(text)) {
					reject(result, path, text, InputLimits.CONTROL_CHARACTERS);
				}
			}
			else if (value instanceof Temporal temporal) {
				if (InputLimits.isImplausibleDate(temporal)) {
					reject(result, path, temporal, InputLimits.YEAR_OUT_OF_RANGE, String.valueOf(InputLimits.MIN_YEAR),
							String.valueOf(InputLimits.MAX_YEAR));
				}
			}
			else if (value instanceof Collection<?> items) {
				int i = 0;
				for (Object item : items) {
					check(item, path + "[" + i++ + "]", result, depth + 1);
				}
			}
			else if (value instanceof Map<?, ?> entries) {
				for (Map.Entry<?, ?> entry : entries.entrySet()) {
					check(entry.getKey(), path, result, depth + 1);
					check(entry.getValue(), path + "[" + entry.getKey() + "]", result, depth + 1);
				}
			}
			else if (value.getClass().getName().startsWith("se.paragraf.") && !value.getClass().isEnum()) {
				for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
					for (Field field : type.getDeclaredFields()) {
						if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
							check(read(field, value), path.isEmpty() ? field.getName() : path + "." + field.getName(),
									result, depth + 1);
						}
					}
				}
			}
		}

		private static @Nullable Object read(Field field, Object owner) {
			try {
				field.setAccessible(true);
				return field.get(owner);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

		private static void reject(BindingResult result, String path, Object value, String code,
				Object... arguments) {
			String field = path.isEmpty() ? result.getObjectName() : path;
			if (result.getFieldErrorCount(field) > 0) {
				return;
			}
			result.addError(new FieldError(result.getObjectName(), field, value, false,
					result.resolveMessageCodes(code, field), arguments, code));
		}

	}

}
