package se.paragraf.shared.web;

import org.springframework.validation.BindingResult;

import se.paragraf.shared.RuleViolation;

/**
 * Puts a broken rule onto the form the user submitted, so the page shows it beside the input.
 */
public final class Forms {

	private Forms() {
	}

	public static void reject(BindingResult result, RuleViolation violation) {
		reject(result, violation, java.util.Map.of());
	}

	/**
	 * As {@link #reject(BindingResult, RuleViolation)}, for a form whose fields are named otherwise
	 * than the rule's (the form's "to" is the meeting's "end").
	 */
	public static void reject(BindingResult result, RuleViolation violation, java.util.Map<String, String> formFields) {
		String field = violation.field() == null ? null : formFields.getOrDefault(violation.field(), violation.field());
		if (field != null && result.getTarget() != null
				&& new org.springframework.beans.BeanWrapperImpl(result.getTarget()).isReadableProperty(field)) {
			result.rejectValue(field, violation.code(), violation.arguments(), violation.code());
		}
		else {
			result.reject(violation.code(), violation.arguments(), violation.code());
		}
	}

}
