package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.security.SignedIn;

/**
 * The minutes as a Word document keep the secrecy of their PDF variants: the public .docx shows a
 * secret section's number and ground but not its decision or dissent; the secretaries' .docx is the
 * official record with everything in it; there is no public .docx before the minutes are certified.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MinutesWordIntegrationTests {

	private static final String DECISION = "Nämnden godkänner driftdetaljbudgeten för 2024.";

	private static final String DISSENT = "Budgeten göder hemliga konsulter i Word.";

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	AccountService accounts;

	@Autowired
	MockMvc mvc;

	ConductFixtures f;

	String chairUser;

	String checkerUser;

	@BeforeEach
	void heldMeeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.chairUser = "wchair-" + suffix;
		this.checkerUser = "wchecker-" + suffix;
		this.accounts.create(this.chairUser, CertificationIntegrationTests.PASSWORD, EnumSet.of(Role.MEMBER), this.f.chair());
		this.accounts.create(this.checkerUser, CertificationIntegrationTests.PASSWORD, EnumSet.of(Role.MEMBER),
				this.f.member1());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void thePublicWordMinutesLeaveTheSecretSectionOutAndTheSecretariesCopyHasItAll() throws Exception {
		Long id = this.f.meeting().getId();
		Long budgetItem = this.f.matterItem(this.planning, this.f.budget()).getId();
		MeetingRecord record = this.f.holdMeeting(this.conduct, this.planning);
		record = this.conduct.dissent(id, record.getVersion(), budgetItem, this.f.member2(), DISSENT);
		record = this.conduct.classifySection(id, record.getVersion(), budgetItem, Confidentiality.confidential("21 kap. 1 §"));
		int section = record.decisionOn(budgetItem).orElseThrow().getSectionNumber();
		this.certification.draw(id);

		this.mvc.perform(get("/public/meetings/{id}/minutes.docx", id)).andExpect(status().isNotFound());
		String draft = text(this.mvc.perform(get("/meetings/{id}/minutes.docx", id).with(user("sekreterare").roles("SECRETARY")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("utkast.docx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(draft).contains(DECISION, DISSENT, "Sammanträdesprotokoll", "UTKAST");

		certify(id);
		String published = text(this.mvc.perform(get("/public/meetings/{id}/minutes.docx", id))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(published).contains("§ " + section, "Sekretess enligt 21 kap. 1 § OSL", "Sammanträdesprotokoll")
			.doesNotContain(DECISION, DISSENT, "UTKAST");
		String official = text(this.mvc.perform(get("/meetings/{id}/minutes.docx", id).with(user("sekreterare").roles("SECRETARY")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(official).contains(DECISION, DISSENT).doesNotContain("UTKAST");
	}

	@Test
	void theSecretaryFindsTheWordDraftOnTheConductPageAndThePublicTheCertifiedMinutesOnTheMeetingPage() throws Exception {
		Long id = this.f.meeting().getId();
		this.f.holdMeeting(this.conduct, this.planning);
		this.certification.draw(id);
		String wordDraft = "/meetings/" + id + "/minutes.docx";
		String wordPublic = "/public/meetings/" + id + "/minutes.docx";

		String conductPage = this.mvc.perform(get("/meetings/{id}/conduct", id).with(user("sekreterare").roles("SECRETARY")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(conductPage).contains("href=\"" + wordDraft + "\"");
		assertThat(this.mvc.perform(get("/public/meetings/{id}", id)).andReturn().getResponse().getContentAsString())
			.doesNotContain(wordPublic);

		certify(id);
		assertThat(this.mvc.perform(get("/public/meetings/{id}", id)).andReturn().getResponse().getContentAsString())
			.contains("href=\"" + wordPublic + "\"");
	}

	private static String text(byte[] docx) throws Exception {
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(word)) {
			return extractor.getText().replaceAll("\\s+", " ");
		}
	}

	private void certify(Long id) {
		SignedIn.as(this.accounts, this.chairUser);
		this.certification.sign(id, CertificationIntegrationTests.PASSWORD, null);
		SignedIn.as(this.accounts, this.checkerUser);
		this.certification.sign(id, CertificationIntegrationTests.PASSWORD, null);
		SecurityContextHolder.clearContext();
	}

}
