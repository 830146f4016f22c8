package se.paragraf.shared.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are bound and validated, so a role
 * without the right gets 403 and not a validation answer about a form it may not send. Method
 * security on the controller still checks again when the handler runs.
 */
@Component
class EarlyAuthorization implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	/**
	 * Whether a handler carries {@code @PreAuthorize} at all. Spring Security caches the attribute
	 * only for annotated methods, so without this every request to a public handler searched the
	 * annotations again under a lock (measured: it serialised the public notice page).
	 */
	private final Map<Method, Boolean> guarded = new ConcurrentHashMap<>();

	EarlyAuthorization(ApplicationContext context) {
		this.manager.setApplicationContext(context);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && this.guarded.computeIfAbsent(method.getMethod(),
				m -> AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)
						|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class))) {
			AuthorizationResult result = this.manager.authorize(
					() -> SecurityContextHolder.getContext().getAuthentication(),
					new SimpleMethodInvocation(method.getBean(), method.getMethod()));
			if (result != null && !result.isGranted()) {
				throw new AccessDeniedException("Access denied");
			}
		}
		return true;
	}

}
