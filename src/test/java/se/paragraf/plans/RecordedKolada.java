package se.paragraf.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Kolada's API on an ephemeral port: serves recorded responses from
 * {@code src/test/resources/kolada} by request path, or an error status, or nothing for a while
 * (a slow Kolada). The machine has no internet; the recordings have Kolada v3's shape.
 */
final class RecordedKolada implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Response> responses = new ConcurrentHashMap<>();

	private final CountDownLatch released = new CountDownLatch(1);

	RecordedKolada() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", exchange -> {
			Response response = this.responses.get(exchange.getRequestURI().getPath());
			try (exchange) {
				if (response == null) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				if (response.stall()) {
					// Hold the answer until the test ends: the client must give up on its own.
					this.released.await(30, TimeUnit.SECONDS);
				}
				byte[] body = response.body();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
				if (body.length > 0) {
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	/** Answers the path with a recorded fixture. */
	RecordedKolada serve(String path, String fixture) {
		this.responses.put(path, new Response(200, fixture(fixture), false));
		return this;
	}

	RecordedKolada fail(String path, int status) {
		this.responses.put(path, new Response(status, new byte[0], false));
		return this;
	}

	RecordedKolada stall(String path) {
		this.responses.put(path, new Response(200, "{\"values\":[]}".getBytes(), true));
		return this;
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v3");
	}

	/** A client that waits long enough for any answer a busy build machine gives. */
	KoladaClient client() {
		return new KoladaClient(new KoladaSettings(baseUrl(), Duration.ofSeconds(10), Duration.ofSeconds(20)));
	}

	/** A client that gives up quickly, for the stalled answers (which never come before the test ends). */
	KoladaClient impatientClient() {
		return new KoladaClient(new KoladaSettings(baseUrl(), Duration.ofSeconds(10), Duration.ofMillis(500)));
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

	private static byte[] fixture(String name) {
		try (InputStream in = RecordedKolada.class.getResourceAsStream("/kolada/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Response(int status, byte[] body, boolean stall) {
	}

}
