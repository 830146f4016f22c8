package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Against a real server, as outside clients see it: a body too large for its caller is refused
 * before anyone reads it, a signed-in upload of several megabytes still goes through, and the
 * headers every answer carries. Without a proxy setting, X-Forwarded-Proto is not believed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "paragraf.files.max-upload-size=10MB")
class RequestHardeningServerTests {

	private static final String PASSWORD = "ett-långt-lösenord";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anAnonymousHundredMegabyteUploadIsRefusedWith413BeforeItsBodyIsRead() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			// Announces 100 MB, sends a few bytes: only an answer that reads nothing comes back at once.
			out.write(("POST /public/accessibility HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 100 * 1024 * 1024
					+ "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			long started = System.nanoTime();
			String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(statusLine).isEqualTo("HTTP/1.1 413");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void anAnonymousBodyOverSixtyFourKilobytesIsRefusedOnPagesAndTheApi() throws Exception {
		String large = "x".repeat(65 * 1024);
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/public/accessibility"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("description=" + large)));
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/matters"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + large + "\"}")));
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(api.body()).contains("Förfrågan är för stor. Högst 64 KB");
	}

	@Test
	void aChunkedAnonymousFormWithoutALengthIsRefused() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/public/accessibility"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream("description=x".getBytes(StandardCharsets.UTF_8)))));
		assertThat(response.statusCode()).isEqualTo(411);
	}

	@Test
	void aSignedInUploadOfSeveralMegabytesGoesThroughTheApiAndThePage() throws Exception {
		String username = OrganisationFixtures.unique("uppladdare").toLowerCase();
		this.accounts.create(username, PASSWORD, Set.of(Role.CASE_OFFICER), null);
		Matter matter = this.register.register(PeopleFixtures.jointBoard(this.organisation).code(), "Stora bilagor");
		byte[] pdf = new byte[5 * 1024 * 1024];
		System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);

		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/matters/" + matter.getId() + "/attachments"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=grans")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(pdf, null))));
		assertThat(api.statusCode()).isEqualTo(201);

		String loginPage = send(HttpRequest.newBuilder(uri("/login")).GET()).body();
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=ett-l%C3%A5ngt-l%C3%B6senord&_csrf="
					+ csrf(loginPage))));
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		String matterPage = send(HttpRequest.newBuilder(uri("/matters/" + matter.getId())).GET()).body();
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/matters/" + matter.getId() + "/attachments"))
			.header("Content-Type", "multipart/form-data; boundary=grans")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(pdf, csrf(matterPage)))));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(this.register.attachments(matter.getId())).hasSize(2);
	}

	@Test
	void pagesAndTheApiSendAReferrerPolicy() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/boards")).GET());
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
	}

	@Test
	void withoutAProxySettingAForwardedHttpsIsNotBelieved() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContainIgnoringCase("secure"));
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	private static byte[] multipart(byte[] pdf, String csrf) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (csrf != null) {
			body.write(("--grans\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--grans\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nUnderlag\r\n"
				+ "--grans\r\nContent-Disposition: form-data; name=\"file\"; filename=\"underlag.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(pdf);
		body.write("\r\n--grans--\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
