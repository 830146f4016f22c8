package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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

/**
 * A notice is published anew only when something changed, and the meeting page says when the
 * published notice no longer matches the agenda or the reports.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeVersionsIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	static final String OUT_OF_DATE = "Den publicerade kallelsen (version 1) är inaktuell";

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
	NoticePublishing publishing;

	Meeting meeting;

	Matter budget;

	BoardWithPeople board;

	@BeforeEach
	void meetingWithAMatter() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		writeReport("Nämnden godkänner driftdetaljbudgeten för 2024.", 0);
		this.planning.addMatter(id(), version(), this.budget.getId());
	}

	void writeReport(String proposal, long expectedVersion) {
		this.register.writeReport(this.budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of(proposal), "", "Beskrivning.", "Inga.", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of()), expectedVersion);
	}

	Long id() {
		return this.meeting.getId();
	}

	long version() {
		return this.planning.meeting(id()).getVersion();
	}

	@Test
	void publishingWithNothingChangedMakesNoNewVersion() throws Exception {
		Notice first = this.notices.publish(id(), version());
		Notice again = this.notices.publish(id(), version());
		assertThat(again.getVersionNumber()).isEqualTo(first.getVersionNumber());
		assertThat(this.notices.versions(id())).hasSize(1);
		// from the page, publishing runs as a job; its outcome says that nothing was published
		this.mvc.perform(post("/meetings/{id}/notices", id()).with(SECRETARY).with(csrf()).param("confirmed", "true")
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection());
		NoticeJob job = this.publishing.current(id()).orElseThrow();
		for (int i = 0; i < 600 && job.isRunning(); i++) {
			Thread.sleep(100);
		}
		this.mvc.perform(get("/meetings/{id}/notice-jobs/{job}", id(), job.getId()).with(SECRETARY))
			.andExpect(content().string(containsString("Ingenting har ändrats sedan version 1. Ingen ny version publicerades.")));
		assertThat(this.notices.versions(id())).hasSize(1);
	}

	@Test
	void anAgendaChangeAfterPublicationMarksTheNoticeOutOfDateUntilANewVersionIsOut() throws Exception {
		this.notices.publish(id(), version());
		this.mvc.perform(get("/meetings/{id}", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(OUT_OF_DATE))));
		this.planning.addOralInformation(id(), version(), "Information om nätupprustningen");
		assertThat(this.notices.isOutOfDate(id())).isTrue();
		this.mvc.perform(get("/meetings/{id}", id()).with(SECRETARY))
			.andExpect(content().string(containsString(OUT_OF_DATE)));
		Notice second = this.notices.publish(id(), version());
		assertThat(second.getVersionNumber()).isEqualTo(2);
		assertThat(this.notices.isOutOfDate(id())).isFalse();
	}

	@Test
	void aReportChangedAfterPublicationMarksTheNoticeOutOfDate() {
		this.notices.publish(id(), version());
		writeReport("Nämnden godkänner driftdetaljbudgeten för 2024 med ändringar.",
				this.register.report(this.budget.getId()).getVersion());
		assertThat(this.notices.isOutOfDate(id())).isTrue();
	}

}
