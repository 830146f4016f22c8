package se.paragraf.internalcontrol.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.Forms;

/**
 * Puts a broken rule on the form that was sent. Several forms share one page, so their inputs have
 * distinct names (riskCategory, pointQuestion); the service's field name is translated, and a rule about a
 * field the form does not have is shown for the whole form.
 */
final class FormErrors {

	private FormErrors() {
	}

	/** Aliases are pairs "serviceField=formField". */
	static void reject(BindingResult result, RuleViolation violation, String... aliases) {
		String field = violation.field();
		if (field != null) {
			for (String alias : aliases) {
				String[] pair = alias.split("=", 2);
				if (pair[0].equals(field)) {
					field = pair[1];
				}
			}
			Object target = result.getTarget();
			if (target != null && new BeanWrapperImpl(target).isReadableProperty(field)) {
				result.rejectValue(field, violation.code(), violation.arguments(), violation.code());
				return;
			}
		}
		Forms.reject(result, field == null ? violation : new RuleViolation(violation.code(), violation.arguments()));
	}

}
