package se.paragraf.meetings.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.people.Person;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Reading with private notes (issue 15 §2): a member's notes are hers alone, bad notes are refused
 * with Swedish field errors and nothing saved, the download carries her notes and nobody else's, and
 * the notes of a member whose term has ended are forgotten by the nightly job.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

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

	@Autowired
	AccountService accounts;

	@Autowired
	PrivateNotes notes;

	@Autowired
	NoteForgetting forgetting;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	BoardWithPeople board;

	Meeting meeting;

	Attachment attachment;

	String chair;

	String member;

	String outsider;

	String leaver;

	String secretary;

	@BeforeAll
	void publishedNoticeWithAnAttachment() throws Exception {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 3, 12, 13, 0),
				LocalDateTime.of(2024, 3, 12, 16, 0), "Sammanträdesrum Tranan", null);
		Matter matter = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.attachment = this.register.attachFile(matter.getId(), "Budgetunderlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(3, "Budgetunderlag")));
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				matter.getId());
		this.notices.publish(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion());
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		List<Long> members = this.organisation.seats(this.board.board().getId(), LocalDate.of(2024, 3, 12))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.toList();
		this.chair = account("chair-" + suffix, Role.MEMBER, this.board.chair().getId());
		this.member = account("member-" + suffix, Role.MEMBER, members.get(0));
		this.secretary = account("secretary-" + suffix, Role.SECRETARY, null);
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		this.outsider = account("outsider-" + suffix, Role.MEMBER, other.chair().getId());
		Person leaving = this.organisation.addPerson("Avgående", suffix, null, null);
		this.organisation.addMembership(leaving.getId(), this.board.board().getId(), MembershipRole.MEMBER,
				LocalDate.of(2020, 1, 1), LocalDate.now(this.clock).minusDays(1));
		this.leaver = account("leaver-" + suffix, Role.MEMBER, leaving.getId());
	}

	@Test
	void aMembersNoteIsSeenByHerAloneAndOthersCannotChangeIt() throws Exception {
		long id = Long.parseLong(json(as(this.chair, post(notesUrl())), note("notice", 2, "Fråga om Kvittrasnurra"), 201)
			.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		assertThat(body(as(this.chair, get(notesUrl())), 200)).contains("Kvittrasnurra");
		assertThat(body(as(this.member, get(notesUrl())), 200)).doesNotContain("Kvittrasnurra");
		assertThat(body(as(this.secretary, get(notesUrl())), 200)).doesNotContain("Kvittrasnurra");
		assertThat(body(as(this.member, get("/meetings/" + this.meeting.getId() + "/reading")), 200)).doesNotContain("Kvittrasnurra");
		// Another member can neither rewrite nor delete it: to her it does not exist.
		json(as(this.member, put(notesUrl() + "/" + id)), note("notice", 2, "Överskrivet"), 404);
		body(as(this.member, delete(notesUrl() + "/" + id).with(csrf())), 404);
		assertThat(this.notes.findById(id)).get().extracting(PrivateNote::getBody).isEqualTo("Fråga om Kvittrasnurra");
		// Her own change and deletion work.
		json(as(this.chair, put(notesUrl() + "/" + id)), note("notice", 2, "Fråga om Kvittrasnurra, besvarad"), 200);
		assertThat(this.notes.findById(id)).get().extracting(PrivateNote::getBody)
			.isEqualTo("Fråga om Kvittrasnurra, besvarad");
		body(as(this.chair, delete(notesUrl() + "/" + id).with(csrf())), 204);
		assertThat(this.notes.findById(id)).isEmpty();
	}

	@Test
	void badNotesAreRefusedWithSwedishFieldErrorsAndNothingIsSaved() throws Exception {
		long before = this.notes.count();
		assertThat(json(as(this.member, post(notesUrl())), note("notice", 1, " "), 400)).contains("\"field\":\"body\"")
			.contains("Skriv något i anteckningen.");
		assertThat(json(as(this.member, post(notesUrl())), note("notice", 99, "Text"), 400)).contains("\"field\":\"page\"")
			.contains("Kallelsen har bara");
		assertThat(json(as(this.member, post(notesUrl())), note("attachment-999999", 1, "Text"), 400))
			.contains("\"field\":\"document\"");
		assertThat(json(as(this.member, post(notesUrl())), note("../etc", 1, "Text"), 400)).contains("Dokumentet finns inte.");
		assertThat(json(as(this.member, post(notesUrl())),
				"{\"document\":\"notice\",\"page\":1,\"kind\":\"HIGHLIGHT\",\"x\":0.9,\"y\":0.1,\"width\":0.5,\"height\":0.1}", 400))
			.contains("Markera ett område på sidan.");
		assertThat(json(as(this.member, post(notesUrl())), "{\"document\":", 400)).contains("kunde inte läsas");
		assertThat(json(as(this.member, post(notesUrl())), note("notice", 1, "x".repeat(4001)), 400))
			.contains("högst 4000 tecken");
		// Without the page's CSRF token a forged request changes nothing.
		MockHttpServletResponse forged = this.mvc
			.perform(post(notesUrl()).with(user(this.accounts.loadUserByUsername(this.member)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(note("notice", 1, "Förfalskad")))
			.andReturn()
			.getResponse();
		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(this.notes.count()).isEqualTo(before);
	}

	@Test
	void aMemberOfAnotherBoardCannotOpenTheReaderNorWriteNotes() throws Exception {
		body(as(this.outsider, get("/meetings/" + this.meeting.getId() + "/reading")), 403);
		json(as(this.outsider, post(notesUrl())), note("notice", 1, "Inte här"), 403);
		body(as(this.outsider, get("/meetings/" + this.meeting.getId() + "/reading/notice-with-notes.pdf")), 403);
	}

	@Test
	void theReaderListsTheNoticeAndTheAttachmentsForPdfJs() throws Exception {
		String page = body(as(this.member, get("/meetings/" + this.meeting.getId() + "/reading")), 200);
		assertThat(page).contains("data-document=\"notice\"")
			.contains("data-document=\"attachment-" + this.attachment.getId() + "\"")
			.contains("/meetings/" + this.meeting.getId() + "/official/attachments/" + this.attachment.getId())
			.contains("/js/reader");
		// An attachment of the notice takes notes too.
		json(as(this.member, post(notesUrl())), note("attachment-" + this.attachment.getId(), 3, "Bilagans sida tre"), 201);
	}

	@Test
	void theDownloadedNoticeCarriesHerNotesAsAnnotationsAndAListAndNobodyElses() throws Exception {
		json(as(this.chair, post(notesUrl())), note("notice", 2, "Ordförandens Blåklintsfråga"), 201);
		json(as(this.chair, post(notesUrl())),
				"{\"document\":\"notice\",\"page\":1,\"kind\":\"HIGHLIGHT\",\"body\":\"Viktigt stycke\",\"x\":0.1,\"y\":0.2,\"width\":0.5,\"height\":0.1}",
				201);
		json(as(this.member, post(notesUrl())), note("notice", 2, "Ledamotens Snödroppsfråga"), 201);
		byte[] pdf = bytes(as(this.chair, get("/meetings/" + this.meeting.getId() + "/reading/notice-with-notes.pdf")));
		int noticePages = this.notices.latest(this.meeting.getId()).orElseThrow().getOfficialPageCount();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(noticePages);
			List<PDAnnotation> onPage2 = document.getPage(1).getAnnotations();
			assertThat(onPage2).filteredOn(a -> a instanceof PDAnnotationText)
				.extracting(PDAnnotation::getContents)
				.contains("Ordförandens Blåklintsfråga")
				.doesNotContain("Ledamotens Snödroppsfråga");
			assertThat(document.getPage(0).getAnnotations()).filteredOn(a -> a instanceof PDAnnotationHighlight)
				.extracting(PDAnnotation::getContents)
				.contains("Viktigt stycke");
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(noticePages + 1);
			String list = stripper.getText(document);
			assertThat(list).contains("Mina anteckningar").contains("Sida 2").contains("Blåklintsfråga")
				.doesNotContain("Snödroppsfråga");
		}
		byte[] membersCopy = bytes(as(this.member, get("/meetings/" + this.meeting.getId() + "/reading/notice-with-notes.pdf")));
		try (PDDocument document = Loader.loadPDF(membersCopy)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Snödroppsfråga").doesNotContain("Blåklintsfråga");
		}
		// The official notice itself never changes.
		byte[] official = bytes(as(this.chair, get("/meetings/" + this.meeting.getId() + "/official/notice.pdf")));
		try (PDDocument document = Loader.loadPDF(official)) {
			assertThat(new PDFTextStripper().getText(document)).doesNotContain("Blåklintsfråga");
			assertThat(document.getPage(1).getAnnotations()).noneMatch(a -> a instanceof PDAnnotationText);
		}
	}

	@Test
	void theNightlyJobForgetsTheNotesOfAMemberWhoseTermEndedAndKeepsTheOthers() throws Exception {
		json(as(this.leaver, post(notesUrl())), note("notice", 1, "Avgåendes anteckning"), 201);
		json(as(this.member, post(notesUrl())), note("notice", 1, "Sittande ledamots anteckning"), 201);
		json(as(this.secretary, post(notesUrl())), note("notice", 1, "Sekreterarens anteckning"), 201);
		this.jdbc.update("delete from shedlock where name = ?", "meetings.forget-notes-of-ended-terms");
		this.forgetting.forgetNotesOfEndedTerms();
		assertThat(body(as(this.leaver, get(notesUrl())), 200)).isEqualTo("[]");
		assertThat(body(as(this.member, get(notesUrl())), 200)).contains("Sittande ledamots anteckning");
		assertThat(body(as(this.secretary, get(notesUrl())), 200)).contains("Sekreterarens anteckning");
		assertThat(this.jdbc.queryForObject("select count(*) from shedlock where name = ?", Integer.class,
				"meetings.forget-notes-of-ended-terms"))
			.as("the job ran under its ShedLock lock")
			.isEqualTo(1);
	}

	private String account(String username, Role role, Long personId) {
		this.accounts.create(username, PASSWORD, EnumSet.of(role), personId);
		return username;
	}

	private String notesUrl() {
		return "/meetings/" + this.meeting.getId() + "/reading/notes";
	}

	private static String note(String document, int page, String body) {
		return "{\"document\":\"" + document + "\",\"page\":" + page + ",\"kind\":\"NOTE\",\"body\":\"" + body + "\"}";
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		RequestPostProcessor who = user(this.accounts.loadUserByUsername(username));
		return request.with(who);
	}

	private String json(MockHttpServletRequestBuilder request, String content, int status) throws Exception {
		return body(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(content), status);
	}

	private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}

	private byte[] bytes(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

}
