package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.DiaryNumber;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Search as its users meet it: what a registration, a report, an attachment or a published notice
 * makes findable, and for whom; facets, snippets, dates and bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchIntegrationTests {

	private static final String PASSWORD = "search-test-password";

	@Autowired
	MatterRegister register;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	SiteSearch search;

	@Autowired
	SearchFeed feed;

	@Autowired
	AccountService accounts;

	@Autowired
	MockMvc mvc;

	BoardWithPeople board;

	/** A word no other test writes, so hits are this test's alone. */
	String word;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.word = "ord" + this.board.code().toLowerCase(Locale.ROOT);
	}

	@Test
	void aRegisteredMatterIsFoundByAnyoneByAWordOfItsTitle() throws Exception {
		this.register.register(this.board.code(), "Upphandling av " + this.word);
		this.feed.awaitIdle();
		SearchResults results = this.search.searchPublic(SearchQuery.of(this.word));
		assertThat(results.total()).isEqualTo(1);
		assertThat(results.hits().get(0).kind()).isEqualTo(EntryKind.MATTER);
		assertThat(results.hits().get(0).boardCode()).isEqualTo(this.board.code());
		this.mvc.perform(get("/api/v1/search").param("q", this.word))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.hits[0].kind").value("MATTER"))
			.andExpect(jsonPath("$.hits[0].board.code").value(this.board.code()));
	}

	@Test
	void aSecretMattersDistinctiveWordNeverReachesAnAnonymousSearch() throws Exception {
		Matter matter = this.register.register(this.board.code(), "Skyddad " + this.word);
		this.register.writeReport(matter.getId(), report("Utredning om " + this.word + " och familjen."), 0);
		this.register.attachText(matter.getId(), "Bilaga", "Uppgifter om " + this.word + ".");
		this.register.classify(matter.getId(), Confidentiality.confidential("26 kap. 1 §"),
				this.register.matter(matter.getId()).getVersion());

		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(SearchQuery.of(this.word)).total()).isZero();
		String api = this.mvc.perform(get("/api/v1/search").param("q", this.word))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).doesNotContainIgnoringCase(this.word);
		String page = this.mvc.perform(get("/public/search").param("q", this.word))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("0 träffar").doesNotContain("Skyddad").doesNotContain("familjen");

		// Staff who keep the register find it all; a member of another board does not.
		String secretary = account(Set.of(Role.SECRETARY), null);
		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(httpBasic(secretary, PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
		String economist = account(Set.of(Role.ECONOMIST), null);
		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(httpBasic(economist, PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
		String ownMember = account(Set.of(Role.MEMBER), this.board.chair().getId());
		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(httpBasic(ownMember, PASSWORD)))
			.andExpect(jsonPath("$.total").value(3));
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		String otherMember = account(Set.of(Role.MEMBER), other.chair().getId());
		this.mvc.perform(get("/api/v1/search").param("q", this.word).with(httpBasic(otherMember, PASSWORD)))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void liftingTheSecrecyMarkMakesTheRegisterEntryPublicAgain() {
		Matter matter = this.register.register(this.board.code(), "Avtal " + this.word);
		this.register.classify(matter.getId(), Confidentiality.confidential("31 kap. 16 §"),
				this.register.matter(matter.getId()).getVersion());
		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(SearchQuery.of(this.word)).total()).isZero();
		this.register.classify(matter.getId(), Confidentiality.open(), this.register.matter(matter.getId()).getVersion());
		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(SearchQuery.of(this.word)).total()).isEqualTo(1);
	}

	@Test
	void attachmentTextIsReadFromPdfAndDocxAndBecomesPublicWithTheNotice() throws Exception {
		Matter matter = this.register.register(this.board.code(), "Licensavtal");
		Attachment pdf = this.register.attachFile(matter.getId(), "Offert", "offert.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "PDF" + this.word)));
		this.register.attachFile(matter.getId(), "Avtal", "avtal.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				new ByteArrayInputStream(docx("Avtalet gäller licenser för docx" + this.word + ".")));
		String secretary = account(Set.of(Role.SECRETARY), null);
		this.feed.awaitIdle();
		this.mvc.perform(get("/api/v1/search").param("q", "pdf" + this.word).with(httpBasic(secretary, PASSWORD)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.hits[0].kind").value("ATTACHMENT"))
			.andExpect(jsonPath("$.hits[0].url").value("/matters/" + matter.getId() + "/attachments/" + pdf.getId()));
		this.mvc.perform(get("/api/v1/search").param("q", "docx" + this.word).with(httpBasic(secretary, PASSWORD)))
			.andExpect(jsonPath("$.total").value(1));
		// Before a notice carries the matter, its attachments are working papers.
		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(SearchQuery.of("pdf" + this.word)).total()).isZero();

		Meeting meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2023, 12, 5, 10, 0), LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.planning.addMatter(meeting.getId(), this.planning.meeting(meeting.getId()).getVersion(), matter.getId());
		this.notices.publish(meeting.getId(), this.planning.meeting(meeting.getId()).getVersion());

		this.feed.awaitIdle();
		SearchResults attachments = this.search.searchPublic(SearchQuery.of("pdf" + this.word));
		assertThat(attachments.total()).isEqualTo(1);
		assertThat(attachments.hits().get(0).url()).isEqualTo("/public/attachments/" + pdf.getId());
		this.feed.awaitIdle();
		SearchResults notice = this.search
			.searchPublic(new SearchQuery("licensavtal", List.of(this.board.code()), List.of(), List.of(EntryKind.NOTICE),
					null, null, 0));
		assertThat(notice.total()).isEqualTo(1);
		assertThat(notice.hits().get(0).url()).isEqualTo("/public/meetings/" + meeting.getId() + "/notice");
	}

	@Test
	void facetsCountHitsPerBoardYearAndKind() {
		this.register.register(this.board.code(), "Första " + this.word);
		this.register.register(this.board.code(), "Andra " + this.word);
		this.register.registerMigrated(this.board.code(), "Gammalt " + this.word,
				new DiaryNumber(this.board.code(), 2021, 901), LocalDate.of(2021, 3, 4));
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		this.register.register(other.code(), "Annan nämnds " + this.word);

		this.feed.awaitIdle();
		SearchResults results = this.search.searchPublic(SearchQuery.of(this.word));
		assertThat(results.total()).isEqualTo(4);
		assertThat(results.boards()).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.board.code(), 3L),
					org.assertj.core.groups.Tuple.tuple(other.code(), 1L));
		assertThat(results.boards().get(0).label()).isEqualTo(this.board.board().getName());
		assertThat(results.years()).extracting(SearchResults.FacetCount::value)
			.containsExactly(String.valueOf(LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear()), "2021");
		assertThat(results.kinds()).extracting(SearchResults.FacetCount::value).containsExactly("MATTER");

		this.feed.awaitIdle();
		SearchResults narrowed = this.search.searchPublic(new SearchQuery(this.word, List.of(this.board.code()),
				List.of(2021), List.of(), null, null, 0));
		assertThat(narrowed.hits()).extracting(SearchResults.Hit::title).containsExactly("Gammalt " + this.word);
	}

	@Test
	void theDateRangeKeepsHitsOfThoseDaysOnly() {
		this.register.registerMigrated(this.board.code(), "Tidigt " + this.word,
				new DiaryNumber(this.board.code(), 2019, 1), LocalDate.of(2019, 5, 2));
		this.register.registerMigrated(this.board.code(), "Sent " + this.word,
				new DiaryNumber(this.board.code(), 2022, 1), LocalDate.of(2022, 11, 30));
		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(new SearchQuery(this.word, List.of(), List.of(), List.of(),
				LocalDate.of(2019, 5, 2), LocalDate.of(2020, 1, 1), 0)).hits())
			.extracting(SearchResults.Hit::title)
			.containsExactly("Tidigt " + this.word);
		this.feed.awaitIdle();
		assertThat(this.search.searchPublic(new SearchQuery(this.word, List.of(), List.of(), List.of(),
				LocalDate.of(2022, 1, 1), null, 0)).hits())
			.extracting(SearchResults.Hit::title)
			.containsExactly("Sent " + this.word);
	}

	@Test
	void snippetsMarkTheMatchedWordsAndEscapeEverythingElse() {
		this.register.register(this.board.code(), "<script>alert(1)</script> Verksamhetsplan " + this.word);
		this.feed.awaitIdle();
		SearchResults results = this.search.searchPublic(SearchQuery.of("plan " + this.word));
		assertThat(results.total()).isEqualTo(1);
		String snippet = results.hits().get(0).snippet();
		assertThat(snippet).contains("<mark>").contains("&lt;script&gt;").doesNotContain("<script>");
		assertThat(snippet).containsIgnoringCase("<mark>" + this.word + "</mark>");
	}

	@Test
	void pagesHoldTenHitsEach() throws Exception {
		for (int i = 0; i < 12; i++) {
			this.register.register(this.board.code(), "Ärende " + i + " " + this.word);
		}
		this.feed.awaitIdle();
		SearchResults second = this.search.searchPublic(
				new SearchQuery(this.word, List.of(), List.of(), List.of(), null, null, 1));
		assertThat(second.total()).isEqualTo(12);
		assertThat(second.hits()).hasSize(2);
		assertThat(second.hasNext()).isFalse();
		String page = this.mvc.perform(get("/public/search").param("q", this.word))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("page=1").contains("<mark>");
	}

	@Test
	void badParametersAreAnsweredBesideTheirFields() throws Exception {
		this.mvc.perform(get("/api/v1/search").param("q", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
		this.mvc
			.perform(get("/api/v1/search").param("q", "budget")
				.param("from", "2024-13-01")
				.param("page", "-1")
				.param("kind", "SECRET")
				.param("year", "tjugo"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("from", "page",
					"kind", "year")));
		this.mvc.perform(get("/api/v1/search").param("q", "budget").param("from", "2024-02-01").param("to", "2024-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("Till-datumet ligger före från-datumet."));
		this.mvc.perform(get("/api/v1/search").param("q", "budget").param("page", "1000000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		String page = this.mvc.perform(get("/public/search").param("q", "budget").param("from", "igår"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"from-error\"").contains("igår").doesNotContain("id=\"results-heading\"");
	}

	@Test
	void whateverAnAnonymousVisitorTypesIsSearchedAsWordsNeverAnsweredWithAServerError() throws Exception {
		this.register.register(this.board.code(), "Upphandling av " + this.word);
		this.feed.awaitIdle();
		for (String q : List.of("a~", "a~5", this.word + "~", "\"a b\"~3", "a*", "*", "~", "(((", ")", "\\", "-", "|",
				"+", "\"", "a AND OR b")) {
			this.mvc.perform(get("/api/v1/search").param("q", q)).andExpect(status().isOk());
			this.mvc.perform(get("/public/search").param("q", q)).andExpect(status().isOk());
		}
		// The visible syntax still works: a tilde is no fuzzy operator, and the word is found as typed.
		this.mvc.perform(get("/api/v1/search").param("q", this.word + "~"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void wrongCredentialsAreRefusedRatherThanSearchedAsAnonymous() throws Exception {
		this.mvc.perform(get("/api/v1/search").param("q", "budget").with(httpBasic("nobody", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	private String account(Set<Role> roles, Long personId) {
		String username = "search-" + PeopleFixtures.uniqueCode().toLowerCase(Locale.ROOT);
		this.accounts.create(username, PASSWORD, roles, personId);
		return username;
	}

	private ReportContent report(String description) {
		return new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL, List.of("Nämnden beslutar enligt förslaget."),
				"", description, "Inga.", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21), List.of());
	}

	private static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
	}

}
