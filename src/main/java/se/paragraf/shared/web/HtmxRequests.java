package se.paragraf.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request came from htmx and wants a fragment rather than the page.
 */
public final class HtmxRequests {

	private HtmxRequests() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

}
