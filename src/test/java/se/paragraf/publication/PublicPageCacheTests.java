package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.web.FrozenResponseCache;

/**
 * Public pages are rendered once for all anonymous readers and served from memory until their max-age
 * or until a change commits; a signed-in reader never gets nor leaves a kept page, and nothing secret
 * reaches one. Whether an answer came from memory is read from its {@code Age} header and the cache's
 * counts, never from timing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPageCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FrozenResponseCache cache;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	AccountService accounts;

	@Autowired
	EventPublications events;

	SecretMatterFixtures f;

	/** Published, and the publication's reactions (search, OParl, which write and so evict) done. */
	@BeforeEach
	void aPublishedMeetingWithSecretAndOpenMatters() throws IOException {
		this.f = SecretMatterFixtures.published(this.organisation, this.register, this.planning, this.notices);
		settled();
	}

	/** Waits for the reactions to what a test did: each writes, and a write drops every kept page. */
	private void settled() {
		assertThat(this.events.awaitIdle(Duration.ofSeconds(120))).isTrue();
	}

	/** Every kind of dynamic public page, with the register's filters. */
	private List<String> publicPages() {
		Long meeting = this.f.meeting().getId();
		String board = this.f.board().code();
		String municipality = this.f.municipalityCode(this.organisation);
		return List.of("/public/meetings/" + meeting, "/public/register", "/public/register?board=" + board,
				"/public/register?year=2024&board=" + board + "&q=budget", "/public/boards/" + board,
				"/public/matters/" + this.f.open().getId(), "/public/matters/" + this.f.secret().getId(),
				"/public/search?q=budget", "/public/notice-boards/" + municipality,
				"/public/notice-boards/" + municipality + "/feed.atom");
	}

	@Test
	void aSecondAnonymousRequestForAnyPublicPageIsServedFromMemoryWithoutACookie() throws Exception {
		for (String page : publicPages()) {
			this.cache.evictPages();
			long hits = this.cache.pageStats().hitCount();

			MockHttpServletResponse first = this.mvc.perform(get(page)).andReturn().getResponse();
			MockHttpServletResponse second = this.mvc.perform(get(page)).andReturn().getResponse();

			assertThat(first.getStatus()).as(page).isEqualTo(200);
			assertThat(first.getHeader("Age")).as(page + " rendered").isNull();
			assertThat(second.getHeader("Age")).as(page + " from memory").isNotNull();
			assertThat(this.cache.pageStats().hitCount()).as(page).isEqualTo(hits + 1);
			assertThat(second.getContentAsString()).as(page).isEqualTo(first.getContentAsString());
			assertThat(second.getHeader("Cache-Control")).as(page).isEqualTo(first.getHeader("Cache-Control"));
			assertThat(second.getHeaders("Set-Cookie")).as(page).isEmpty();
			assertThat(second.getHeader("Content-Security-Policy")).as(page).isNotBlank();
		}
	}

	@Test
	void aKeptPageAnswersARevalidationWith304() throws Exception {
		String page = "/public/meetings/" + this.f.meeting().getId();
		this.mvc.perform(get(page));
		String etag = this.mvc.perform(get(page)).andReturn().getResponse().getHeader("ETag");

		MockHttpServletResponse revalidated = this.mvc.perform(get(page).header("If-None-Match", etag))
			.andReturn()
			.getResponse();

		assertThat(revalidated.getStatus()).isEqualTo(304);
		assertThat(revalidated.getHeader("Age")).isNotNull();
	}

	@Test
	void aSignedInReaderIsNeverServedTheAnonymousPageNorLeavesHisOwnForOthers() throws Exception {
		for (String page : publicPages()) {
			this.cache.evictPages();
			this.mvc.perform(get(page));
			long hits = this.cache.pageStats().hitCount();

			MockHttpServletResponse signedIn = this.mvc.perform(signedIn(get(page))).andReturn().getResponse();

			assertThat(signedIn.getHeader("Age")).as(page).isNull();
			assertThat(this.cache.pageStats().hitCount()).as(page).isEqualTo(hits);
			if (!page.endsWith(".atom")) {
				assertThat(signedIn.getHeader("Cache-Control")).as(page).contains("no-store");
			}

			this.cache.evictPages();
			this.mvc.perform(signedIn(get(page)));
			MockHttpServletResponse anonymous = this.mvc.perform(get(page)).andReturn().getResponse();
			assertThat(anonymous.getHeader("Age")).as(page + " after a signed-in reader").isNull();
			assertThat(anonymous.getContentAsString()).as(page).doesNotContain("_csrf");
		}
	}

	@Test
	void nothingSecretIsEverKeptInAPublicAnswer() throws Exception {
		for (String page : publicPages()) {
			this.mvc.perform(signedIn(get(page)));
			this.mvc.perform(get(page));
			String kept = this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString();

			for (String word : SecretMatterFixtures.SECRET_WORDS) {
				assertThat(kept).as(page).doesNotContain(word);
			}
		}
	}

	@Test
	void publishingANoticeShowsOnTheMeetingPageAtOnce() throws Exception {
		Meeting meeting = this.planning.schedule(this.f.board().code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 4, 9, 13, 0), LocalDateTime.of(2024, 4, 9, 15, 0), "Sammanträdesrum Tranan", null);
		settled();
		String page = "/public/meetings/" + meeting.getId();
		this.mvc.perform(get(page));
		assertThat(this.mvc.perform(get(page)).andReturn().getResponse().getHeader("Age")).isNotNull();

		this.notices.publish(meeting.getId(), this.planning.meeting(meeting.getId()).getVersion());

		MockHttpServletResponse after = this.mvc.perform(get(page)).andReturn().getResponse();
		assertThat(after.getHeader("Age")).isNull();
		assertThat(after.getContentAsString()).contains("/public/meetings/" + meeting.getId() + "/notices/1");
	}

	@Test
	void certifyingTheMinutesShowsOnTheMeetingAndMatterPagesAtOnce() throws Exception {
		Long meeting = this.f.meeting().getId();
		String meetingPage = "/public/meetings/" + meeting;
		String matterPage = "/public/matters/" + this.f.open().getId();
		for (String page : List.of(meetingPage, matterPage, meetingPage, matterPage)) {
			this.mvc.perform(get(page));
		}
		assertThat(this.mvc.perform(get(meetingPage)).andReturn().getResponse().getContentAsString())
			.doesNotContain("/public/meetings/" + meeting + "/minutes/1");

		this.f.holdAndCertify(this.conduct, this.planning, this.certification, this.accounts);

		assertThat(this.mvc.perform(get(meetingPage)).andReturn().getResponse().getContentAsString())
			.contains("/public/meetings/" + meeting + "/minutes/1");
		assertThat(this.mvc.perform(get(matterPage)).andReturn().getResponse().getContentAsString())
			.contains("Budgeten är underfinansierad");
	}

	@Test
	void aMatterMadeSecretLeavesTheKeptRegisterAtOnce() throws Exception {
		String page = "/public/register?board=" + this.f.board().code();
		String title = this.f.open().getTitle();
		this.mvc.perform(get(page));
		assertThat(this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).contains(title);

		this.register.classify(this.f.open().getId(), Confidentiality.confidential("21 kap. 1 §"),
				this.register.matter(this.f.open().getId()).getVersion());

		assertThat(this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).doesNotContain(title);
	}

	@Test
	void aReaderWhoChoseEnglishGetsTheEnglishPageKeptApart() throws Exception {
		String page = "/public/meetings/" + this.f.meeting().getId();
		String swedish = this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
		Cookie english = new Cookie("paragraf-lang", "en");

		this.mvc.perform(get(page).cookie(english));
		MockHttpServletResponse kept = this.mvc.perform(get(page).cookie(english)).andReturn().getResponse();

		assertThat(kept.getHeader("Age")).isNotNull();
		assertThat(kept.getContentAsString()).isNotEqualTo(swedish).contains("href=\"?lang=sv\"");
		assertThat(this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).isEqualTo(swedish);
	}

	/** A browser after sign-in: its session cookie goes with every request. */
	private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
		return request.with(user("sekreterare").roles("SECRETARY")).cookie(new Cookie("JSESSIONID", "signed-in"));
	}

}
