package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.proceedings.Certification;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A private note is its author's alone (issue 15 §2): a member writes notes and a highlight with a
 * word that exists nowhere else on the notice and an attachment of a meeting that then goes all the
 * way to certified minutes; no public page, feed, document or OParl object, no search (public,
 * internal, the API), no official document or export (minutes, notice, the allowances for payroll),
 * no API answer and no other member's or the secretary's reading page may contain the word. Her own
 * reader and her own download do, so the word is really there to leak.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateNoteLeakTests {

	private static final String WORD = "Pärluggleviskning";

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

	@Autowired
	AccountService accounts;

	SecretMatterFixtures f;

	RequestPostProcessor author;

	RequestPostProcessor otherMember;

	RequestPostProcessor secretary;

	@BeforeAll
	void aMemberAnnotatesANoticeWhoseMeetingGoesToCertifiedMinutes() throws Exception {
		this.f = this.secretMeetings.publishedAndCertified();
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create("author-" + suffix, SecretMatterFixtures.PASSWORD, EnumSet.of(Role.MEMBER), this.f.member1());
		this.accounts.create("other-" + suffix, SecretMatterFixtures.PASSWORD, EnumSet.of(Role.MEMBER), this.f.member2());
		this.accounts.create("secretary-" + suffix, SecretMatterFixtures.PASSWORD, EnumSet.of(Role.SECRETARY, Role.ADMIN),
				null);
		this.author = user(this.accounts.loadUserByUsername("author-" + suffix));
		this.otherMember = user(this.accounts.loadUserByUsername("other-" + suffix));
		this.secretary = user(this.accounts.loadUserByUsername("secretary-" + suffix));
		plant("{\"document\":\"notice\",\"page\":1,\"kind\":\"NOTE\",\"body\":\"Fråga om " + WORD + "\"}");
		plant("{\"document\":\"notice\",\"page\":2,\"kind\":\"HIGHLIGHT\",\"body\":\"" + WORD
				+ " här\",\"x\":0.1,\"y\":0.1,\"width\":0.5,\"height\":0.2}");
		plant("{\"document\":\"attachment-" + this.f.openAttachment().getId() + "\",\"page\":1,\"kind\":\"NOTE\",\"body\":\""
				+ WORD + " i bilagan\"}");
	}

	@Test
	void theWordIsInTheAuthorsOwnReaderAndDownload() throws Exception {
		assertThat(read(get(notesPath()), this.author)).contains(WORD);
		assertThat(read(get(reading() + "/notice-with-notes.pdf"), this.author)).contains(WORD);
	}

	@Test
	void noPublicPageFeedOrDocumentHoldsANote() throws Exception {
		Long meeting = this.f.meeting().getId();
		String board = this.f.board().code();
		String municipality = this.f.municipalityCode(this.organisation);
		int minutes = this.certification.certified(meeting).orElseThrow().getVersionNumber();
		List<String> paths = new ArrayList<>(List.of("/", "/public/meetings", "/public/meetings/" + meeting,
				"/public/boards/" + board, "/public/register", "/public/register?board=" + board,
				"/public/matters/" + this.f.open().getId(), "/public/notice-boards/" + municipality,
				"/public/notice-boards/" + municipality + "/feed.atom", "/public/calendar/boards/" + board + ".ics",
				"/public/calendar/persons/" + this.f.member1() + ".ics", "/public/meetings/" + meeting + "/notice",
				"/public/meetings/" + meeting + "/notice.pdf", "/public/meetings/" + meeting + "/notices/1",
				"/public/meetings/" + meeting + "/notices/1.pdf", "/public/meetings/" + meeting + "/minutes",
				"/public/meetings/" + meeting + "/minutes.pdf", "/public/meetings/" + meeting + "/minutes/" + minutes + ".pdf",
				"/public/attachments/" + this.f.openAttachment().getId()));
		for (String path : paths) {
			assertThat(read(get(path), null)).as(path).doesNotContainIgnoringCase(WORD);
		}
	}

	@Test
	void noSearchFindsANoteNeitherForThePublicNorForTheAuthorNorForStaff() throws Exception {
		String q = java.net.URLEncoder.encode(WORD, StandardCharsets.UTF_8);
		assertThat(read(get("/public/search?q=" + q), null)).doesNotContain(WORD.substring(1));
		assertThat(read(get("/api/v1/search?q=" + q), null)).doesNotContain(WORD.substring(1));
		assertThat(read(get("/api/v1/search?q=" + q), this.secretary)).doesNotContain(WORD.substring(1));
		assertThat(read(get("/search?q=" + q), this.author)).doesNotContain(WORD.substring(1));
		assertThat(read(get("/search?q=" + q), this.secretary)).doesNotContain(WORD.substring(1));
	}

	@Test
	void noOParlObjectHoldsANote() throws Exception {
		Set<Long> ours = Set.of(this.f.board().board().getHostMunicipalityId());
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(ORIGIN + "/oparl/v1/system"));
		int visited = 0;
		while (!queue.isEmpty() && visited < 5000) {
			String url = queue.poll();
			if (!seen.add(url)) {
				continue;
			}
			String body = read(get(url.substring(ORIGIN.length())), null);
			assertThat(body).as(url).doesNotContainIgnoringCase(WORD);
			visited++;
			Matcher links = OPARL_LINK.matcher(body);
			while (links.find()) {
				String link = links.group(1);
				Matcher bodyLink = Pattern.compile("/oparl/v1/body/(\\d+)/").matcher(link);
				boolean oursOrNone = !bodyLink.find() || ours.contains(Long.valueOf(bodyLink.group(1)));
				if (!link.endsWith("/access") && !link.endsWith("/download") && oursOrNone && !seen.contains(link)) {
					queue.add(link);
				}
			}
		}
		assertThat(seen).contains(ORIGIN + "/oparl/v1/meeting/" + this.f.meeting().getId());
	}

	@Test
	void noOfficialDocumentApiAnswerOrPayrollExportHoldsANote() throws Exception {
		Long meeting = this.f.meeting().getId();
		int minutes = this.certification.certified(meeting).orElseThrow().getVersionNumber();
		for (String path : List.of("/meetings/" + meeting + "/official/notice", "/meetings/" + meeting + "/official/notice.pdf",
				"/meetings/" + meeting + "/official/minutes/" + minutes,
				"/meetings/" + meeting + "/official/minutes/" + minutes + ".pdf",
				"/meetings/" + meeting + "/official/attachments/" + this.f.openAttachment().getId(),
				"/api/v1/meetings/" + meeting, "/api/v1/meetings/" + meeting + "/notices",
				"/api/v1/meetings/" + meeting + "/conduct", "/my/meetings")) {
			assertThat(read(get(path), this.author)).as(path).doesNotContainIgnoringCase(WORD);
			assertThat(read(get(path), this.secretary)).as(path).doesNotContainIgnoringCase(WORD);
		}
		String code = this.f.board().code();
		String run = read(post("/api/v1/boards/" + code + "/allowances/2024-03/payroll-runs"), this.secretary, 201);
		String id = run.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
		assertThat(run).doesNotContain(WORD);
		assertThat(read(get("/allowances/runs/" + id + ".csv"), this.secretary)).doesNotContain(WORD);
		assertThat(read(get("/allowances/runs/" + id + ".xlsx"), this.secretary)).contains("Namn").doesNotContain(WORD);
		assertThat(read(get("/allowances?board=" + code + "&month=2024-03"), this.secretary)).doesNotContain(WORD);
	}

	@Test
	void anotherMemberAndTheSecretarySeeNoneOfHerNotes() throws Exception {
		for (RequestPostProcessor reader : List.of(this.otherMember, this.secretary)) {
			assertThat(read(get(reading()), reader)).doesNotContain(WORD);
			assertThat(read(get(notesPath()), reader)).doesNotContain(WORD);
			assertThat(read(get(reading() + "/notice-with-notes.pdf"), reader)).doesNotContain(WORD);
		}
	}

	private void plant(String json) throws Exception {
		read(post(notesPath()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json), this.author, 201);
	}

	private String reading() {
		return "/meetings/" + this.f.meeting().getId() + "/reading";
	}

	private String notesPath() {
		return reading() + "/notes";
	}

	private String read(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return read(request, who, 200);
	}

	/** The answer as text: a PDF's text with its annotations' contents, a workbook's cells, else the body. */
	private String read(MockHttpServletRequestBuilder request, RequestPostProcessor who, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(who == null ? request : request.with(who)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(request.toString()).isEqualTo(status);
		byte[] bytes = response.getContentAsByteArray();
		String type = String.valueOf(response.getContentType());
		if (type.startsWith("application/pdf")) {
			try (PDDocument document = Loader.loadPDF(bytes)) {
				StringBuilder text = new StringBuilder(new PDFTextStripper().getText(document));
				for (PDPage page : document.getPages()) {
					for (PDAnnotation annotation : page.getAnnotations()) {
						text.append('\n').append(annotation.getContents());
					}
				}
				return text.toString();
			}
		}
		if (type.contains("spreadsheetml")) {
			StringBuilder text = new StringBuilder();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
				for (Row row : workbook.getSheetAt(0)) {
					for (Cell cell : row) {
						text.append(cell).append(';');
					}
				}
			}
			return text.toString();
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
