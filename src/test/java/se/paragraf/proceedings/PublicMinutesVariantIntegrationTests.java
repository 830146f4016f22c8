package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.SignedIn;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.web.FrozenResponseCache;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.PublicText;

/**
 * Certified minutes with a secret section: the sealed official minutes stay internal, the public
 * minutes show the section's number and the ground of secrecy but no decision, vote or dissent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicMinutesVariantIntegrationTests {

	private static final String DECISION = "Nämnden godkänner driftdetaljbudgeten för 2024.";

	private static final String DISSENT = "Budgeten göder hemliga konsulter.";

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
	FileStore files;

	@Autowired
	MockMvc mvc;

	@Autowired
	FrozenResponseCache frozen;

	ConductFixtures f;

	String chairUser;

	String checkerUser;

	@BeforeEach
	void heldMeeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.chairUser = "chair-" + suffix;
		this.checkerUser = "checker-" + suffix;
		this.accounts.create(this.chairUser, CertificationIntegrationTests.PASSWORD, EnumSet.of(Role.MEMBER),
				this.f.chair());
		this.accounts.create(this.checkerUser, CertificationIntegrationTests.PASSWORD, EnumSet.of(Role.MEMBER),
				this.f.member1());
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSecretSectionShowsOnlyItsNumberAndGroundInThePublicMinutes() throws Exception {
		int section = holdWithSecretBudgetSection();
		Minutes minutes = certify();
		assertThat(minutes.hasPublicVariant()).isTrue();
		String withheld = "§ " + section + " Sekretess enligt 21 kap. 1 § OSL";
		assertThat(minutes.getHtml()).contains(withheld, this.f.budget().getDiaryNumber().toString())
			.doesNotContain(DECISION, DISSENT, "Detaljbudget 2024", "Kommunstyrelsen")
			.contains("Sammanträdesplan 2024");
		assertThat(minutes.getOfficialHtml()).contains(DECISION, DISSENT, "§ " + section + " Detaljbudget 2024");
		String publicPdf = flat(this.certification.publicPdf(minutes));
		assertThat(publicPdf).contains("Sekretess enligt 21 kap. 1 § OSL").doesNotContain(DECISION, DISSENT);
		String officialPdf = flat(this.certification.pdf(minutes));
		assertThat(officialPdf).contains(DECISION, DISSENT);
		CertificationIntegrationTests.assertPdfA2u(this.files.read(minutes.getPublicPdfKey()));
		assertThat(minutes.getPublicPdfSha256()).isNotEqualTo(minutes.getSignedPdfSha256());
	}

	@Test
	void thePublicMinutesUrlsServeThePublicVariantAndMembersReadTheOfficialOne() throws Exception {
		int section = holdWithSecretBudgetSection();
		Minutes minutes = certify();
		Long id = this.f.meeting().getId();
		int v = minutes.getVersionNumber();
		for (String path : List.of("/public/meetings/" + id + "/minutes", "/public/meetings/" + id + "/minutes/" + v)) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Sekretess enligt 21 kap. 1 § OSL")))
				.andExpect(content().string(not(containsString(DISSENT))));
		}
		for (String path : List.of("/public/meetings/" + id + "/minutes.pdf",
				"/public/meetings/" + id + "/minutes/" + v + ".pdf",
				"/public/meetings/" + id + "/minutes/sections/" + section + ".pdf")) {
			byte[] pdf = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsByteArray();
			assertThat(flat(pdf)).as(path).doesNotContain(DECISION, DISSENT);
		}
		for (String path : List.of("/public/meetings/" + id + "/minutes/" + v,
				"/public/meetings/" + id + "/minutes/" + v + ".pdf",
				"/public/meetings/" + id + "/minutes/sections/" + section + ".pdf")) {
			String etag = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(header().exists(HttpHeaders.ETAG))
				.andReturn()
				.getResponse()
				.getHeader(HttpHeaders.ETAG);
			this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
		}

		this.mvc.perform(get("/meetings/" + id + "/official/minutes/" + v).with(user(this.accounts.loadUserByUsername(this.chairUser))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DISSENT)));
		byte[] sealed = this.mvc.perform(get("/meetings/" + id + "/official/minutes/" + v + ".pdf")
			.with(user(this.accounts.loadUserByUsername(this.chairUser)))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(FileStore.sha256Hex(sealed)).isEqualTo(minutes.getSignedPdfSha256());
		this.mvc.perform(get("/meetings/" + id + "/official/minutes/" + v)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aPublicExtractIsTheSameBytesOnEveryRequestAndItsEtagIsTheirHash() throws Exception {
		int section = holdWithSecretBudgetSection();
		certify();
		Long id = this.f.meeting().getId();
		String path = "/public/meetings/" + id + "/minutes/sections/" + section + ".pdf";
		byte[] rendered = this.certification.publicExtractPdf(id, section);
		Thread.sleep(1100);
		assertThat(this.certification.publicExtractPdf(id, section)).as("a second rendering").isEqualTo(rendered);
		CertificationIntegrationTests.assertPdfA2u(rendered);
		for (int request = 0; request < 2; request++) {
			// Past the in-memory copy, so that each answer is drawn anew.
			this.frozen.evict("meetings-newest");
			var response = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
			assertThat(response.getContentAsByteArray()).isEqualTo(rendered);
			assertThat(response.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + FileStore.sha256Hex(rendered) + "\"");
		}
	}

	@Test
	void minutesWithNothingSecretArePublicAsCertified() throws Exception {
		this.f.holdMeeting(this.conduct, this.planning);
		Minutes minutes = certify();
		assertThat(minutes.hasPublicVariant()).isFalse();
		assertThat(minutes.getHtml()).isEqualTo(minutes.getOfficialHtml()).contains(DECISION);
		assertThat(minutes.getPublicPdfSha256()).isEqualTo(minutes.getSignedPdfSha256());
	}

	@Test
	void aSecretMatterMakesItsSectionSecretWithoutAMarkOfItsOwn() throws Exception {
		this.register.classify(this.f.budget().getId(), Confidentiality.confidential("26 kap. 1 §"),
				this.register.matter(this.f.budget().getId()).getVersion());
		this.f.holdMeeting(this.conduct, this.planning);
		Minutes minutes = certify();
		assertThat(minutes.getHtml()).contains("Sekretess enligt 26 kap. 1 § OSL").doesNotContain(DECISION);
		assertThat(minutes.getOfficialHtml()).contains(DECISION);
	}

	@Test
	void theSectionsOfThePublicVariantAreThoseThatPassTheFilter() {
		holdWithSecretBudgetSection();
		List<PublicText.Section> sections = this.certification.publicSections(this.f.meeting().getId());
		assertThat(sections).extracting(PublicText.Section::key).anyMatch(k -> k.endsWith(".decision"));
		assertThat(sections).extracting(PublicText.Section::html).noneMatch(h -> h.contains(DECISION));
	}

	/** Holds the meeting with the budget's section marked secret and a dissent on it; its number. */
	private int holdWithSecretBudgetSection() {
		Long id = this.f.meeting().getId();
		Long budgetItem = this.f.matterItem(this.planning, this.f.budget()).getId();
		MeetingRecord record = this.f.holdMeeting(this.conduct, this.planning);
		record = this.conduct.dissent(id, record.getVersion(), budgetItem, this.f.member2(), DISSENT);
		record = this.conduct.classifySection(id, record.getVersion(), budgetItem,
				Confidentiality.confidential("21 kap. 1 §"));
		return record.decisionOn(budgetItem).orElseThrow().getSectionNumber();
	}

	/** The PDF's text with line breaks as spaces, so that a wrapped sentence is found. */
	private static String flat(byte[] pdf) throws java.io.IOException {
		return CertificationIntegrationTests.text(pdf).replaceAll("\\s+", " ");
	}

	private Minutes certify() {
		Long id = this.f.meeting().getId();
		this.certification.draw(id);
		SignedIn.as(this.accounts, this.chairUser);
		this.certification.sign(id, CertificationIntegrationTests.PASSWORD, null);
		SignedIn.as(this.accounts, this.checkerUser);
		Minutes minutes = this.certification.sign(id, CertificationIntegrationTests.PASSWORD, null);
		SecurityContextHolder.clearContext();
		return minutes;
	}


}
