package se.paragraf.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An uploaded file is over the configured size limit; nothing was stored.
 */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
public class UploadTooLarge extends RuntimeException {

	private final long limit;

	public UploadTooLarge(long limit) {
		super("Upload over the limit of " + limit + " bytes");
		this.limit = limit;
	}

	public long limit() {
		return this.limit;
	}

	/** The limit in whole megabytes, as users read it. */
	public long limitInMegabytes() {
		return Math.max(1, this.limit / (1024 * 1024));
	}

}
