package se.paragraf.shared.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers a fingerprinted asset that {@link FrozenResponseCache} already keeps straight from Tomcat's
 * pipeline, before the servlet filter chain is even built: a stylesheet is the same bytes and headers
 * for everyone for a year, so the request id, the metrics, security and the dispatcher have nothing to
 * add. The kept answer is the one the whole chain wrote the first time (security headers included, HSTS
 * only over https), so what a browser gets is unchanged; anything not kept yet goes down the chain.
 * Installed on the web application's context, so it runs after the engine's forwarded-header valve.
 */
final class AssetValve extends ValveBase {

	private final FrozenResponseCache cache;

	AssetValve(FrozenResponseCache cache) {
		super(true);
		this.cache = cache;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (!this.cache.replayAsset(request, response)) {
			getNext().invoke(request, response);
		}
	}

}
