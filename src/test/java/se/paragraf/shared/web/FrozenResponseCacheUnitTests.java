package se.paragraf.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class FrozenResponseCacheUnitTests {

	final AtomicLong clock = new AtomicLong();

	final FrozenResponseCache cache = new FrozenResponseCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60),
			DataSize.ofMegabytes(1), this.clock::get);

	/** The application behind the cache: counts how often it is asked and answers with the current text. */
	final Document document = new Document();

	@Test
	void aSecondAnonymousReaderGetsTheKeptAnswerWithItsHeadersWithoutAskingTheApplication() throws Exception {
		MockHttpServletResponse first = get(anonymous("/public/meetings/1/notices/1"));
		MockHttpServletResponse second = get(anonymous("/public/meetings/1/notices/1"));

		assertThat(this.document.asked).hasValue(1);
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("version 1");
		assertThat(second.getHeader("ETag")).isEqualTo("\"v1\"");
		assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(second.getContentType()).startsWith("text/html");
	}

	@Test
	void aKeptAnswerCarriesTheReferrerPolicy() throws Exception {
		get(anonymous("/public/meetings/1/notices/1"));
		MockHttpServletResponse kept = get(anonymous("/public/meetings/1/notices/1"));

		assertThat(this.document.asked).hasValue(1);
		assertThat(kept.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	@Test
	void anAnswerKeptOverHttpsKeepsHstsAndIsNeverReplayedOverPlainHttp() throws Exception {
		MockHttpServletRequest secure = anonymous("/public/meetings/1/notices/1");
		secure.setSecure(true);
		get(secure);
		MockHttpServletResponse plain = get(anonymous("/public/meetings/1/notices/1"));
		MockHttpServletRequest secureAgain = anonymous("/public/meetings/1/notices/1");
		secureAgain.setSecure(true);
		MockHttpServletResponse kept = get(secureAgain);

		assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
		assertThat(kept.getHeader("Strict-Transport-Security")).startsWith("max-age=");
		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void aConditionalRequestForTheKeptVersionGets304() throws Exception {
		get(anonymous("/public/meetings/1/notices/1"));
		MockHttpServletRequest conditional = anonymous("/public/meetings/1/notices/1");
		conditional.addHeader("If-None-Match", "\"v1\"");

		MockHttpServletResponse response = get(conditional);

		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(this.document.asked).hasValue(1);
	}

	@Test
	void signedInReadersAreNeverServedFromNorKeptInMemory() throws Exception {
		MockHttpServletRequest signedIn = anonymous("/public/meetings/1/notices/1");
		signedIn.setCookies(new Cookie("JSESSIONID", "abc"));
		MockHttpServletRequest basic = anonymous("/public/meetings/1/notices/1");
		basic.addHeader("Authorization", "Basic eDp5");

		get(signedIn);
		get(basic);
		get(anonymous("/public/meetings/1/notices/1"));
		get(signedIn);

		assertThat(this.document.asked).hasValue(4);
	}

	@Test
	void onlyAnswersTheApplicationAskedToKeepAreKept() throws Exception {
		this.document.keep = false;

		get(anonymous("/public/meetings"));
		get(anonymous("/public/meetings"));

		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void anAnswerThatSetsACookieIsNotKept() throws Exception {
		this.document.cookie = true;

		get(anonymous("/public/meetings/1/notice"));
		get(anonymous("/public/meetings/1/notice"));

		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void evictingTheTagMakesReadersSeeTheNewVersion() throws Exception {
		this.document.tag = "newest";
		get(anonymous("/public/meetings/1/notice"));

		this.document.text = "version 2";
		this.cache.evict("newest");

		assertThat(get(anonymous("/public/meetings/1/notice")).getContentAsString()).isEqualTo("version 2");
		assertThat(get(anonymous("/public/meetings/1/notice")).getContentAsString()).isEqualTo("version 2");
		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void anAnswerReadBeforeAnEvictionIsNotKeptAfterIt() throws Exception {
		this.document.tag = "newest";
		// A new version commits while this request is still writing the old one.
		this.document.duringRequest = () -> this.cache.evict("newest");

		get(anonymous("/public/meetings/1/notice"));
		this.document.duringRequest = null;
		this.document.text = "version 2";

		assertThat(get(anonymous("/public/meetings/1/notice")).getContentAsString()).isEqualTo("version 2");
	}

	@Test
	void aQueryStringCannotMultiplyTheKeptCopies() throws Exception {
		get(anonymous("/public/meetings/1/notices/1"));
		MockHttpServletRequest other = anonymous("/public/meetings/1/notices/1");
		other.setQueryString("x=1");

		assertThat(get(other).getContentAsString()).isEqualTo("version 1");
		assertThat(this.document.asked).hasValue(1);
	}

	@Test
	void aNewestVersionIsKeptOnlyForItsTimeToLiveSinceAnotherNodeMayPublish() throws Exception {
		this.document.tag = "newest";
		get(anonymous("/public/meetings/1/notice"));
		this.clock.addAndGet(Duration.ofSeconds(59).toNanos());
		get(anonymous("/public/meetings/1/notice"));
		assertThat(this.document.asked).hasValue(1);

		this.clock.addAndGet(Duration.ofSeconds(2).toNanos());
		get(anonymous("/public/meetings/1/notice"));

		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void aNumberedVersionOutlivesTheTimeToLive() throws Exception {
		get(anonymous("/public/meetings/1/notices/1"));
		this.clock.addAndGet(Duration.ofDays(30).toNanos());

		get(anonymous("/public/meetings/1/notices/1"));

		assertThat(this.document.asked).hasValue(1);
	}

	@Test
	void aPublicPageIsKeptForItsMaxAgeAndSaysHowOldItIs() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		MockHttpServletResponse first = get(anonymous("/public/register"));
		this.clock.addAndGet(Duration.ofSeconds(59).toNanos());
		MockHttpServletResponse kept = get(anonymous("/public/register"));

		assertThat(this.document.asked).hasValue(1);
		assertThat(first.getHeader("Age")).isNull();
		assertThat(kept.getHeader("Age")).isEqualTo("59");
		assertThat(kept.getContentAsString()).isEqualTo("version 1");
		assertThat(kept.getHeader("ETag")).isEqualTo("\"v1\"");
		assertThat(this.cache.pageStats().hitCount()).isEqualTo(1);

		this.clock.addAndGet(Duration.ofSeconds(2).toNanos());
		get(anonymous("/public/register"));
		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void aPageIsKeptPerQueryAndPerLanguageAndHost() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		MockHttpServletRequest filtered = anonymous("/public/register");
		filtered.setQueryString("board=GSN");
		MockHttpServletRequest english = anonymous("/public/register");
		english.setCookies(new Cookie("paragraf-lang", "en"));
		MockHttpServletRequest otherHost = anonymous("/public/register");
		otherHost.setServerName("forged.example");

		get(anonymous("/public/register"));
		get(filtered);
		get(english);
		get(otherHost);
		assertThat(this.document.asked).hasValue(4);

		get(anonymous("/public/register"));
		get(filtered);
		get(english);
		assertThat(this.document.asked).hasValue(4);
	}

	@Test
	void evictingPagesShowsTheChangeAtOnce() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		get(anonymous("/public/meetings/1"));

		this.document.text = "version 2";
		this.cache.evictPages();

		assertThat(get(anonymous("/public/meetings/1")).getContentAsString()).isEqualTo("version 2");
		assertThat(get(anonymous("/public/meetings/1")).getContentAsString()).isEqualTo("version 2");
		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void aPageRenderedWhileAChangeCommittedIsNotKept() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		this.document.duringRequest = this.cache::evictPages;
		get(anonymous("/public/meetings/1"));
		this.document.duringRequest = null;
		this.document.text = "version 2";

		assertThat(get(anonymous("/public/meetings/1")).getContentAsString()).isEqualTo("version 2");
	}

	@Test
	void aPageForWhichASessionWasMadeOrACookieSetIsNotKept() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		this.document.session = true;
		get(anonymous("/public/meetings/1"));
		get(anonymous("/public/meetings/1"));
		this.document.session = false;
		this.document.cookie = true;
		get(anonymous("/public/meetings/1"));
		get(anonymous("/public/meetings/1"));

		assertThat(this.document.asked).hasValue(4);
	}

	@Test
	void aSignedInReaderIsNeitherServedAKeptPageNorKeepsOne() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		MockHttpServletRequest signedIn = anonymous("/public/meetings/1");
		signedIn.setCookies(new Cookie("JSESSIONID", "abc"));
		MockHttpServletRequest basic = anonymous("/public/meetings/1");
		basic.addHeader("Authorization", "Basic eDp5");

		get(signedIn);
		get(anonymous("/public/meetings/1"));
		get(signedIn);
		get(basic);

		assertThat(this.document.asked).hasValue(4);
		assertThat(this.cache.pageStats().hitCount()).isZero();
	}

	@Test
	void readersArrivingWhileAnEvictedPageRendersWaitForThatRenderingInsteadOfRenderingTheirOwn() throws Exception {
		this.document.page = Duration.ofSeconds(60);
		get(anonymous("/public/meetings/1"));
		this.cache.evictPages();
		this.document.text = "version 2";
		CountDownLatch release = new CountDownLatch(1);
		this.document.duringRequest = () -> awaitQuietly(release);

		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> getQuietly("/public/meetings/1"));
		await(() -> this.document.asked.get() == 2);
		Thread[] second = new Thread[1];
		CompletableFuture<MockHttpServletResponse> waiting = new CompletableFuture<>();
		second[0] = new Thread(() -> waiting.complete(getQuietly("/public/meetings/1")));
		second[0].start();
		await(() -> second[0].getState() == Thread.State.TIMED_WAITING || second[0].getState() == Thread.State.WAITING);
		assertThat(this.document.asked).as("the second reader did not render").hasValue(2);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS).getContentAsString()).isEqualTo("version 2");
		assertThat(waiting.get(10, TimeUnit.SECONDS).getContentAsString()).isEqualTo("version 2");
		assertThat(this.document.asked).hasValue(2);
	}

	@Test
	void aDocumentIsNeverHeldBackByAnotherRequestForIt() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.document.duringRequest = () -> awaitQuietly(release);

		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> getQuietly("/public/meetings/1/notices/1"));
		CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> getQuietly("/public/meetings/1/notices/1"));
		await(() -> this.document.asked.get() == 2);
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse getQuietly(String uri) {
		try {
			return get(anonymous(uri));
		}
		catch (ServletException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Polls a condition on other threads' progress (not a timing assertion): fails after ten seconds. */
	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	@Test
	void pagesAreNotKeptWhenACdnDoesThatWork() throws Exception {
		FrozenResponseCache off = new FrozenResponseCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60), null,
				this.clock::get);
		this.document.page = Duration.ofSeconds(60);

		for (int i = 0; i < 2; i++) {
			off.doFilter(anonymous("/public/register"), new MockHttpServletResponse(), this.document);
		}

		assertThat(this.document.asked).hasValue(2);
	}

	private MockHttpServletResponse get(MockHttpServletRequest request) throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cache.doFilter(request, response, this.document);
		return response;
	}

	private static MockHttpServletRequest anonymous(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	static class Document implements FilterChain {

		final AtomicInteger asked = new AtomicInteger();

		String text = "version 1";

		boolean keep = true;

		boolean cookie;

		@Nullable String tag;

		@Nullable Runnable duringRequest;

		/** A public page's max-age, asked for instead of a document's keeping. */
		@Nullable Duration page;

		boolean session;

		@Override
		public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
				throws IOException {
			this.asked.incrementAndGet();
			HttpServletResponse http = (HttpServletResponse) response;
			if (this.page != null) {
				FrozenResponseCache.rememberPage((HttpServletRequest) request, this.page);
			}
			else if (this.keep) {
				FrozenResponseCache.remember(new ServletWebRequest((HttpServletRequest) request), this.tag);
			}
			if (this.session) {
				((HttpServletRequest) request).getSession(true);
			}
			if (this.cookie) {
				http.addHeader("Set-Cookie", "paragraf-lang=en");
			}
			http.setHeader("ETag", "\"" + this.text.replace("version ", "v") + "\"");
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
			if (request.isSecure()) {
				http.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			}
			http.setContentType("text/html;charset=UTF-8");
			if (this.duringRequest != null) {
				this.duringRequest.run();
			}
			http.getOutputStream().write(this.text.getBytes(StandardCharsets.UTF_8));
		}

	}

}
