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
		if (violation.field() != null) {
			result.rejectValue(violation.field(), violation.code(), violation.arguments(), violation.code());
		}
		else {
			result.reject(violation.code(), violation.arguments(), violation.code());
		}
	}

}
