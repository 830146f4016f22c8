package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;
import static se.paragraf.documents.PdfFixtures.text;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.text.RichText;

/**
 * Publishing a notice: the PDF carries the agenda with diary numbers and the real page range of
 * each item's documents, PDF attachments are merged in, and a published version never changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticePublicationIntegrationTests {

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
	RichText richText;

	BoardWithPeople board;

	Meeting meeting;

	Matter budget;

	Matter schedule;

	@BeforeEach
	void meetingWithTwoMatters() throws IOException {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		String longText = "Förvaltningen har färdigställt driftdetaljbudgeten.\n\n".repeat(120);
		this.register.writeReport(this.budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024.", "Nämnden godkänner verksamhetsplanen."),
				"", longText, "Inga tillkommande kostnader.", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Kommunstyrelsen", true, null), new DecisionRecipient("Akten", false, null))),
				0);
		this.register.attachFile(this.budget.getId(), "Budgetunderlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(pdfWithPages(3, "BUDGETUNDERLAG")));
		this.schedule = this.register.register(this.board.code(), "Sammanträdesplan 2024");
		this.planning.addMatter(this.meeting.getId(), version(), this.budget.getId());
		this.planning.addMatter(this.meeting.getId(), version(), this.schedule.getId());
	}

	@Test
	void theCoverListsEachItemWithDiaryNumberAndThePagesItReallyOccupies() throws IOException {
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		byte[] pdf = this.notices.pdf(notice);
		List<NoticeEntry> entries = notice.getEntries();
		assertThat(entries).extracting(NoticeEntry::title)
			.containsExactly("Val av justerare", "Anmälan av extra ärenden", "Detaljbudget 2024", "Sammanträdesplan 2024",
					"Information från verksamheten");
		assertThat(entries.get(2).diaryNumber()).isEqualTo(this.budget.getDiaryNumber().toString());
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(notice.getPageCount());
			String cover = text(document, 1, 1);
			assertThat(cover).contains("Tisdag 5 december 2023, kl. 10:00", "Digitalt via Netpuplicator",
					this.budget.getDiaryNumber().toString(), this.schedule.getDiaryNumber().toString(),
					this.board.chair().getFullName(), "ordförande", "nämndsekreterare");
			int expectedFirst = 2;
			for (NoticeEntry entry : entries) {
				assertThat(entry.firstPage()).as("first page of %s", entry.title()).isEqualTo(expectedFirst);
				assertThat(cover).contains(entry.pages());
				expectedFirst = entry.lastPage() + 1;
			}
			assertThat(expectedFirst - 1).isEqualTo(document.getNumberOfPages());
			NoticeEntry budgetEntry = entries.get(2);
			assertThat(text(document, budgetEntry.firstPage(), budgetEntry.firstPage()))
				.contains("Detaljbudget 2024", "Förvaltningens förslag till beslut");
			String budgetPages = text(document, budgetEntry.firstPage(), budgetEntry.lastPage());
			assertThat(budgetPages).contains("BUDGETUNDERLAG 3", "Kommunstyrelsen för kännedom");
			assertThat(budgetEntry.lastPage() - budgetEntry.firstPage() + 1).as("report pages plus 3 attachment pages")
				.isGreaterThanOrEqualTo(5);
			assertThat(text(document, entries.get(3).firstPage(), entries.get(3).lastPage()))
				.contains("Sammanträdesplan 2024")
				.doesNotContain("BUDGETUNDERLAG");
			assertThat(document.getDocumentInformation().getTitle()).startsWith("Kallelse");
			String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(xmp).as("PDF/A-2u identification").containsPattern("pdfaid:part[=>\"]+2")
				.containsPattern("pdfaid:conformance[=>\"]+U");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged for PDF/UA").isTrue();
		}
	}

	@Test
	void theAttachmentsOfAMatterOnAPublishedNoticeBecomePublicDocuments() throws Exception {
		Long attachment = this.register.attachments(this.budget.getId()).get(0).getId();
		this.mvc.perform(get("/public/attachments/{id}", attachment)).andExpect(status().isNotFound());
		this.notices.publish(this.meeting.getId(), version());
		this.mvc.perform(get("/public/attachments/{id}", attachment))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

	@Test
	void republishingMakesANewVersionAndTheOldOneStaysAsItWas() throws IOException {
		Notice first = this.notices.publish(this.meeting.getId(), version());
		byte[] firstPdf = this.notices.pdf(first);
		this.planning.addOralInformation(this.meeting.getId(), version(), "Information om nätupprustningen");
		Notice second = this.notices.publish(this.meeting.getId(), version());
		assertThat(second.getVersionNumber()).isEqualTo(first.getVersionNumber() + 1);
		assertThat(this.notices.pdf(this.notices.version(this.meeting.getId(), first.getVersionNumber())))
			.isEqualTo(firstPdf);
		assertThat(this.notices.version(this.meeting.getId(), first.getVersionNumber()).getHtml())
			.doesNotContain("nätupprustningen");
		assertThat(second.getHtml()).contains("Information om nätupprustningen")
			.contains("/public/meetings/" + this.meeting.getId() + "/notices/" + second.getVersionNumber() + ".pdf");
		assertThat(this.notices.latest(this.meeting.getId())).get().extracting(Notice::getVersionNumber)
			.isEqualTo(second.getVersionNumber());
	}

	@Test
	void thePublishedPageNeverCarriesScriptFromAReport() {
		this.register.writeReport(this.schedule.getId(), new ReportContent("", ProposalKind.DECISION,
				List.of("Beslut <script>alert('x')</script>"), "<img src=x onerror=alert(1)>Sammanfattning",
				"[klick](javascript:alert(1))", "", null, null, List.of()), 0);
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(notice.getHtml()).doesNotContain("<script", "onerror", "javascript:");
	}

	@Test
	void anEmbedWithAnAbsurdYearIsAnInlineNoticeAndNeitherTheMatterPageNorThePublicationFails() throws Exception {
		String code = this.board.code();
		this.register.writeReport(this.schedule.getId(), new ReportContent("", ProposalKind.DECISION,
				List.of("Nämnden fastställer sammanträdesplanen."), "",
				"Planen:\n\n{{meetings.schedule board=" + code + " year=2000000000}}\n\n"
						+ "{{internalcontrol.followup board=" + code + " year=2000000000 origin=board}}\n\nSlut.",
				"", null, null, List.of()), 0);
		this.mvc.perform(get("/matters/" + this.schedule.getId()).with(user("officer").roles("CASE_OFFICER")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"Inbäddningen kunde inte visas: året måste vara mellan 2000 och 2100")));
		Notice notice = this.notices.publish(this.meeting.getId(), version());
		assertThat(notice.getHtml()).contains("Inbäddningen kunde inte visas: året måste vara mellan 2000 och 2100",
				"Slut.");
	}

	@Test
	void everyKindOfEmbedWithABadArgumentRendersAnInlineNoticeInsteadOfFailing() {
		String code = this.board.code();
		List<String> embeds = List.of("budget.activities board=" + code + " year=2000000000",
				"budget.activities board=" + code + " year=2024 version=99999999999",
				"budget.totals board=NOSUCHBOARD year=2024", "budget.activities board=" + code + " year=tjugo",
				"budget.nosuchtable board=" + code + " year=2024", "plans.document board=" + code + " year=2000000000",
				"plans.document board=" + code + " year=-2147483648", "plans.goals board=NOSUCHBOARD year=2024",
				"plans.document board=" + code + " year=abc",
				"internalcontrol.followup board=" + code + " year=2147483647 origin=board",
				"internalcontrol.followup board=" + code + " year=2024 origin=board rows=99999999999",
				"internalcontrol.followup board=NOSUCHBOARD year=2024 origin=common",
				"internalcontrol.followup board=" + code + " year=2024 origin=nowhere",
				"meetings.schedule board=" + code + " year=2000000000", "meetings.schedule board=" + code + " year=-1",
				"meetings.schedule board=NOSUCHBOARD year=2024", "meetings.schedule board=" + code,
				"nosuchkind.table board=" + code + " year=2024");
		for (String embed : embeds) {
			assertThat(this.richText.toHtml("{{" + embed + "}}")).as(embed)
				.contains("class=\"embed-missing\"", "Inbäddningen kunde inte visas: ");
		}
		for (String embed : List.of("budget.activities board=" + code + " year=2000000000",
				"plans.document board=" + code + " year=2000000000",
				"internalcontrol.followup board=" + code + " year=2147483647 origin=board",
				"meetings.schedule board=" + code + " year=2000000000")) {
			assertThat(this.richText.toHtml("{{" + embed + "}}")).as(embed)
				.contains("året måste vara mellan 2000 och 2100");
		}
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}



}
