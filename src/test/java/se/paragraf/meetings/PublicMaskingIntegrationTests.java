package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.documents.MaskReview;
import se.paragraf.documents.MaskState;
import se.paragraf.documents.Masking;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

import static se.paragraf.documents.PdfFixtures.text;

/**
 * A personal identity number in an officer report is masked in the published notice unless the
 * secretary removes the mask; a passage the secretary adds is masked too; the official notice for
 * members keeps everything.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicMaskingIntegrationTests {

	/** Skatteverket's test number: a valid personnummer that belongs to nobody. */
	private static final String IDENTITY_NUMBER = "19121212-1212";

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	Masking masking;

	@Autowired
	MockMvc mvc;

	Meeting meeting;

	@BeforeEach
	void reportNamingAPerson() {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 4, 9, 10, 0),
				LocalDateTime.of(2024, 4, 9, 12, 0), null, "Teams");
		Matter matter = this.register.register(board.code(), "Skadeståndsanspråk");
		this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden avslår anspråket."), "",
				"Anspråket från Sven Svensson (" + IDENTITY_NUMBER + ") gäller en skadad dator i Morgårdshammar.", "Inga.",
				board.caseOfficer().getId(), LocalDate.of(2024, 3, 20), List.of(new DecisionRecipient("Akten", false, null))),
				0);
		this.planning.addMatter(this.meeting.getId(), version(), matter.getId());
	}

	@Test
	void aDetectedIdentityNumberIsMaskedInThePublicNoticeButNotInTheOfficialOne() throws Exception {
		Notice notice = this.notices.publish(this.meeting.getId(), version());

		assertThat(notice.getHtml()).doesNotContain(IDENTITY_NUMBER).contains("[maskerat]", "Sven Svensson");
		try (PDDocument pdf = Loader.loadPDF(this.notices.pdf(notice))) {
			assertThat(text(pdf, 1, pdf.getNumberOfPages())).doesNotContain(IDENTITY_NUMBER).contains("[maskerat]");
		}
		assertThat(notice.getOfficialHtml()).contains(IDENTITY_NUMBER);
		assertThat(page("/public/meetings/" + this.meeting.getId() + "/notice")).doesNotContain(IDENTITY_NUMBER);
	}

	@Test
	void theSecretaryMayRemoveAMaskAndAddAPassageBeforePublishing() throws Exception {
		String key = PublicText.noticeKey(this.meeting.getId());
		MaskReview review = this.masking.review(key);
		MaskReview.Section report = review.sections()
			.stream()
			.filter(s -> !s.masks().isEmpty())
			.findFirst()
			.orElseThrow();
		MaskReview.Mask proposal = report.masks().get(0);
		assertThat(proposal.state()).isEqualTo(MaskState.PROPOSED);
		assertThat(proposal.text()).isEqualTo(IDENTITY_NUMBER);

		this.masking.remove(key, proposal.id());
		this.masking.addPassage(key, report.section().key(), "Sven Svensson");
		Notice notice = this.notices.publish(this.meeting.getId(), version());

		assertThat(notice.getHtml()).contains(IDENTITY_NUMBER).doesNotContain("Sven Svensson");
		assertThat(notice.getOfficialHtml()).contains("Sven Svensson");
	}

	@Test
	void aPdfAttachmentNamingAPersonStaysOutOfThePublicNoticeUntilTheSecretaryClearsIt() throws Exception {
		Matter matter = this.register.matter(matterId());
		this.register.attachFile(matter.getId(), "Skadeanmälan", "anmalan.pdf", "application/pdf",
				new java.io.ByteArrayInputStream(se.paragraf.documents.PdfFixtures.pdfWithPages(1, "ANMALAN " + IDENTITY_NUMBER)));

		Notice withheld = this.notices.publish(this.meeting.getId(), version());

		assertThat(withheld.getHtml()).contains("Bilaga undantagen: innehåller personuppgifter");
		assertThat(pdfText(this.notices.pdf(withheld))).doesNotContain("ANMALAN");
		assertThat(withheld.getOfficialHtml()).contains("Skadeanmälan");

		String key = PublicText.noticeKey(this.meeting.getId());
		for (MaskReview.Section section : this.masking.review(key).sections()) {
			for (MaskReview.Mask mask : section.masks()) {
				this.masking.remove(key, mask.id());
			}
		}
		Notice cleared = this.notices.publish(this.meeting.getId(), version());

		assertThat(cleared.getHtml()).doesNotContain("Bilaga undantagen");
		assertThat(pdfText(this.notices.pdf(cleared))).contains("ANMALAN");
	}

	@Test
	void theMeetingPageLinksTheSecretaryToTheMaskingReview() throws Exception {
		String page = this.mvc.perform(get("/meetings/{id}", this.meeting.getId()).with(user("sekreterare").roles("SECRETARY")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("/masking/" + PublicText.noticeKey(this.meeting.getId()));
		assertThat(this.mvc.perform(get("/masking/{key}", PublicText.noticeKey(this.meeting.getId()))
			.with(user("sekreterare").roles("SECRETARY"))).andReturn().getResponse().getContentAsString())
			.contains("Skadeståndsanspråk", IDENTITY_NUMBER);
	}

	private static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return text(document, 1, document.getNumberOfPages());
		}
	}

	private Long matterId() {
		return this.planning.meeting(this.meeting.getId())
			.getAgenda()
			.stream()
			.filter(i -> i.getMatterId() != null)
			.findFirst()
			.orElseThrow()
			.getMatterId();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
