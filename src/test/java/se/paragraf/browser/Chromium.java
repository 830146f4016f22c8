package se.paragraf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, as a person uses Paragraf, with two accessibility engines
 * checking each page visited: axe-core and HTML_CodeSniffer (the engine pa11y runs), which read WCAG
 * differently (HTML_CodeSniffer, for one, checks the id/headers of tables with more than one header
 * row). Playwright never downloads a browser of its own here.
 */
final class Chromium implements AutoCloseable {

	private static final String EXECUTABLE = System.getenv().getOrDefault("PARAGRAF_CHROMIUM", "/usr/bin/chromium");

	private static final String AXE = read("/axe/axe.min.js");

	/** HTML_CodeSniffer 2.5.1's built bundle, from the npm package html_codesniffer (BSD-3-Clause). */
	private static final String HTMLCS = read("/htmlcs/HTMLCS.js");

	private final Playwright playwright;

	private final Browser browser;

	private final BrowserContext context;

	private final List<String> violations = new ArrayList<>();

	private final String baseUrl;

	private final List<BrowserContext> others = new ArrayList<>();

	Chromium(String baseUrl) {
		this.baseUrl = baseUrl;
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(EXECUTABLE))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		this.context = this.browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale("sv-SE")
			// axe-core is injected as a script; our own CSP rightly forbids that, so the test context bypasses it.
			.setBypassCSP(true)
			.setAcceptDownloads(true));
	}

	Page newPage() {
		return this.context.newPage();
	}

	/**
	 * A page in a browser context of its own (own cookies, so another signed-in person), as several
	 * people on their own devices; closed with this browser.
	 */
	Page newPerson() {
		BrowserContext other = this.browser.newContext(new Browser.NewContextOptions().setBaseURL(this.baseUrl)
			.setLocale("sv-SE")
			.setBypassCSP(true));
		this.others.add(other);
		return other.newPage();
	}

	/** Signs in through the login form, as a person would, and checks the login page on the way. */
	void signIn(Page page, String username, String password) {
		page.navigate("/login");
		checkAccessibility(page);
		page.getByLabel("Användarnamn").fill(username);
		page.getByLabel("Lösenord").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga in"))
			.click();
	}

	/**
	 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) and HTML_CodeSniffer (WCAG2AA) on the page as it is
	 * now and remembers every serious or critical axe-core violation and every HTML_CodeSniffer error.
	 */
	void checkAccessibility(Page page) {
		checkWithAxe(page);
		checkWithCodeSniffer(page);
	}

	private void checkWithAxe(Page page) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				  return {
				    passes: result.passes.length,
				    violations: result.violations
				      .filter(v => v.impact === 'serious' || v.impact === 'critical')
				      .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))
				  };
				}
				""");
		// A check that ran no rule would pass anything; axe always passes some rules on a real page.
		assertThat(((Number) result.get("passes")).intValue()).as("axe-core rules passed on %s", page.url())
			.isPositive();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> found = (List<Map<String, Object>>) result.get("violations");
		for (Map<String, Object> violation : found) {
			this.violations.add(page.url() + ": " + violation.get("id") + " (" + violation.get("impact") + ") "
					+ violation.get("help") + " at " + violation.get("nodes"));
		}
	}

	/**
	 * HTML_CodeSniffer's WCAG2AA errors (not its warnings and notices, which ask a person to judge). Run
	 * as pa11y runs it: the bundle injected, {@code HTMLCS.process} on the document.
	 */
	private void checkWithCodeSniffer(Page page) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(HTMLCS));
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) page.evaluate("""
				() => new Promise((resolve, reject) => {
				  HTMLCS.process('WCAG2AA', window.document, () => {
				    const messages = HTMLCS.getMessages();
				    resolve({
				      total: messages.length,
				      errors: messages.filter(m => m.type === HTMLCS.ERROR).map(m => ({
				        code: m.code,
				        msg: m.msg,
				        element: m.element && m.element.outerHTML ? m.element.outerHTML.substring(0, 160) : String(m.element)
				      }))
				    });
				  }, () => reject(new Error('HTML_CodeSniffer failed')), 'en');
				})
				""");
		// A run that looked at nothing would pass anything; every real page gets notices at least.
		assertThat(((Number) result.get("total")).intValue()).as("HTML_CodeSniffer messages on %s", page.url())
			.isPositive();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) result.get("errors");
		for (Map<String, Object> error : errors) {
			this.violations.add(page.url() + ": HTML_CodeSniffer " + error.get("code") + " " + error.get("msg") + " at "
					+ error.get("element"));
		}
	}

	void assertNoSeriousAccessibilityViolations() {
		assertThat(this.violations).as("serious or critical axe-core violations and HTML_CodeSniffer WCAG2AA errors")
			.isEmpty();
	}

	@Override
	public void close() {
		this.others.forEach(BrowserContext::close);
		this.context.close();
		this.browser.close();
		this.playwright.close();
	}

	private static String read(String resource) {
		try (InputStream in = Chromium.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
