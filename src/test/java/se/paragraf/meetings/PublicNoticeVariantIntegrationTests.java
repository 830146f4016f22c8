package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;
import static se.paragraf.documents.PdfFixtures.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;
import se.paragraf.proceedings.CertificationIntegrationTests;

/**
 * The public notice withholds what is secret: a secret matter keeps its number and diary number,
 * its title gives way to the ground, its report and attachments stay out; a secret attachment of a
 * public matter is listed as withheld. The official notice, for members and staff, has it all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicNoticeVariantIntegrationTests {


	private static final String SECRET_TITLE = "Placering av barnet Kalle Hemlig";

	private static final String SECRET_REPORT = "Vårdnadshavarnas missbruk";

	private static final String SECRET_ATTACHMENT = "Utredning enligt socialtjänstlagen";

	private static final String SECRET_PDF = "LSSUTREDNING";

	private static final String WITHHELD = "Sekretess enligt 26 kap. 1 § OSL";

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	AccountService accounts;

	BoardWithPeople board;

	Meeting meeting;

	Matter secret;

	Matter budget;

	Attachment secretAttachment;

	Attachment budgetAttachment;

	Attachment hiddenBudgetAttachment;

	@BeforeEach
	void meetingWithASecretMatter() throws IOException {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2023, 12, 5, 10, 0), LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.secret = this.register.register(this.board.code(), SECRET_TITLE);
		this.register.writeReport(this.secret.getId(), report(SECRET_REPORT + " gör att barnet behöver placeras."), 0);
		this.secretAttachment = this.register.attachFile(this.secret.getId(), SECRET_ATTACHMENT, "utredning.pdf",
				"application/pdf", new ByteArrayInputStream(pdfWithPages(2, SECRET_PDF)));
		this.register.classify(this.secret.getId(), Confidentiality.confidential("26 kap. 1 §"),
				this.register.matter(this.secret.getId()).getVersion());
		this.budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.register.writeReport(this.budget.getId(), report("Förvaltningen har färdigställt budgeten."), 0);
		this.budgetAttachment = this.register.attachFile(this.budget.getId(), "Budgetunderlag", "underlag.pdf",
				"application/pdf", new ByteArrayInputStream(pdfWithPages(1, "BUDGETUNDERLAG")));
		this.hiddenBudgetAttachment = this.register.attachFile(this.budget.getId(), "Anbud från leverantören",
				"anbud.pdf", "application/pdf", new ByteArrayInputStream(pdfWithPages(3, "AFFARSHEMLIGHET")));
		this.register.classifyAttachment(this.hiddenBudgetAttachment.getId(),
				Confidentiality.confidential("31 kap. 16 §"));
		this.planning.addMatter(this.meeting.getId(), version(), this.budget.getId());
		this.planning.addMatter(this.meeting.getId(), version(), this.secret.getId());
	}

	private ReportContent report(String description) {
		return new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL, List.of("Nämnden beslutar enligt förslaget."),
				"", description, "", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21), List.of());
	}

	@Test
	void aSecretMatterKeepsItsNumberAndDiaryNumberInThePublicNoticeAndNothingElse() throws IOException {
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		NoticeEntry entry = entryOf(notice.getEntries(), this.secret);
		assertThat(entry.title()).isEqualTo(WITHHELD);
		assertThat(entry.diaryNumber()).isEqualTo(this.secret.getDiaryNumber().toString());
		assertThat(notice.getHtml()).contains(WITHHELD, this.secret.getDiaryNumber().toString())
			.doesNotContain(SECRET_TITLE, SECRET_REPORT, SECRET_ATTACHMENT,
					"/public/attachments/" + this.secretAttachment.getId());
		try (PDDocument pdf = Loader.loadPDF(this.notices.pdf(notice))) {
			String all = all(pdf);
			assertThat(all).contains(WITHHELD, this.secret.getDiaryNumber().toString())
				.doesNotContain(SECRET_TITLE, SECRET_REPORT, SECRET_ATTACHMENT, SECRET_PDF);
		}
	}

	@Test
	void theOfficialNoticeHasTheSecretMatterInFull() throws IOException {
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(notice.hasOfficialVariant()).isTrue();
		assertThat(entryOf(notice.getOfficialEntries(), this.secret).title()).isEqualTo(SECRET_TITLE);
		assertThat(notice.getOfficialHtml()).contains(SECRET_TITLE, SECRET_REPORT, SECRET_ATTACHMENT)
			.doesNotContain(WITHHELD);
		try (PDDocument pdf = Loader.loadPDF(this.notices.officialPdf(notice))) {
			assertThat(all(pdf)).contains(SECRET_TITLE, SECRET_REPORT, SECRET_PDF + " 2",
					"AFFARSHEMLIGHET 3");
			assertThat(pdf.getNumberOfPages()).isEqualTo(notice.getOfficialPageCount())
				.isGreaterThan(notice.getPageCount());
		}
	}

	@Test
	void aSecretAttachmentOfAPublicMatterIsListedAsWithheldAndLeftOut() throws IOException {
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(notice.getHtml()).contains("Bilaga undantagen enligt 31 kap. 16 § OSL", "Budgetunderlag",
				"/public/attachments/" + this.budgetAttachment.getId())
			.doesNotContain("Anbud från leverantören", "/public/attachments/" + this.hiddenBudgetAttachment.getId());
		try (PDDocument pdf = Loader.loadPDF(this.notices.pdf(notice))) {
			assertThat(all(pdf)).contains("BUDGETUNDERLAG 1", "Bilaga undantagen enligt")
				.doesNotContain("AFFARSHEMLIGHET", "Anbud från leverantören");
		}
	}

	@Test
	void thePublicCoverListsThePagesOfThePublicPdf() throws Exception {
		// The fixture's attachment PDF is not archival (its font is not embedded); without it the
		// public PDF is Paragraf's own rendering only, which must stay PDF/A-2u.
		this.register.withdrawAttachment(this.budgetAttachment.getId());
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		byte[] bytes = this.notices.pdf(notice);
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(notice.getPageCount());
			String cover = text(pdf, 1, 1);
			int expectedFirst = 2;
			for (NoticeEntry entry : notice.getEntries()) {
				assertThat(entry.firstPage()).as("first page of %s", entry.title()).isEqualTo(expectedFirst);
				assertThat(cover).contains(entry.pages());
				if (entry.kind() == AgendaItemKind.MATTER) {
					assertThat(text(pdf, entry.firstPage(), entry.firstPage())).as("page %s", entry.firstPage())
						.contains(entry.title());
				}
				expectedFirst = entry.lastPage() + 1;
			}
			assertThat(expectedFirst - 1).isEqualTo(pdf.getNumberOfPages());
		}
		CertificationIntegrationTests.assertPdfA2u(bytes);
	}

	@Test
	void anonymousReadersGetThePublicNoticeAndMembersTheOfficialOne() throws Exception {
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		Long id = this.meeting.getId();
		int v = notice.getVersionNumber();
		for (String path : List.of("/public/meetings/" + id + "/notice", "/public/meetings/" + id + "/notices/" + v)) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(WITHHELD)))
				.andExpect(content().string(not(containsString(SECRET_TITLE))));
		}
		for (String path : List.of("/public/meetings/" + id + "/notice.pdf", "/public/meetings/" + id + "/notices/" + v + ".pdf")) {
			byte[] pdf = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(all(document)).doesNotContain(SECRET_TITLE, SECRET_PDF);
			}
		}
		for (String path : List.of("/meetings/" + id + "/official/notice", "/meetings/" + id + "/official/notices/" + v)) {
			this.mvc.perform(get(path).with(member()))
				.andExpect(status().isOk())
				.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("private")))
				.andExpect(content().string(containsString(SECRET_TITLE)));
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
		byte[] official = this.mvc.perform(get("/meetings/" + id + "/official/notice.pdf").with(member()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(official)) {
			assertThat(all(document)).contains(SECRET_TITLE, SECRET_PDF);
		}
		this.mvc.perform(get("/my/meetings").with(member())).andExpect(status().isOk());
		this.mvc.perform(get("/meetings/" + id + "/official/attachments/" + this.secretAttachment.getId()).with(member()))
			.andExpect(status().isOk());
	}

	@Test
	void theOfficialNoticeIsForStaffAndTheBoardsOwnMembersOnly() throws Exception {
		Long id = this.meeting.getId();
		this.notices.publish(id, version());
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		String outsider = "ledamot-" + PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create(outsider, "an outsider's password", EnumSet.of(Role.MEMBER), other.chair().getId());

		this.mvc.perform(get("/meetings/" + id + "/official/notice").with(user(this.accounts.loadUserByUsername(outsider))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/" + id + "/official/notice").with(user("ekonom").roles("ECONOMIST")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/" + id + "/official/notice").with(user("handlaggare").roles("CASE_OFFICER")))
			.andExpect(status().isOk());
	}

	/** A member of this meeting's board, signed in with a real account. */
	private RequestPostProcessor member() {
		String username = "ledamot-" + PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create(username, "a member's password", EnumSet.of(Role.MEMBER), this.board.chair().getId());
		return user(this.accounts.loadUserByUsername(username));
	}

	@Test
	void theAttachmentsOfASecretMatterNeverBecomePublicDocuments() throws Exception {
		this.notices.publish(this.meeting.getId(), version());
		assertThat(this.notices.isPublished(this.secret.getId())).isFalse();
		assertThat(this.notices.isPublished(this.budget.getId())).isTrue();
		this.mvc.perform(get("/public/attachments/{id}", this.secretAttachment.getId())).andExpect(status().isNotFound());
	}

	@Test
	void anItemMarkedSecretOnTheAgendaIsWithheldThoughItsMatterIsPublic() throws IOException {
		AgendaItem item = itemOf(this.budget);
		this.planning.classifyItem(this.meeting.getId(), version(), item.getId(),
				Confidentiality.confidential("21 kap. 1 §"));
		assertThat(this.planning.confidentialityOf(itemOf(this.budget)).citation()).isEqualTo("21 kap. 1 § OSL");
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(entryOf(notice.getEntries(), this.budget).title()).isEqualTo("Sekretess enligt 21 kap. 1 § OSL");
		assertThat(notice.getHtml()).doesNotContain("Detaljbudget 2024", "färdigställt budgeten", "Budgetunderlag");
		assertThat(notice.getOfficialHtml()).contains("Detaljbudget 2024", "färdigställt budgeten");
		assertThat(this.notices.isPublished(this.budget.getId())).isFalse();
	}

	@Test
	void aNoticeWithNothingSecretIsOneAndTheSameForEveryone() {
		this.planning.removeItem(this.meeting.getId(), version(), itemOf(this.secret).getId());
		this.register.classifyAttachment(this.hiddenBudgetAttachment.getId(), Confidentiality.open());
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(notice.hasOfficialVariant()).isFalse();
		assertThat(notice.getOfficialHtml()).isEqualTo(notice.getHtml());
		assertThat(notice.getOfficialPdfSha256()).isEqualTo(notice.getPdfSha256());
		assertThat(notice.getOfficialEntries()).isEqualTo(notice.getEntries());
	}

	@Test
	void thePublicNoticeStillAnswersConditionalRequests() throws Exception {
		this.notices.publish(this.meeting.getId(), version());
		for (String path : List.of("/public/meetings/" + this.meeting.getId() + "/notices/1",
				"/public/meetings/" + this.meeting.getId() + "/notices/1.pdf")) {
			String etag = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("immutable")))
				.andReturn()
				.getResponse()
				.getHeader(HttpHeaders.ETAG);
			this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
		}
	}

	@Test
	void itemsWithNothingSecretAreRenderedOnceForBothVariantsAndEachVariantKeepsItsOwnPageNumbers() throws IOException {
		Timer renderings = this.meters.get("paragraf.pdf.render").timer();
		long before = renderings.count();
		this.notices.preview(this.meeting.getId());
		long oneVariant = renderings.count() - before;

		before = renderings.count();
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		long bothVariants = renderings.count() - before;

		// Two compositions apart would render every chunk twice; the secret items' chunks alone differ.
		assertThat(bothVariants).isLessThan(2 * oneVariant);
		try (PDDocument pdf = Loader.loadPDF(this.notices.pdf(notice));
				PDDocument official = Loader.loadPDF(this.notices.officialPdf(notice))) {
			assertThat(text(pdf, 2, 2)).contains("2 (" + pdf.getNumberOfPages() + ")");
			assertThat(text(official, 2, 2)).contains("2 (" + official.getNumberOfPages() + ")");
			assertThat(official.getNumberOfPages()).isGreaterThan(pdf.getNumberOfPages());
		}
	}

	@Test
	void thePublicPreviewWithholdsAndTheOfficialPreviewShowsAll() {
		assertThat(this.notices.previewHtml(this.meeting.getId(), false)).contains(WITHHELD).doesNotContain(SECRET_TITLE);
		assertThat(this.notices.previewHtml(this.meeting.getId(), true)).contains(SECRET_TITLE);
	}

	/** The whole PDF's text, line breaks as spaces, so that a wrapped phrase is found (or surely absent). */
	private static String all(PDDocument pdf) throws IOException {
		return text(pdf, 1, pdf.getNumberOfPages()).replaceAll("\\s+", " ");
	}

	private NoticeEntry entryOf(List<NoticeEntry> entries, Matter matter) {
		return entries.stream().filter(e -> matter.getId().equals(e.matterId())).findFirst().orElseThrow();
	}

	private AgendaItem itemOf(Matter matter) {
		return this.planning.meeting(this.meeting.getId())
			.getAgenda()
			.stream()
			.filter(i -> matter.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow();
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
