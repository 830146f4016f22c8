package se.paragraf.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Refuses a request body larger than its caller may send before anything reads it (security's CSRF
 * check parses a form, an upload's parts go to disk). Anonymous callers may send only a small body;
 * signed-in callers a larger one; signed-in callers of an upload endpoint (one taking a
 * {@link MultipartFile}) an upload. The length is judged by the Content-Length header; a body sent
 * without one (chunked) is counted as it is read, and a chunked form or multipart body, which the
 * container parses out of our sight, is refused unless it is a signed-in upload.
 * <p>
 * "Signed in" here means a session holding an authentication, or HTTP Basic credentials or a bearer
 * token on the API, whose security chain checks them before any body is read.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

	private final long anonymousLimit;

	private final long signedInLimit;

	private final long uploadLimit;

	private final Supplier<RequestMappingHandlerMapping> mappings;

	private volatile @Nullable List<Endpoint> uploads;

	public RequestSizeLimit(DataSize anonymousLimit, DataSize signedInLimit, DataSize uploadLimit,
			Supplier<RequestMappingHandlerMapping> mappings) {
		this.anonymousLimit = anonymousLimit.toBytes();
		this.signedInLimit = signedInLimit.toBytes();
		this.uploadLimit = uploadLimit.toBytes();
		this.mappings = mappings;
	}

	private record Endpoint(PathPattern pattern, Set<RequestMethod> methods) {

		boolean matches(PathContainer path, String method) {
			return this.pattern.matches(path)
					&& (this.methods.isEmpty() || this.methods.stream().anyMatch(m -> m.name().equals(method)));
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (length <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		boolean signedIn = isSignedIn(request);
		boolean upload = signedIn && isUpload(request);
		long limit = !signedIn ? this.anonymousLimit : upload ? this.uploadLimit : this.signedInLimit;
		if (length > limit) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, limit);
			return;
		}
		if (!chunked) {
			chain.doFilter(request, response);
			return;
		}
		if (!upload && isParsedByContainer(request)) {
			refuse(response, HttpStatus.LENGTH_REQUIRED, limit);
			return;
		}
		Counted counted = new Counted(request, limit);
		try {
			chain.doFilter(counted, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!counted.exceeded || response.isCommitted()) {
				throw ex;
			}
		}
		if (counted.exceeded && !response.isCommitted()) {
			// Whatever answered the broken read (often a 400) is replaced by the reason.
			response.reset();
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, limit);
		}
	}

	private static boolean isSignedIn(HttpServletRequest request) {
		// A context already in place (put there ahead of this filter, as tests do) counts as well.
		if (isAuthenticated(SecurityContextHolder.getContext())) {
			return true;
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& isAuthenticated(context)) {
			return true;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
				|| authorization.regionMatches(true, 0, "Bearer ", 0, 7)) && path(request).startsWith("/api/");
	}

	private static boolean isAuthenticated(SecurityContext context) {
		Authentication authentication = context.getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private boolean isUpload(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(path(request));
		return uploads().stream().anyMatch(endpoint -> endpoint.matches(path, request.getMethod()));
	}

	/** The endpoints taking a file, found once from the controllers' mappings. */
	private List<Endpoint> uploads() {
		List<Endpoint> found = this.uploads;
		if (found == null) {
			found = new ArrayList<>();
			for (var entry : this.mappings.get().getHandlerMethods().entrySet()) {
				if (takesFile(entry.getValue()) && entry.getKey().getPathPatternsCondition() != null) {
					RequestMappingInfo info = entry.getKey();
					for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
						found.add(new Endpoint(pattern, info.getMethodsCondition().getMethods()));
					}
				}
			}
			found = List.copyOf(found);
			this.uploads = found;
		}
		return found;
	}

	private static boolean takesFile(HandlerMethod method) {
		for (var parameter : method.getMethodParameters()) {
			Class<?> type = parameter.getNestedParameterType();
			if (MultipartFile.class.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isParsedByContainer(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, 33)
				|| type.regionMatches(true, 0, "multipart/", 0, 10));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, long limit) throws IOException {
		String detail = status == HttpStatus.LENGTH_REQUIRED ? "Ange förfrågans längd (Content-Length)."
				: "Förfrågan är för stor. Högst " + human(limit) + " tas emot här.";
		response.setStatus(status.value());
		// The unread rest of the body is not worth waiting for.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

	private static String human(long bytes) {
		return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
				: bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " byte";
	}

	/** A request whose body, read past the limit, breaks off. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private long read;

		private boolean exceeded;

		private @Nullable ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream body = super.getInputStream();
				this.stream = new ServletInputStream() {

					@Override
					public int read() throws IOException {
						int b = body.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = body.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
				this.exceeded = true;
				throw new IOException("Request body over " + this.limit + " bytes");
			}
		}

	}

}
