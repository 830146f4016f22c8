package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fingerprinted assets through a real server, where the second and later answers come from memory ahead of
 * every filter ({@link AssetValve}): the same bytes and the same headers as the first answer (a year's
 * immutable caching, the security headers, HSTS only over https), revalidation by ETag, and no memory for
 * an address that is not an asset. Same properties as {@code BehindProxyServerTests}, so one server serves both.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class AssetDeliveryServerTests {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/paragraf-[0-9a-f]{32}\\.css)\"");

	/** Headers that differ on every answer by nature. */
	private static final List<String> PER_ANSWER = List.of("date", "x-request-id", "keep-alive", "connection");

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String forwardedProto, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-Proto", forwardedProto)
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		return this.client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private String stylesheet() throws Exception {
		Matcher link = STYLESHEET.matcher(get("/login", "http", Map.of()).body());
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private static Map<String, List<String>> lasting(HttpHeaders headers) {
		Map<String, List<String>> lasting = new TreeMap<>();
		headers.map().forEach((name, values) -> {
			if (!PER_ANSWER.contains(name.toLowerCase())) {
				lasting.put(name.toLowerCase(), values);
			}
		});
		return lasting;
	}

	@Test
	void aFingerprintedStylesheetIsAnsweredAlikeEveryTimeAndKeptForAYear() throws Exception {
		String css = stylesheet();
		HttpResponse<String> first = get(css, "http", Map.of());
		HttpResponse<String> second = get(css, "http", Map.of());
		HttpResponse<String> third = get(css, "http", Map.of());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("skip-link");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		assertThat(first.headers().firstValue("ETag")).isPresent();
		assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(first.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
		for (HttpResponse<String> again : List.of(second, third)) {
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.body()).isEqualTo(first.body());
			assertThat(lasting(again.headers())).isEqualTo(lasting(first.headers()));
		}
	}

	@Test
	void aBrowserRevalidatingAFingerprintedStylesheetGetsNotModified() throws Exception {
		String css = stylesheet();
		String etag = get(css, "http", Map.of()).headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> revalidated = get(css, "http", Map.of("If-None-Match", etag));

		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	@Test
	void aStylesheetFetchedOverHttpsCarriesHstsAndOverPlainHttpItDoesNot() throws Exception {
		String css = stylesheet();
		for (int i = 0; i < 2; i++) {
			assertThat(get(css, "https", Map.of()).headers().firstValue("Strict-Transport-Security"))
				.hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
			assertThat(get(css, "http", Map.of()).headers().firstValue("Strict-Transport-Security")).isEmpty();
		}
	}

	@Test
	void anAssetAddressThatIsNotAnAssetIsNotFoundEveryTime() throws Exception {
		for (int i = 0; i < 2; i++) {
			assertThat(get("/css/paragraf-0123456789abcdef0123456789abcdef.css", "http", Map.of()).statusCode())
				.isEqualTo(404);
			assertThat(get("/js/nothing-0123456789abcdef0123456789abcdef.js", "http", Map.of()).statusCode())
				.isEqualTo(404);
		}
	}

}
