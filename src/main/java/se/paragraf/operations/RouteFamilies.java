package se.paragraf.operations;

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds {@code family} to {@code http.server.requests}: the first segment of the route's URI template
 * ({@code public}, {@code api}, {@code meetings}, {@code actuator}, ...), so a dashboard can show the
 * public side, the API and the staff's pages apart. Templates never carry ids, so neither does the
 * tag. A request without a template (a public document replayed from memory, an asset, a 404) is
 * placed by its path among a fixed few families, never by its raw path.
 */
@Component
class RouteFamilies extends DefaultServerRequestObservationConvention {

	private static final Set<String> KNOWN_WITHOUT_TEMPLATE = Set.of("public", "api", "oparl", "actuator", "css", "js",
			"webjars", "fonts", "images");

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of("family", family(context)));
	}

	static String family(ServerRequestObservationContext context) {
		String pattern = context.getPathPattern();
		if (pattern != null) {
			return pattern.equals("/") ? "home" : firstSegment(pattern);
		}
		String path = context.getCarrier().getRequestURI().substring(context.getCarrier().getContextPath().length());
		String first = firstSegment(path);
		return KNOWN_WITHOUT_TEMPLATE.contains(first) ? first : "other";
	}

	private static String firstSegment(String path) {
		String trimmed = path.startsWith("/") ? path.substring(1) : path;
		int slash = trimmed.indexOf('/');
		String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
		return first.isEmpty() || first.contains("{") ? "other" : first;
	}

}
