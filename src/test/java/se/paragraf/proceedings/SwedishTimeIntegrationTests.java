package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.TestClock;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;

/**
 * Meetings keep Swedish time whatever the server's zone (the tests run in UTC): sections count in
 * the Swedish year of the meeting, and a meeting on the day summer time starts or ends shows the
 * time it was planned for.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SwedishTimeIntegrationTests {

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void aMeetingJustAfterMidnightOnNewYearsDayStartsTheNewYearsSectionNumbering() {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		Meeting newYearsEve = published(board, LocalDateTime.of(2023, 12, 31, 22, 0), LocalDateTime.of(2023, 12, 31, 23, 0));
		Meeting newYearsDay = published(board, LocalDateTime.of(2024, 1, 1, 0, 30), LocalDateTime.of(2024, 1, 1, 1, 30));

		this.clock.pin(Instant.parse("2023-12-31T21:45:00Z")); // 22:45 on 31 December in Sweden
		assertThat(sectionNumbers(hold(newYearsEve))).containsExactly(1, 2, 3);
		this.clock.pin(Instant.parse("2024-01-01T00:15:00Z")); // 01:15 on 1 January in Sweden, 00:15 in UTC
		assertThat(sectionNumbers(hold(newYearsDay))).containsExactly(1, 2, 3);
	}

	@Test
	void meetingsOnTheDaysSummerTimeStartsAndEndsShowTheirSwedishTimeOnThePageAndInTheNotice() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		Meeting spring = published(board, LocalDateTime.of(2024, 3, 31, 10, 0), LocalDateTime.of(2024, 3, 31, 12, 0));
		Meeting autumn = published(board, LocalDateTime.of(2024, 10, 27, 10, 0), LocalDateTime.of(2024, 10, 27, 12, 0));

		assertThat(page("/public/meetings/" + spring.getId())).contains("2024-03-31 10:00–12:00");
		assertThat(page("/public/meetings/" + autumn.getId())).contains("2024-10-27 10:00–12:00");
		assertThat(page("/public/meetings/" + spring.getId() + "/notice")).contains("Söndag 31 mars 2024, kl. 10:00");
		assertThat(page("/public/meetings/" + autumn.getId() + "/notice")).contains("Söndag 27 oktober 2024, kl. 10:00");
	}

	@Test
	void aNoticePublishedJustAfterMidnightOnNewYearsDayIsDatedInTheNewYear() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.clock.pin(Instant.parse("2023-12-31T23:30:00Z")); // 00:30 on 1 January in Sweden
		Meeting meeting = published(board, LocalDateTime.of(2024, 1, 16, 10, 0), LocalDateTime.of(2024, 1, 16, 12, 0));

		assertThat(page("/public/meetings/" + meeting.getId())).contains("Kallelse, version 1, publicerad 2024-01-01")
			.doesNotContain("2023-12-31");
	}

	private Meeting published(BoardWithPeople board, LocalDateTime start, LocalDateTime end) {
		Meeting meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, start, end, "Sammanträdesrum Tranan",
				null);
		this.notices.publish(meeting.getId(), this.planning.meeting(meeting.getId()).getVersion());
		return this.planning.meeting(meeting.getId());
	}

	/** Everyone with a seat present, a member as checker, every standard item noted; then closed. */
	private MeetingRecord hold(Meeting meeting) {
		Long id = meeting.getId();
		List<Long> members = this.organisation.seats(meeting.getBoardId(), meeting.getStart().toLocalDate())
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER || s.membership().getRole() == MembershipRole.CHAIR)
			.map(s -> s.person().getId())
			.toList();
		Long checker = this.organisation.seats(meeting.getBoardId(), meeting.getStart().toLocalDate())
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.findFirst()
			.orElseThrow();
		long v = 0;
		v = this.conduct.recordAttendance(id, v,
				members.stream().map(m -> new Attendance(m, Presence.IN_PERSON, null, null, null)).toList(), null)
			.getVersion();
		v = this.conduct.electCheckers(id, v, List.of(checker), "Digitalt", meeting.getEnd().plusDays(3)).getVersion();
		for (AgendaItem item : meeting.getAgenda()) {
			if (item.getKind() != AgendaItemKind.ELECTION_OF_CHECKERS) {
				v = this.conduct.decide(id, v, item.getId(), new MeetingConduct.DecisionCommand(DecisionOutcome.NOTED,
						"Noteras.", null, null, null, null, null)).getVersion();
			}
		}
		return this.conduct.close(id, v);
	}

	private List<Integer> sectionNumbers(MeetingRecord record) {
		return this.planning.meeting(record.getMeetingId())
			.getAgenda()
			.stream()
			.map(item -> record.decisionOn(item.getId()).orElseThrow().getSectionNumber())
			.toList();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
