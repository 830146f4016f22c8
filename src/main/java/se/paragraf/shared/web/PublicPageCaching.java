package se.paragraf.shared.web;

import java.io.InputStream;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Marks the anonymous answer of a {@link PublicPage} as cacheable by anyone for a short while, lets
 * {@link Etags} give it an ETag and {@link FrozenResponseCache} keep it in memory as long. A signed-in
 * user's answer, or one for a visitor who has a session, keeps Spring Security's no-store default.
 */
final class PublicPageCaching implements HandlerInterceptor {

	private static final String PUBLIC = PublicPageCaching.class.getName() + ".public";

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** After the handler, before the view renders: a handler that failed leaves its error page uncached. */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (!(handler instanceof HandlerMethod method) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			return;
		}
		PublicPage page = method.getMethodAnnotation(PublicPage.class);
		if (page == null) {
			return;
		}
		// The language is chosen by a cookie: a shared cache keeps one copy per cookie, none for signed-in users.
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if ((user == null || this.trust.isAnonymous(user)) && request.getSession(false) == null) {
			Duration maxAge = Duration.ofSeconds(page.maxAgeSeconds());
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(maxAge).cachePublic().getHeaderValue());
			request.setAttribute(PUBLIC, Boolean.TRUE);
			// What a proxy may keep, this node may keep too (rendered for an anonymous reader only).
			FrozenResponseCache.rememberPage(request, maxAge);
		}
	}

	/**
	 * ETags (a hash of the body) for public pages and other answers kept as pages (feeds, OParl) only: a
	 * reader revalidating after the short age gets 304.
	 */
	static final class Etags extends ShallowEtagHeaderFilter {

		@Override
		protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response, int status,
				InputStream body) {
			return (request.getAttribute(PUBLIC) != null || FrozenResponseCache.isPageRemembered(request))
					&& super.isEligibleForEtag(request, response, status, body);
		}

	}

}
