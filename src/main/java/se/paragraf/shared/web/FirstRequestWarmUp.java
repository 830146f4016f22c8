package se.paragraf.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Right after start, one anonymous request of our own to a public page in the background, so that what
 * the first reader's request would otherwise set up (the security chain, the view templates and
 * message bundles, the first queries, and the classes behind them) is ready before a reader comes.
 * Off with {@code paragraf.web.warm-up=false}.
 */
@Component
class FirstRequestWarmUp {

	private static final Logger log = LoggerFactory.getLogger(FirstRequestWarmUp.class);

	/** A page with the site's layout and a query, and one that readers do not open first after a restart. */
	static final String PAGE = "/public/register";

	private final boolean enabled;

	private final String address;

	private final String contextPath;

	FirstRequestWarmUp(@Value("${paragraf.web.warm-up:true}") boolean enabled,
			@Value("${server.address:}") String address, @Value("${server.servlet.context-path:}") String contextPath) {
		this.enabled = enabled;
		this.contextPath = contextPath;
		this.address = address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address) ? "127.0.0.1"
				: address;
	}

	@EventListener(ApplicationReadyEvent.class)
	void afterStart(ApplicationReadyEvent event) {
		if (!this.enabled || !(event.getApplicationContext() instanceof WebServerApplicationContext web)
				|| web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
			return;
		}
		URI page = URI.create("http://" + (this.address.contains(":") ? "[" + this.address + "]" : this.address)
				+ ":" + web.getWebServer().getPort() + this.contextPath + PAGE);
		Thread warming = new Thread(() -> warm(page), "paragraf-warm-up");
		warming.setDaemon(true);
		warming.start();
	}

	private static void warm(URI page) {
		long start = System.nanoTime();
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			int status = client
				.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(60)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
			log.info("Warm-up: {} answered {} in {} ms", page.getPath(), status, (System.nanoTime() - start) / 1_000_000);
		}
		catch (java.io.IOException | RuntimeException ex) {
			log.debug("Warm-up request failed: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
