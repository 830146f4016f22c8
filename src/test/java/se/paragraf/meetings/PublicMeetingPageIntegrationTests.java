package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * The public page of a meeting: when and where from the day it is planned, the agenda only once a
 * notice is published, and every published version.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicMeetingPageIntegrationTests {

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

	Matter matter;

	@BeforeEach
	void plannedMeetingWithAMatter() {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 2, 13, 10, 0),
				LocalDateTime.of(2024, 2, 13, 12, 0), "Sammanträdesrum Gnistan", null);
		this.matter = this.register.register(board.code(), "Utredning om gemensam växel");
		this.planning.addMatter(this.meeting.getId(), version(), this.matter.getId());
	}

	@Test
	void aPlannedMeetingShowsWhenAndWhereButNotTheAgendaBeingBuilt() throws Exception {
		String page = page();

		assertThat(page).contains("13 februari 2024, kl.\u00a010:00–12:00", "Sammanträdesrum Gnistan", "Kallelsen är inte publicerad ännu.")
			.doesNotContain("Utredning om gemensam växel");
	}

	@Test
	void aPublishedMeetingShowsItsAgendaWithDiaryNumbersAndEveryNoticeVersion() throws Exception {
		this.notices.publish(this.meeting.getId(), version());
		this.planning.retitleItem(this.meeting.getId(), version(), matterItem(), "Utredning om gemensam telefonväxel");
		this.notices.publish(this.meeting.getId(), version());

		String page = page();

		assertThat(page).contains("Utredning om gemensam telefonväxel", "Val av justerare",
				"href=\"/public/matters/" + this.matter.getId() + "\"", this.matter.getDiaryNumber().toString(),
				"/public/meetings/" + this.meeting.getId() + "/notices/1.pdf",
				"/public/meetings/" + this.meeting.getId() + "/notices/2", "Protokollet är inte justerat ännu.");
	}

	@Test
	void theBoardsCalendarListsEveryMeetingWithItsNoticeOnceItIsOut() throws Exception {
		String code = this.organisation.board(this.meeting.getBoardId()).getCode();
		String before = this.mvc.perform(get("/public/boards/{code}", code)).andReturn().getResponse()
			.getContentAsString();
		assertThat(before).contains("href=\"/public/meetings/" + this.meeting.getId() + "\"", "13 februari 2024, kl.\u00a010:00–12:00",
				"Planerat", "Sammanträdesrum Gnistan")
			.doesNotContain("/public/meetings/" + this.meeting.getId() + "/notice");

		this.notices.publish(this.meeting.getId(), version());

		assertThat(this.mvc.perform(get("/public/boards/{code}", code)).andReturn().getResponse().getContentAsString())
			.contains("href=\"/public/meetings/" + this.meeting.getId() + "/notice\"", "Kallelse publicerad");
	}

	@Test
	void aMeetingThatDoesNotExistIsNotFound() throws Exception {
		this.mvc.perform(get("/public/meetings/{id}", Long.MAX_VALUE)).andExpect(status().isNotFound());
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/public/meetings/{id}", this.meeting.getId()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Long matterItem() {
		return this.planning.meeting(this.meeting.getId())
			.getAgenda()
			.stream()
			.filter(i -> this.matter.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
