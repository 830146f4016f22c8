package se.paragraf.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something asked for by id does not exist; shown as 404 on pages and in the API.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private final String what;

	private final Object id;

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
		this.what = what;
		this.id = id;
	}

	public String what() {
		return this.what;
	}

	public Object id() {
		return this.id;
	}

}
