package se.paragraf.matters;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The matter page is what a case officer and the secretary open all day (issue 12): its report and
 * live tables are drawn once and shown again until something is written, yet a change shows on the
 * very next view; the "Infoga tabell" menu and the history are read only when opened, with htmx or,
 * without JavaScript, on a page of their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatterPageTests {

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	String board;

	Matter matter;

	@BeforeEach
	void matter() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
		this.matter = this.register.register(this.board, "Sammanträdesplan 2031");
	}

	@Test
	void aReportAndItsLiveTableShowTheirChangesOnTheNextViewOfEveryReader() throws Exception {
		write("Planen för året.\n\n{{meetings.schedule board=" + this.board + " year=2031}}", 0);
		page(OFFICER).andExpect(content().string(containsString("Planen för året.")))
			.andExpect(content().string(not(containsString("4 mars"))));
		page(SECRETARY).andExpect(content().string(not(containsString("4 mars"))));

		this.planning.schedule(this.board, MeetingKind.ORDINARY, LocalDateTime.of(2031, 3, 4, 13, 0),
				LocalDateTime.of(2031, 3, 4, 15, 0), "Sammanträdesrum Gnistan", null);
		page(OFFICER).andExpect(content().string(containsString("4 mars")));
		page(SECRETARY).andExpect(content().string(containsString("4 mars")));

		write("Planen är ändrad.\n\n{{meetings.schedule board=" + this.board + " year=2031}}", 1);
		page(SECRETARY).andExpect(content().string(containsString("Planen är ändrad.")))
			.andExpect(content().string(not(containsString("Planen för året."))))
			.andExpect(content().string(containsString("4 mars")));
	}

	@Test
	void theMatterPageLeavesTheTableMenuAndTheHistoryUntilTheyAreOpened() throws Exception {
		page(OFFICER).andExpect(content().string(containsString("hx-get=\"/matters/" + this.matter.getId() + "/embeds\"")))
			.andExpect(content().string(containsString("href=\"/matters/" + this.matter.getId() + "/embeds\"")))
			.andExpect(content().string(containsString("hx-get=\"/matters/" + this.matter.getId() + "/history\"")))
			.andExpect(content().string(containsString("href=\"/matters/" + this.matter.getId() + "/history\"")))
			.andExpect(content().string(not(containsString("id=\"embed-menu\""))))
			.andExpect(content().string(not(containsString("Ärendet registrerades"))));
	}

	@Test
	void theTableMenuComesAsAFragmentToHtmxAndAsAPageWithoutJavaScript() throws Exception {
		this.mvc.perform(get("/matters/{id}/embeds", this.matter.getId()).with(OFFICER).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("matters/detail :: embedMenu"))
			.andExpect(content().string(containsString("id=\"embed-menu\"")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/matters/{id}/embeds", this.matter.getId()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(view().name("matters/embeds"))
			.andExpect(content().string(containsString("<h1>Infoga tabell i " + this.matter.getDiaryNumber() + "</h1>")))
			.andExpect(content().string(containsString("id=\"embed-menu\"")))
			.andExpect(content().string(containsString("href=\"/matters/" + this.matter.getId() + "#embeds\"")));
	}

	@Test
	void theHistoryComesAsAFragmentToHtmxAndAsAPageWithoutJavaScript() throws Exception {
		this.mvc.perform(get("/matters/{id}/history", this.matter.getId()).with(OFFICER).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("matters/detail :: history"))
			.andExpect(content().string(containsString("Ärendet registrerades")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/matters/{id}/history", this.matter.getId()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(view().name("matters/history"))
			.andExpect(content().string(containsString("Ärendet registrerades")))
			.andExpect(content().string(containsString("href=\"/matters/" + this.matter.getId() + "#history\"")));
	}

	@Test
	void theMenuAndTheHistoryOfAMatterThatDoesNotExistAreNotFound() throws Exception {
		this.mvc.perform(get("/matters/{id}/embeds", 987654321L).with(OFFICER).header("HX-Request", "true"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/matters/{id}/history", 987654321L).with(OFFICER)).andExpect(status().isNotFound());
	}

	private org.springframework.test.web.servlet.ResultActions page(RequestPostProcessor who) throws Exception {
		return this.mvc.perform(get("/matters/{id}", this.matter.getId()).with(who)).andExpect(status().isOk());
	}

	private void write(String description, long version) {
		this.register.writeReport(this.matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner planen."), "", description, "", null, null,
				List.of(new DecisionRecipient("Akten", false, null))), version);
	}

}
