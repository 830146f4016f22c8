package se.paragraf.proceedings.live;

import org.springframework.http.HttpStatus;

/**
 * An action in the live room that is not allowed: 403 when the person may not do it at all (not
 * serving, not the chair), 409 when the meeting's state forbids it now (a declared conflict of
 * interest, a closed vote). The code names a Swedish message.
 */
class LiveRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Object[] arguments;

	LiveRefusal(HttpStatus status, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.code = code;
		this.arguments = arguments;
	}

	static LiveRefusal forbidden(String code, Object... arguments) {
		return new LiveRefusal(HttpStatus.FORBIDDEN, code, arguments);
	}

	static LiveRefusal conflict(String code, Object... arguments) {
		return new LiveRefusal(HttpStatus.CONFLICT, code, arguments);
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Object[] arguments() {
		return this.arguments;
	}

}
