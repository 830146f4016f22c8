package se.paragraf.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id and the signed-in user's name into the logging context (MDC), so every log
 * line a request causes carries them ({@code http.request.id}, {@code user.name}; nested objects in
 * the ECS JSON format). The id is the caller's {@code X-Request-Id} when it is a plain token (a
 * proxy's), otherwise a new one, and is answered in {@code X-Request-Id}. Only the user name is
 * logged: never a password, never the person's identity number.
 */
@Configuration
class RequestLogContext {

	static final String HEADER = "X-Request-Id";

	static final String REQUEST_ID = "http.request.id";

	static final String USER = "user.name";

	private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** First of all, so an answer from memory and the security filters' own lines carry the id too. */
	@Bean
	FilterRegistrationBean<RequestId> requestIdFilter() {
		FilterRegistrationBean<RequestId> registration = new FilterRegistrationBean<>(new RequestId());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Right after Spring Security's filters (order -100), which settle who the user is. */
	@Bean
	FilterRegistrationBean<UserName> userNameFilter() {
		FilterRegistrationBean<UserName> registration = new FilterRegistrationBean<>(new UserName());
		registration.setOrder(-99);
		return registration;
	}

	static final class RequestId extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String given = request.getHeader(HEADER);
			String id = given != null && ACCEPTED_ID.matcher(given).matches() ? given : newId();
			response.setHeader(HEADER, id);
			MDC.put(REQUEST_ID, id);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(REQUEST_ID);
				MDC.remove(USER);
			}
		}

		/**
		 * A random (version 4) UUID from the thread's own generator: the id only ties log lines together
		 * and guards nothing, and {@link UUID#randomUUID()}'s SecureRandom is shared by every request thread
		 * (the cost of an answer from memory or of a stylesheet is a few microseconds without it).
		 */
		static String newId() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long high = (random.nextLong() & ~0xF000L) | 0x4000L;
			long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			return new UUID(high, low).toString();
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

	static final class UserName extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
				MDC.put(USER, user.getName());
			}
			chain.doFilter(request, response);
		}

	}

}
