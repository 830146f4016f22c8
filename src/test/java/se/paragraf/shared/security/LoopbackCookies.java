package se.paragraf.shared.security;

import java.net.CookieHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for tests on the loopback address, where a browser counts plain http as
 * secure: Keycloak marks its login cookies {@code Secure}, which Java's own {@code CookieManager}
 * never sends over http. Cookies are kept by name and path (one host, any port) and sent back as set.
 */
final class LoopbackCookies extends CookieHandler {

	private record Cookie(String value, String path) {
	}

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	@Override
	public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
		String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
		String header = this.cookies.entrySet()
			.stream()
			.filter(c -> path.startsWith(c.getValue().path()) || (path + "/").equals(c.getValue().path()))
			.map(c -> c.getKey() + "=" + c.getValue().value())
			.collect(Collectors.joining("; "));
		return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
	}

	@Override
	public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
		List<String> set = new ArrayList<>();
		responseHeaders.forEach((name, values) -> {
			if ("set-cookie".equalsIgnoreCase(name)) {
				set.addAll(values);
			}
		});
		for (String header : set) {
			String[] parts = header.split(";");
			int equals = parts[0].indexOf('=');
			String name = parts[0].substring(0, equals).strip();
			String value = parts[0].substring(equals + 1).strip();
			String path = "/";
			boolean expired = value.isEmpty();
			for (int i = 1; i < parts.length; i++) {
				String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
				if (attribute.startsWith("path=")) {
					path = parts[i].strip().substring(5);
				}
				if (attribute.equals("max-age=0")) {
					expired = true;
				}
			}
			if (expired) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, new Cookie(value, path));
			}
		}
	}

}
