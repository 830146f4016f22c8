package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.shared.web.FrozenResponseCache;

/**
 * OParl's objects and lists are kept in memory for anonymous clients like the public pages: served
 * from memory the second time (it says its {@code Age}), cacheable by a proxy for a minute with an
 * ETag, dropped as soon as a change commits, never kept for a signed-in reader, and nothing secret in
 * a kept answer. Whether an answer came from memory is read from {@code Age} and the cache's counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OParlCacheTests {

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
	EventPublications events;

	SecretMatterFixtures f;

	@BeforeEach
	void aPublishedMeetingWithSecretAndOpenMatters() throws Exception {
		this.f = SecretMatterFixtures.published(this.organisation, this.register, this.planning, this.notices);
		settled();
		// OParl stamps what it sees on its first reading (a write, which drops kept answers): stamp it all now.
		for (String address : addresses()) {
			this.mvc.perform(get(address));
		}
	}

	private void settled() {
		assertThat(this.events.awaitIdle(Duration.ofSeconds(120))).isTrue();
	}

	private List<String> addresses() {
		long body = this.f.board().board().getHostMunicipalityId();
		return List.of("/oparl/v1/system", "/oparl/v1/bodies", "/oparl/v1/body/" + body,
				"/oparl/v1/body/" + body + "/papers", "/oparl/v1/body/" + body + "/meetings",
				"/oparl/v1/body/" + body + "/agendaitems", "/oparl/v1/body/" + body + "/files",
				"/oparl/v1/body/" + body + "/papers?limit=1&page=2", "/oparl/v1/meeting/" + this.f.meeting().getId(),
				"/oparl/v1/paper/" + this.f.open().getId());
	}

	@Test
	void aSecondAnonymousRequestForAnyOParlObjectOrListIsServedFromMemoryCacheablePublicly() throws Exception {
		for (String address : addresses()) {
			this.cache.evictPages();
			long hits = this.cache.pageStats().hitCount();

			MockHttpServletResponse first = this.mvc.perform(get(address)).andReturn().getResponse();
			MockHttpServletResponse second = this.mvc.perform(get(address)).andReturn().getResponse();

			assertThat(first.getStatus()).as(address).isEqualTo(200);
			assertThat(first.getHeader("Age")).as(address + " rendered").isNull();
			assertThat(first.getHeader("Cache-Control")).as(address).isEqualTo("max-age=60, public");
			assertThat(first.getHeader("ETag")).as(address).isNotBlank();
			assertThat(second.getHeader("Age")).as(address + " from memory").isNotNull();
			assertThat(this.cache.pageStats().hitCount()).as(address).isEqualTo(hits + 1);
			assertThat(second.getContentAsString()).as(address).isEqualTo(first.getContentAsString());
			assertThat(second.getHeader("Cache-Control")).as(address).isEqualTo("max-age=60, public");
			assertThat(second.getHeader("Access-Control-Allow-Origin")).as(address).isEqualTo("*");
			assertThat(second.getContentType()).as(address).startsWith("application/json");
			assertThat(second.getHeaders("Set-Cookie")).as(address).isEmpty();
		}
	}

	@Test
	void aKeptOParlAnswerAnswersARevalidationWith304() throws Exception {
		String address = "/oparl/v1/bodies";
		this.mvc.perform(get(address));
		String etag = this.mvc.perform(get(address)).andReturn().getResponse().getHeader("ETag");

		MockHttpServletResponse revalidated = this.mvc.perform(get(address).header("If-None-Match", etag))
			.andReturn()
			.getResponse();

		assertThat(revalidated.getStatus()).isEqualTo(304);
		assertThat(revalidated.getHeader("Age")).isNotNull();
	}

	@Test
	void aMatterMadeSecretLeavesTheKeptPaperListAtOnce() throws Exception {
		String address = "/oparl/v1/body/" + this.f.board().board().getHostMunicipalityId() + "/papers";
		String title = this.f.open().getTitle();
		this.mvc.perform(get(address));
		MockHttpServletResponse kept = this.mvc.perform(get(address)).andReturn().getResponse();
		assertThat(kept.getHeader("Age")).isNotNull();
		assertThat(kept.getContentAsString()).contains(title);

		this.register.classify(this.f.open().getId(), Confidentiality.confidential("21 kap. 1 §"),
				this.register.matter(this.f.open().getId()).getVersion());
		settled();

		MockHttpServletResponse after = this.mvc.perform(get(address)).andReturn().getResponse();
		assertThat(after.getHeader("Age")).isNull();
		assertThat(after.getContentAsString()).doesNotContain(title);
	}

	@Test
	void nothingSecretIsEverKeptInAnOParlAnswer() throws Exception {
		for (String address : addresses()) {
			this.mvc.perform(get(address).with(user("sekreterare").roles("SECRETARY")));
			this.mvc.perform(get(address));
			String kept = this.mvc.perform(get(address)).andReturn().getResponse().getContentAsString();

			for (String word : SecretMatterFixtures.SECRET_WORDS) {
				assertThat(kept).as(address).doesNotContain(word);
			}
		}
	}

	@Test
	void aSignedInReaderIsNeverServedTheKeptAnswerNorLeavesHisOwn() throws Exception {
		String address = "/oparl/v1/bodies";
		this.cache.evictPages();
		this.mvc.perform(get(address));
		long hits = this.cache.pageStats().hitCount();

		MockHttpServletResponse signedIn = this.mvc
			.perform(get(address).with(user("sekreterare").roles("SECRETARY")).cookie(new Cookie("JSESSIONID", "x")))
			.andReturn()
			.getResponse();
		MockHttpServletResponse basic = this.mvc.perform(get(address).header("Authorization", "Basic eDp5"))
			.andReturn()
			.getResponse();

		assertThat(signedIn.getHeader("Age")).isNull();
		assertThat(basic.getHeader("Age")).isNull();
		assertThat(this.cache.pageStats().hitCount()).isEqualTo(hits);

		this.cache.evictPages();
		this.mvc.perform(get(address).with(user("sekreterare").roles("SECRETARY")).cookie(new Cookie("JSESSIONID", "x")));
		assertThat(this.mvc.perform(get(address)).andReturn().getResponse().getHeader("Age")).isNull();
	}

	@Test
	void anUnknownObjectOrAFileIsNotKept() throws Exception {
		String missing = "/oparl/v1/paper/999999999";
		String file = "/oparl/v1/file/attachment-" + this.f.openAttachment().getId() + "/download";
		for (String address : List.of(missing, file)) {
			this.mvc.perform(get(address));
			MockHttpServletResponse again = this.mvc.perform(get(address)).andReturn().getResponse();

			assertThat(again.getHeader("Age")).as(address).isNull();
		}
		assertThat(this.mvc.perform(get(missing)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

}
