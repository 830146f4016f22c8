package se.paragraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * How the public pages reach readers at scale: no session and no cookie for an anonymous reader, a
 * short public Cache-Control (and an ETag) so a proxy or CDN can keep them, never public for a
 * signed-in user, and assets under fingerprinted addresses cached for a year, with only asset links
 * looked up as resources; every page sent whole, with its length.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPageDeliveryTests {

	private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/paragraf-[0-9a-f]{32}\\.css)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@MockitoSpyBean
	ResourceUrlProvider resourceUrls;

	BoardWithPeople board;

	Meeting meeting;

	Matter matter;

	@BeforeEach
	void aBoardWithAPublishedMeeting() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 3, 12, 13, 0),
				LocalDateTime.of(2024, 3, 12, 15, 0), "Sammanträdesrum Gnistan", null);
		this.matter = this.register.register(this.board.code(), "Budget för gemensam växel");
		this.planning.addMatter(this.meeting.getId(), version(), this.matter.getId());
		this.notices.publish(this.meeting.getId(), version());
	}

	/** Every kind of public page a resident or journalist opens. */
	private List<String> publicPages() {
		String municipality = this.organisation.municipality(this.board.board().getHostMunicipalityId()).getCode();
		return List.of("/", "/public/meetings", "/public/meetings/" + this.meeting.getId(),
				"/public/boards/" + this.board.code(), "/public/register", "/public/register?q=budget",
				"/public/matters/" + this.matter.getId(), "/public/search", "/public/search?q=budget",
				"/public/notice-boards/" + municipality);
	}

	@Test
	void anAnonymousReaderOfAnyPublicPageGetsNoSessionAndNoCookie() throws Exception {
		for (String page : publicPages()) {
			MvcResult result = this.mvc.perform(get(page)).andReturn();

			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
			assertThat(result.getRequest().getSession(false)).as("session created by " + page).isNull();
			assertThat(result.getResponse().getHeaders("Set-Cookie")).as(page).isEmpty();
		}
	}

	@Test
	void aProxyMayKeepAnAnonymousPublicPageForAMinuteAndRevalidateItByEtag() throws Exception {
		for (String page : publicPages()) {
			MockHttpServletResponse response = this.mvc.perform(get(page)).andReturn().getResponse();

			assertThat(response.getHeader("Cache-Control")).as(page).isEqualTo("max-age=60, public");
			assertThat(response.getHeaders("Vary")).as(page).contains("Cookie");
			if (page.startsWith("/public/")) {
				String etag = response.getHeader("ETag");
				assertThat(etag).as(page).isNotBlank();
				assertThat(this.mvc.perform(get(page).header("If-None-Match", etag)).andReturn().getResponse().getStatus())
					.as(page)
					.isEqualTo(304);
			}
		}
	}

	@Test
	void aSignedInUsersPublicPageIsNeverKeptByACache() throws Exception {
		for (String page : publicPages()) {
			MockHttpServletResponse response = this.mvc.perform(get(page).with(user("sekreterare").roles("SECRETARY")))
				.andReturn()
				.getResponse();

			assertThat(response.getHeader("Cache-Control")).as(page).contains("no-store").doesNotContain("public");
			assertThat(response.getHeader("ETag")).as(page).isNull();
		}
		// Signed-in users' htmx requests still carry the CSRF token from the page.
		assertThat(this.mvc.perform(get("/public/meetings/" + this.meeting.getId()).with(user("sekreterare").roles("SECRETARY")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<meta name=\"_csrf\"");
	}

	@Test
	void aPublicPageThatIsNotFoundIsNotKeptByACache() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/public/meetings/{id}", Long.MAX_VALUE))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getHeader("Cache-Control")).doesNotContain("public");
	}

	@Test
	void onlyAssetLinksInAPageAreLookedUpAsResources() throws Exception {
		Mockito.clearInvocations(this.resourceUrls);

		String page = this.mvc.perform(get("/public/meetings/{id}", this.meeting.getId()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("href=\"/public/matters/" + this.matter.getId() + "\"");
		List<String> lookedUp = Mockito.mockingDetails(this.resourceUrls)
			.getInvocations()
			.stream()
			.map(Invocation::getArguments)
			.flatMap(java.util.Arrays::stream)
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.toList();
		assertThat(lookedUp).allSatisfy(path -> assertThat(path).matches("/(css|js|webjars)/.*"));
	}

	@Test
	void pagesLinkToFingerprintedAssetsThatBrowsersKeepForAYear() throws Exception {
		String page = this.mvc.perform(get("/public/meetings/{id}", this.meeting.getId()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher stylesheet = STYLESHEET.matcher(page);
		assertThat(stylesheet.find()).as("a fingerprinted stylesheet link in " + page).isTrue();
		assertThat(page).containsPattern("src=\"/js/paragraf-[0-9a-f]{32}\\.js\"")
			.containsPattern("src=\"/webjars/htmx\\.org/[^\"]+/htmx\\.min-[0-9a-f]{32}\\.js\"");

		MockHttpServletResponse css = this.mvc.perform(get(stylesheet.group(1)).with(user("sekreterare").roles("SECRETARY")))
			.andReturn()
			.getResponse();
		assertThat(css.getStatus()).isEqualTo(200);
		assertThat(css.getContentType()).startsWith("text/css");
		assertThat(css.getContentAsString()).contains("skip-link");
		assertThat(css.getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(css.getHeaders("Set-Cookie")).isEmpty();
		// The same content again, now from memory, with the same headers.
		MockHttpServletResponse again = this.mvc.perform(get(stylesheet.group(1))).andReturn().getResponse();
		assertThat(again.getContentAsString()).isEqualTo(css.getContentAsString());
		assertThat(again.getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(again.getHeader("Content-Security-Policy")).isNotBlank();
	}

	@Test
	void anAssetWithoutItsFingerprintIsRevalidatedAndAWrongFingerprintIsNotFound() throws Exception {
		MockHttpServletResponse plain = this.mvc.perform(get("/css/paragraf.css")).andReturn().getResponse();
		assertThat(plain.getStatus()).isEqualTo(200);
		assertThat(plain.getHeader("Cache-Control")).isEqualTo("no-cache, public");

		assertThat(this.mvc.perform(get("/css/paragraf-0123456789abcdef0123456789abcdef.css")).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aPageIsSentWholeWithItsLengthAndItsSwedishIntact() throws Exception {
		for (String page : List.of("/public/meetings/" + this.meeting.getId(), "/matters/" + this.matter.getId())) {
			MockHttpServletResponse response = this.mvc.perform(get(page).with(user("sekreterare").roles("SECRETARY")))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(page).isEqualTo(200);
			byte[] body = response.getContentAsByteArray();
			assertThat(response.getHeader("Content-Length")).as(page).isEqualTo(Integer.toString(body.length));
			assertThat(new String(body, StandardCharsets.UTF_8)).as(page)
				.contains("Budget för gemensam växel")
				.endsWith("</html>\n");
		}
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
