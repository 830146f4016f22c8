package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;

/**
 * Before publishing, the secretary sees the notice as it will be published (its PDF, pages and agenda
 * with page ranges) and what changed since the last version, and publishes only with a ticked
 * confirmation, checked on the server.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeReviewIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

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

	Meeting meeting;

	Matter budget;

	Matter schedule;

	BoardWithPeople board;

	@BeforeEach
	void meetingWithTwoMatters() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		writeReport(this.budget, "Nämnden godkänner driftdetaljbudgeten för 2024.", 0);
		this.schedule = this.register.register(this.board.code(), "Sammanträdesplan 2024");
		writeReport(this.schedule, "Nämnden fastställer sammanträdesplanen.", 0);
		this.planning.addMatter(id(), version(), this.budget.getId());
		this.planning.addMatter(id(), version(), this.schedule.getId());
	}

	@Test
	void theReviewShowsThePdfAsItWillBePublishedWithItsPagesAndStoresNothing() throws Exception {
		String page = this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kallelsen har inte publicerats tidigare: detta blir version 1.")))
			.andExpect(content().string(containsString("Sammanträdesplan 2024")))
			.andExpect(content().string(containsString("<iframe")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher pages = Pattern.compile("Kallelsen blir (\\d+) sidor som PDF").matcher(page);
		assertThat(pages.find()).as("the page count is shown").isTrue();
		byte[] pdf = this.mvc.perform(get("/meetings/{id}/notices/preview.pdf", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(Integer.parseInt(pages.group(1)));
			assertThat(new PDFTextStripper().getText(document)).contains("Detaljbudget 2024", "Sammanträdesplan 2024");
		}
		assertThat(this.notices.versions(id())).as("a preview publishes nothing").isEmpty();
		assertThat(this.planning.meeting(id()).getStatus()).isEqualTo(MeetingStatus.PLANNED);
	}

	@Test
	void publishingWithoutTheTickedConfirmationIsRefusedAndPublishesNothing() throws Exception {
		this.mvc.perform(post("/meetings/{id}/notices", id()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "Kryssa i att du har granskat kallelsen innan du publicerar den."));
		this.mvc.perform(post("/meetings/{id}/notices", id()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("confirmed", "false"))
			.andExpect(flash().attribute("error", containsString("Kryssa i")));
		Thread.sleep(200);
		assertThat(this.notices.versions(id())).isEmpty();
	}

	@Test
	void theReviewListsWhatChangedInTheAgendaReportsAttachmentsAndSecrecySinceTheLastVersion() throws Exception {
		this.notices.publish(id(), version());
		AgendaItem budgetItem = item(this.budget);
		AgendaItem scheduleItem = item(this.schedule);
		this.planning.moveItem(id(), version(), scheduleItem.getId(), 3);
		this.planning.retitleItem(id(), version(), budgetItem.getId(), "Driftdetaljbudget 2024");
		this.planning.addOralInformation(id(), version(), "Information om nätupprustningen");
		writeReport(this.schedule, "Nämnden fastställer sammanträdesplanen med ändrade tider.",
				this.register.report(this.schedule.getId()).getVersion());
		this.register.attachText(this.budget.getId(), "Investeringsbudget", "Åtta investeringar.");
		this.planning.classifyItem(id(), version(), scheduleItem.getId(), Confidentiality.confidential("21 kap. 1 §"));

		this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ändringar sedan version 1")))
			.andExpect(content().string(containsString("Punkt 3: Sammanträdesplan 2024 har flyttats (var punkt 4).")))
			.andExpect(content().string(containsString("rubriken är nu ”Driftdetaljbudget 2024” (var ”Detaljbudget 2024”)")))
			.andExpect(content().string(containsString("Information om nätupprustningen har lagts till.")))
			.andExpect(content().string(containsString("tjänsteskrivelsen till Sammanträdesplan 2024 har ändrats.")))
			.andExpect(content().string(containsString("bilagan Investeringsbudget har lagts till.")))
			.andExpect(content().string(containsString("Sammanträdesplan 2024 är nu sekretessmarkerad (21 kap. 1 § OSL)")))
			// The first item did not move because another was put above it.
			.andExpect(content().string(not(containsString("Driftdetaljbudget 2024 har flyttats"))));

		this.planning.removeItem(id(), version(), budgetItem.getId());
		this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(SECRETARY))
			.andExpect(content().string(containsString("Punkt 3 i förra versionen, Detaljbudget 2024, har tagits bort.")));
	}

	@Test
	void withNothingChangedTheReviewSaysSoAndPublishingMakesNoNewVersion() throws Exception {
		this.notices.publish(id(), version());
		this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(SECRETARY))
			.andExpect(content().string(containsString("Ingenting har ändrats sedan version 1. Publicerar du igen görs ingen ny version.")));
	}

	@Test
	void aReportChangedAfterTheReviewIsNotPublishedUnseen() throws Exception {
		String page = this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(SECRETARY))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher source = Pattern.compile("name=\"source\" value=\"([0-9a-f]+)\"").matcher(page);
		assertThat(source.find()).isTrue();
		writeReport(this.budget, "Nämnden godkänner en annan driftdetaljbudget.",
				this.register.report(this.budget.getId()).getVersion());
		this.mvc.perform(post("/meetings/{id}/notices", id()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("source", source.group(1))
			.param("confirmed", "true"))
			.andExpect(flash().attribute("error",
					"Kallelsen har ändrats sedan du granskade den. Granska den igen innan du publicerar."));
		Thread.sleep(200);
		assertThat(this.notices.versions(id())).isEmpty();
	}

	@Test
	void onlySecretariesMayReviewTheUnpublishedNotice() throws Exception {
		RequestPostProcessor member = user("ledamot").roles("MEMBER");
		this.mvc.perform(get("/meetings/{id}/notices/preview", id()).with(member)).andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/{id}/notices/preview.pdf", id()).with(member)).andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/{id}/notices/preview.pdf", id())).andExpect(status().is3xxRedirection());
	}

	void writeReport(Matter matter, String proposal, long expectedVersion) {
		this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of(proposal), "", "Beskrivning.", "Inga.", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of()), expectedVersion);
	}

	AgendaItem item(Matter matter) {
		return this.planning.meeting(id())
			.getAgenda()
			.stream()
			.filter(i -> matter.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow();
	}

	Long id() {
		return this.meeting.getId();
	}

	long version() {
		return this.planning.meeting(id()).getVersion();
	}

}
