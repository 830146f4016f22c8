package se.paragraf.shared;

import org.jspecify.annotations.Nullable;

/**
 * A domain rule refused a change. Carries a message key (resolved in the user's language) and,
 * where the rule concerns one input, the name of that field.
 */
public class RuleViolation extends RuntimeException {

	private final String code;

	private final Object[] arguments;

	private final @Nullable String field;

	public RuleViolation(String code, Object... arguments) {
		this(null, code, arguments);
	}

	private RuleViolation(@Nullable String field, String code, Object... arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	public static RuleViolation onField(String field, String code, Object... arguments) {
		return new RuleViolation(field, code, arguments);
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments;
	}

	public @Nullable String field() {
		return this.field;
	}

}
