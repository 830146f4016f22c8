package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDateTime;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.events.EventPublications;

/**
 * The matter page and the meeting page ask the database a fixed number of times, however many meetings
 * the boards have had: the matter page used to read every notice of every meeting. Counted by Hibernate's
 * statistics, with the page cache off so that every request renders.
 */
@SpringBootTest(properties = { "spring.jpa.properties.hibernate.generate_statistics=true",
		"logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=WARN",
		"paragraf.web.page-cache.enabled=false" })
@AutoConfigureMockMvc
class PublicPageQueryCountTests {

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
	void theMatterAndMeetingPagesAskAsOftenWithManyMoreMeetings() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		Matter matter = this.register.register(board.code(), "Gemensam växel, upphandling");
		Meeting meeting = meeting(board, 1);
		this.planning.addMatter(meeting.getId(), version(meeting), matter.getId());
		this.notices.publish(meeting.getId(), version(meeting));
		String matterPage = "/public/matters/" + matter.getId();
		String meetingPage = "/public/meetings/" + meeting.getId();
		long matterQueries = statements(matterPage);
		long meetingQueries = statements(meetingPage);

		// More meetings, some with published notices of other matters, some only planned.
		for (int i = 2; i <= 4; i++) {
			Meeting other = meeting(board, i);
			this.planning.addMatter(other.getId(), version(other),
					this.register.register(board.code(), "Annat ärende " + i).getId());
			this.notices.publish(other.getId(), version(other));
		}
		for (int i = 5; i <= 10; i++) {
			meeting(board, i);
		}

		assertThat(statements(matterPage)).as("statements for the matter page").isEqualTo(matterQueries);
		assertThat(statements(meetingPage)).as("statements for the meeting page").isEqualTo(meetingQueries);
		assertThat(matterQueries).isLessThan(20);
		assertThat(meetingQueries).isLessThan(20);
	}

	/** Statements one rendering of the page prepares, once the publications' reactions (other threads) are done. */
	private long statements(String page) throws Exception {
		assertThat(this.events.awaitIdle(Duration.ofSeconds(120))).isTrue();
		this.mvc.perform(get(page));
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		int status = this.mvc.perform(get(page)).andReturn().getResponse().getStatus();
		assertThat(status).as(page).isEqualTo(200);
		return statistics.getPrepareStatementCount();
	}

	private Meeting meeting(BoardWithPeople board, int month) {
		return this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2025, month, 10, 13, 0),
				LocalDateTime.of(2025, month, 10, 15, 0), "Sammanträdesrum Gnistan", null);
	}

	private long version(Meeting meeting) {
		return this.planning.meeting(meeting.getId()).getVersion();
	}

}
