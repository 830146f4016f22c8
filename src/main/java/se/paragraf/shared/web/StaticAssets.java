package se.paragraf.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets, scripts and webjars: served only under their own prefixes, linked from pages by an
 * address carrying a hash of their content ({@code /css/paragraf-<md5>.css}), so that browsers and
 * proxies keep them for a year without asking, and a new release changes the address.
 * <p>
 * Only links under these prefixes are looked up as resources: looking up every link of every page on
 * the classpath (the framework's filter does, and does not remember misses) cost most of a page's CPU.
 */
public final class StaticAssets {

	/** Where assets live; nothing else is served from the classpath. */
	static final Map<String, String> LOCATIONS = Map.of("/css/", "classpath:/static/css/", "/js/",
			"classpath:/static/js/", "/webjars/", "classpath:/META-INF/resources/webjars/");

	static final List<String> PREFIXES = List.copyOf(LOCATIONS.keySet());

	/** The content-hash version strategy's file names: {@code name-<32 hex digits>.ext}. */
	private static final Pattern FINGERPRINTED = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

	/** A fingerprinted address never changes its content: keep it a year, never revalidate. */
	static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable();

	/** An address without its fingerprint (an old page, a hand-typed link): revalidated every time. */
	static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	private StaticAssets() {
	}

	static boolean isAsset(String path) {
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static boolean isFingerprinted(String path) {
		return FINGERPRINTED.matcher(path).find();
	}

	/** One handler per prefix with a cached chain that versions by content hash. */
	static void addHandlers(ResourceHandlerRegistry registry) {
		LOCATIONS.forEach((prefix, location) -> addHandler(registry, prefix, location));
	}

	static void addHandler(ResourceHandlerRegistry registry, String prefix, String location) {
		registry.addResourceHandler(prefix + "**")
			.addResourceLocations(location)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	/**
	 * Sets the asset's caching before the resource handler writes it (the handler itself sets none, and
	 * Spring Security's no-store default only applies when nothing is set), and lets the in-memory cache
	 * keep fingerprinted answers, the same for every reader.
	 */
	static final class Caching implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (isFingerprinted(path)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE.getHeaderValue());
				FrozenResponseCache.remember(new ServletWebRequest(request), null);
			}
			else {
				response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE.getHeaderValue());
			}
			return true;
		}

	}

	/**
	 * Rewrites asset links in rendered pages to their fingerprinted addresses, and leaves every other
	 * link alone without asking the resource chain. A subclass so that Spring Boot does not register
	 * its own filter, which asks for every link.
	 */
	static final class LinkEncodingFilter extends ResourceUrlEncodingFilter {

		/** Asset link as written in a template, to its fingerprinted form: a handful of entries. */
		private final Map<String, String> resolved = new ConcurrentHashMap<>();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
				chain.doFilter(request, new Encoding(http, httpResponse));
			}
			else {
				chain.doFilter(request, response);
			}
		}

		private final class Encoding extends HttpServletResponseWrapper {

			private final HttpServletRequest request;

			Encoding(HttpServletRequest request, HttpServletResponse response) {
				super(response);
				this.request = request;
			}

			@Override
			public String encodeURL(String url) {
				String contextPath = this.request.getContextPath();
				if (url.startsWith(contextPath) && isAsset(url.substring(contextPath.length()))) {
					String fingerprinted = LinkEncodingFilter.this.resolved.get(url);
					if (fingerprinted == null
							&& this.request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
								instanceof ResourceUrlProvider provider) {
						fingerprinted = provider.getForRequestUrl(this.request, url);
						// Only addresses of real assets are remembered, so the map cannot grow without bound.
						if (fingerprinted != null) {
							LinkEncodingFilter.this.resolved.put(url, fingerprinted);
						}
					}
					if (fingerprinted != null) {
						return super.encodeURL(fingerprinted);
					}
				}
				return super.encodeURL(url);
			}

		}

	}

}
