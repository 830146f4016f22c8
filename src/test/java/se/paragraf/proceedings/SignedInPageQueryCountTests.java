package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.events.EventPublications;

/**
 * The pages a secretary works in (the meeting, its conduct screen, a matter with its report) ask the
 * database a fixed number of times however long the agenda is and however many meetings the board has
 * had: a query per agenda item or per meeting is what made them slow under load (issue 12). Counted by
 * Hibernate's statistics.
 */
@SpringBootTest(properties = { "spring.jpa.properties.hibernate.generate_statistics=true",
		"logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN" })
@AutoConfigureMockMvc
class SignedInPageQueryCountTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	EventPublications events;

	@Test
	void theSecretarysPagesAskAsOftenWithALongerAgendaAndMoreMeetings() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		Meeting meeting = meeting(board, 1);
		// A second meeting that year from the start: the page reads in one session, where the meeting itself is
		// already loaded, so the other meetings' agendas take their one batched read only once there are others.
		meeting(board, 12);
		Matter matter = matterWithReport(board, "Detaljbudget 2025");
		this.planning.addMatter(meeting.getId(), version(meeting), matter.getId());
		this.planning.addMatter(meeting.getId(), version(meeting), matterWithReport(board, "Sammanträdesplan 2026").getId());
		this.notices.publish(meeting.getId(), version(meeting));
		Map<String, Long> before = statements(meeting, matter);

		// Six more items with reports on the same agenda, published again; and more meetings of the board.
		for (int i = 1; i <= 6; i++) {
			this.planning.addMatter(meeting.getId(), version(meeting), matterWithReport(board, "Ärende " + i).getId());
		}
		this.notices.publish(meeting.getId(), version(meeting));
		for (int month = 2; month <= 6; month++) {
			Meeting other = meeting(board, month);
			this.planning.addMatter(other.getId(), version(other), matterWithReport(board, "Annat " + month).getId());
		}
		Map<String, Long> after = statements(meeting, matter);

		assertThat(after).as("statements per page, before: " + before).isEqualTo(before);
		assertThat(before.values()).allSatisfy(count -> assertThat(count).isLessThan(40));
	}

	@Test
	void theMeetingAndConductPagesAskAsOftenWhenTheBoardHasMoreMembers() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		MeetingWithMatter first = meetingWithMatter(board);
		Map<String, Long> before = statements(first.meeting(), first.matter());

		// Ten more members and substitutes: each seat's person used to be one more read on every view.
		for (int i = 1; i <= 10; i++) {
			PeopleFixtures.seat(this.organisation, board.board(), "Ledamot" + (i + 2),
					i % 2 == 0 ? MembershipRole.MEMBER : MembershipRole.SUBSTITUTE);
		}
		Map<String, Long> after = statements(first.meeting(), first.matter());

		assertThat(after).as("statements per page, before: " + before).isEqualTo(before);
	}

	@Test
	void theMeetingAndConductPagesReadNoMoreRecordsWhenTheBoardHasDecidedMoreMatters() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		MeetingWithMatter first = meetingWithMatter(board);
		this.register.register(board.code(), "Öppet ärende");
		Map<String, Long> before = counts(first.meeting(), first.matter(), Statistics::getEntityLoadCount);

		// The board's decided matters only grow; the pages offer only open ones for the agenda.
		for (int i = 1; i <= 8; i++) {
			this.register.markDecided(this.register.register(board.code(), "Avgjort " + i).getId());
		}
		Map<String, Long> after = counts(first.meeting(), first.matter(), Statistics::getEntityLoadCount);

		assertThat(after).as("records loaded per page, before: " + before).isEqualTo(before);
	}

	/** Statements one rendering of each page prepares, once the publications' reactions are done. */
	private Map<String, Long> statements(Meeting meeting, Matter matter) throws Exception {
		return counts(meeting, matter, Statistics::getPrepareStatementCount);
	}

	/** A statistic of one rendering of each page, the fewest of three, once the publications' reactions are done. */
	private Map<String, Long> counts(Meeting meeting, Matter matter, java.util.function.ToLongFunction<Statistics> count)
			throws Exception {
		assertThat(this.events.awaitIdle(Duration.ofSeconds(120))).isTrue();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String page : List.of("/meetings/" + meeting.getId(), "/meetings/" + meeting.getId() + "/conduct",
				"/matters/" + matter.getId())) {
			this.mvc.perform(get(page).with(SECRETARY));
			// The statistics count every thread's statements: a search refeed still running in the background
			// only adds to them, so the fewest of three renderings is what the page itself asks.
			Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
			long fewest = Long.MAX_VALUE;
			for (int rendering = 0; rendering < 3; rendering++) {
				assertThat(this.events.awaitIdle(Duration.ofSeconds(120))).isTrue();
				statistics.clear();
				int status = this.mvc.perform(get(page).with(SECRETARY)).andReturn().getResponse().getStatus();
				assertThat(status).as(page).isEqualTo(200);
				fewest = Math.min(fewest, count.applyAsLong(statistics));
			}
			counts.put(page, fewest);
		}
		return counts;
	}

	private Matter matterWithReport(BoardWithPeople board, String title) throws Exception {
		Matter matter = this.register.register(board.code(), title);
		this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner förslaget."), "Sammanfattning.", "Beskrivning av ärendet.", "Inga.",
				board.caseOfficer().getId(), LocalDate.of(2025, 1, 2), List.of(new DecisionRecipient("Akten", false, null))),
				0);
		this.register.attachFile(matter.getId(), "Underlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Underlag")));
		return matter;
	}

	/** A meeting in January 2025 with one matter and its report on the agenda. */
	private MeetingWithMatter meetingWithMatter(BoardWithPeople board) throws Exception {
		Meeting meeting = meeting(board, 1);
		Matter matter = matterWithReport(board, "Detaljbudget 2025");
		this.planning.addMatter(meeting.getId(), version(meeting), matter.getId());
		return new MeetingWithMatter(meeting, matter);
	}

	private record MeetingWithMatter(Meeting meeting, Matter matter) {
	}

	private Meeting meeting(BoardWithPeople board, int month) {
		return this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2025, month, 10, 13, 0),
				LocalDateTime.of(2025, month, 10, 15, 0), "Sammanträdesrum Gnistan", null);
	}

	private long version(Meeting meeting) {
		return this.planning.meeting(meeting.getId()).getVersion();
	}

}
