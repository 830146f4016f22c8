package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.proceedings.Certification;
import se.paragraf.people.Organisation;

/**
 * Secret content never reaches the public (issue 6, OSL): a matter marked secret, with made-up
 * words in its title, report and attachment, and a secret attachment on a public matter, go through
 * a whole meeting, from published notice to certified minutes; then every public surface is read
 * as an anonymous client and none of the words may appear.
 * <p>
 * A new public surface is one more line in {@link #surfaces()} (pages, PDFs, feeds) or
 * {@link #searches()} (anything that echoes a query).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicLeakTests {

	private static final String ORIGIN = "http://localhost";

	private static final Pattern OPARL_LINK = Pattern.compile("\"(http://localhost/oparl/v1/[^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Certification certification;

	@Autowired
	SecretMeetings secretMeetings;

	SecretMatterFixtures f;

	/** Built once: every test only reads, and a whole meeting to certified minutes takes a while. */
	@BeforeAll
	void secretMatterThroughAWholeMeeting() throws IOException {
		this.f = this.secretMeetings.publishedAndCertified();
	}

	/** The public pages, files and feeds that the portal, the register and the calendar answer. */
	List<Surface> surfaces() {
		Long meeting = this.f.meeting().getId();
		String board = this.f.board().code();
		return List.of(Surface.page("/public/register"), Surface.page("/public/register?board=" + board),
				Surface.page("/public/register?year=2024&board=" + board),
				Surface.page("/public/matters/" + this.f.secret().getId()),
				Surface.page("/public/matters/" + this.f.open().getId()),
				Surface.page("/public/matters/" + this.f.closedDoors().getId()),
				Surface.page("/public/matters/" + this.f.secretSection().getId()), Surface.page("/public/boards/" + board),
				Surface.page("/public/meetings"), Surface.page("/public/meetings/" + meeting), Surface.page("/"),
				Surface.page("/public/notice-boards/" + this.f.municipalityCode(this.organisation)),
				Surface.page("/public/notice-boards/" + this.f.municipalityCode(this.organisation) + "/feed.atom"),
				Surface.page("/public/calendar/boards/" + board + ".ics"),
				Surface.page("/public/calendar/persons/" + this.f.board().chair().getId() + ".ics"));
	}

	/** The published notice and the certified minutes: the public variants, newest and numbered. */
	List<Surface> publishedDocuments() {
		Long meeting = this.f.meeting().getId();
		String minutes = "/public/meetings/" + meeting + "/minutes";
		int version = this.certification.certified(meeting).orElseThrow().getVersionNumber();
		List<Surface> surfaces = new ArrayList<>(List.of(Surface.page("/public/meetings/" + meeting + "/notice"),
				Surface.pdf("/public/meetings/" + meeting + "/notice.pdf"),
				Surface.page("/public/meetings/" + meeting + "/notices/1"),
				Surface.pdf("/public/meetings/" + meeting + "/notices/1.pdf"), Surface.page(minutes),
				Surface.pdf(minutes + ".pdf"), Surface.page(minutes + "/" + version),
				Surface.pdf(minutes + "/" + version + ".pdf")));
		for (int section = 1; section <= 5; section++) {
			surfaces.add(Surface.pdf(minutes + "/sections/" + section + ".pdf"));
		}
		return surfaces;
	}

	/**
	 * Surfaces that take a query and may echo it back: each is asked for every secret word, and the
	 * answer may hold none of the other words nor the secret matter's diary number beside a title.
	 */
	List<String> searches() {
		return List.of("/public/register?q=%s", "/public/search?q=%s", "/api/v1/search?q=%s");
	}

	@Test
	void noSecretWordReachesAPublicPageOrFeed() throws Exception {
		for (Surface surface : surfaces()) {
			assertNoSecretWord(surface.path(), read(surface));
		}
	}

	@Test
	void noSecretWordReachesThePublishedNoticeOrMinutes() throws Exception {
		for (Surface surface : publishedDocuments()) {
			assertNoSecretWord(surface.path(), read(surface));
		}
	}

	@Test
	void noSecretWordReachesAnyOParlObject() throws Exception {
		List<String> visited = crawlOParl();
		assertThat(visited).as("the crawl reached the meeting and the papers")
			.contains(ORIGIN + "/oparl/v1/meeting/" + this.f.meeting().getId(),
					ORIGIN + "/oparl/v1/paper/" + this.f.secret().getId(), ORIGIN + "/oparl/v1/paper/" + this.f.open().getId());
	}

	@Test
	void searchingForASecretWordFindsNothingOfTheSecret() throws Exception {
		awaitSearchIndexOfTheCertifiedMinutes();
		for (String search : searches()) {
			for (String word : SecretMatterFixtures.SECRET_WORDS) {
				String path = String.format(search, java.net.URLEncoder.encode(word, StandardCharsets.UTF_8));
				String body = read(Surface.page(path));
				assertThat(body).as(path).doesNotContain(this.f.secret().getDiaryNumber().toString());
				for (String other : SecretMatterFixtures.SECRET_WORDS) {
					if (!other.equalsIgnoreCase(word) && !word.toLowerCase().contains(other.toLowerCase())
							&& !other.toLowerCase().contains(word.toLowerCase())) {
						assertThat(body).as(path).doesNotContainIgnoringCase(other);
					}
				}
			}
		}
	}

	@Test
	void noPublicLinkLeadsToASecretAttachment() throws Exception {
		for (Long id : List.of(this.f.secretAttachment().getId(), this.f.secretMattersAttachment().getId())) {
			assertThat(this.mvc.perform(get("/public/attachments/" + id)).andReturn().getResponse().getStatus())
				.as("attachment " + id)
				.isEqualTo(404);
			assertThat(this.mvc.perform(get("/oparl/v1/file/attachment-" + id)).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		}
		assertThat(this.mvc.perform(get("/public/attachments/" + this.f.openAttachment().getId()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	/**
	 * The search index is fed after commit, in order; once the public minutes' dissent (the last
	 * thing certified) is found, everything secret has had its chance to leak into the index.
	 */
	private void awaitSearchIndexOfTheCertifiedMinutes() throws Exception {
		String query = "/api/v1/search?q=underfinansierad&board=" + this.f.board().code();
		for (int attempt = 0; attempt < 300; attempt++) {
			String body = read(Surface.page(query));
			if (!body.contains("\"total\":0")) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the certified minutes never reached the search index: " + query);
	}

	/**
	 * Every OParl object reachable from the system object, lists and their pages included; another
	 * body's lists are not followed, since the shared test database holds many.
	 */
	private List<String> crawlOParl() throws Exception {
		Set<Long> ours = Set.of(this.f.board().board().getHostMunicipalityId());
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(ORIGIN + "/oparl/v1/system"));
		List<String> visited = new ArrayList<>();
		while (!queue.isEmpty() && visited.size() < 5000) {
			String url = queue.poll();
			if (!seen.add(url)) {
				continue;
			}
			MockHttpServletResponse response = this.mvc.perform(get(url.substring(ORIGIN.length()))).andReturn()
				.getResponse();
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertNoSecretWord(url, body);
			visited.add(url);
			Matcher links = OPARL_LINK.matcher(body);
			while (links.find()) {
				String link = links.group(1);
				if (follow(link, ours) && !seen.contains(link)) {
					queue.add(link);
				}
			}
		}
		return visited;
	}

	private static boolean follow(String link, Set<Long> bodies) {
		if (link.endsWith("/access") || link.endsWith("/download")) {
			return false;
		}
		Matcher body = Pattern.compile("/oparl/v1/body/(\\d+)/").matcher(link);
		return !body.find() || bodies.contains(Long.valueOf(body.group(1)));
	}

	private String read(Surface surface) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(surface.path())).andReturn().getResponse();
		assertThat(response.getStatus()).as(surface.path()).isEqualTo(200);
		if (surface.pdf()) {
			try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
				return new PDFTextStripper().getText(document);
			}
		}
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static void assertNoSecretWord(String where, String text) {
		for (String word : SecretMatterFixtures.SECRET_WORDS) {
			assertThat(text).as(where).doesNotContainIgnoringCase(word);
		}
		// A personal identity number in a public dissent is masked wherever the dissent is shown.
		assertThat(text).as(where).doesNotContain(SecretMatterFixtures.IDENTITY_NUMBER);
	}

	/** A public address and how to read it: as text, or as a PDF's text. */
	record Surface(String path, boolean pdf) {

		static Surface page(String path) {
			return new Surface(path, false);
		}

		static Surface pdf(String path) {
			return new Surface(path, true);
		}

	}

}
