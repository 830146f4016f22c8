package se.paragraf.shared.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central, unpacked by the {@code sso} and
 * {@code browser} profiles under target/keycloak) on a free loopback port, with the realm
 * {@code paragraf} of src/test/resources/keycloak imported into an in-memory database. Started once
 * per test run (JVM) and stopped when the JVM ends; its log is target/keycloak.log.
 */
public final class Keycloak {

	private static final Logger log = LoggerFactory.getLogger(Keycloak.class);

	public static final String REALM = "paragraf";

	public static final String CLIENT_ID = "paragraf";

	public static final String CLIENT_SECRET = "paragraf-test-secret";

	/** The password of every test user in the realm. */
	public static final String PASSWORD = "sso-test-password";

	private static final String ADMIN_PASSWORD = "keycloak-test-admin";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static volatile Keycloak running;

	private final int port;

	private final Process process;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Keycloak(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/** The one Keycloak of this test run, started on first use. */
	public static synchronized Keycloak get() {
		if (running == null) {
			running = start();
		}
		return running;
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.port + "/realms/" + REALM;
	}

	/** The same realm reached by another name: its tokens carry this as their issuer. */
	public String issuerByOtherName() {
		return "http://localhost:" + this.port + "/realms/" + REALM;
	}

	private static Keycloak start() {
		String reused = System.getenv("PARAGRAF_TEST_KEYCLOAK_PORT");
		if (reused != null) {
			// A developer's Keycloak started as this class starts it, kept between test runs.
			return new Keycloak(Integer.parseInt(reused), null);
		}
		Path home = Path.of(System.getProperty("paragraf.keycloak.home", "target/keycloak/keycloak"));
		if (!Files.exists(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath()
					+ ": run the Keycloak tests with -Psso (or -Pbrowser), which unpack org.keycloak:keycloak-quarkus-dist");
		}
		try {
			// --import-realm reads data/import; the in-memory database starts empty every time.
			Path imports = Files.createDirectories(home.resolve("data/import"));
			try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/paragraf-realm.json")) {
				Files.copy(realm, imports.resolve("paragraf-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			int port = freePort();
			Path logFile = Path.of("target", "keycloak.log");
			ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--db=dev-mem", "--import-realm",
					"--cache=local", "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO")
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			Map<String, String> env = builder.environment();
			env.put("JAVA_HOME", System.getProperty("java.home"));
			env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			long started = System.nanoTime();
			Process process = builder.start();
			Keycloak keycloak = new Keycloak(port, process);
			Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));
			keycloak.awaitReady(Duration.ofMinutes(4), logFile);
			log.info("Keycloak ready at {} after {} s", keycloak.issuer(),
					Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
			return keycloak;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Duration patience, Path logFile) throws IOException {
		long deadline = System.nanoTime() + patience.toNanos();
		URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak stopped while starting:\n" + Files.readString(logFile));
			}
			try {
				if (this.http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		stop();
		throw new IllegalStateException("Keycloak not ready after " + patience + ":\n" + Files.readString(logFile));
	}

	private void stop() {
		if (this.process == null) {
			return;
		}
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
	}

	/** An access token for a user of the realm (the password grant of the client {@code paragraf}). */
	public String accessToken(String username) {
		return token(issuer(), Map.of("grant_type", "password", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
				"username", username, "password", PASSWORD, "scope", "openid"));
	}

	/** An access token from the given issuer address (the realm reached by another name, say). */
	public String accessToken(String issuer, String clientId, String secret, String username) {
		return token(issuer, Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret, "username",
				username, "password", PASSWORD, "scope", "openid"));
	}

	/** An access token of a client of its own (the client credentials grant), for a service. */
	public String clientToken(String clientId, String secret) {
		return token(issuer(), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	private String token(String issuer, Map<String, String> form) {
		JsonNode answer = post(issuer + "/protocol/openid-connect/token", form, null);
		return answer.get("access_token").asString();
	}

	/** Puts a user of the realm into a group, or takes her out of it, through the admin API. */
	public void setGroup(String username, String group, boolean member) {
		String admin = token("http://127.0.0.1:" + this.port + "/realms/master", Map.of("grant_type", "password",
				"client_id", "admin-cli", "username", "admin", "password", ADMIN_PASSWORD));
		String base = "http://127.0.0.1:" + this.port + "/admin/realms/" + REALM;
		String userId = get(base + "/users?exact=true&username=" + encode(username), admin).get(0).get("id").asString();
		String groupId = get(base + "/groups?exact=true&search=" + encode(group), admin).get(0).get("id").asString();
		send(HttpRequest.newBuilder(URI.create(base + "/users/" + userId + "/groups/" + groupId))
			.header("Authorization", "Bearer " + admin)
			.method(member ? "PUT" : "DELETE", HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private JsonNode get(String url, String bearer) {
		return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build()));
	}

	private JsonNode post(String url, Map<String, String> form, String bearer) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return JSON.readTree(send(request.build()));
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Test users of the realm, by role. */
	public static final List<String> USERS = List.of("sso-sekreterare", "sso-ledamot", "sso-ekonom", "sso-avstangd",
			"sso-utan-roll", "sso-webb");

}
