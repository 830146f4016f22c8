package se.paragraf.publication.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * The iCalendar feeds of a board and of a person, read without login: stable UIDs, a SEQUENCE that
 * grows with each change, cancellations as STATUS:CANCELLED, the notice linked once published, and
 * RFC 5545 line folding.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarFeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	BoardWithPeople board;

	Meeting published;

	Meeting cancelled;

	@BeforeEach
	void boardWithAPublishedAndACancelledMeeting() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.published = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2023, 12, 5, 10, 0), LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpublicator");
		this.notices.publish(this.published.getId(), version(this.published));
		this.cancelled = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 6, 11, 13, 0), LocalDateTime.of(2024, 6, 11, 15, 0),
				"Sammanträdesrum Tranan, Stadshuset; Ludvika, plan 3 – ingång från Lyviksbergsvägen", null);
		this.planning.cancel(this.cancelled.getId(), version(this.cancelled));
	}

	@Test
	void theBoardFeedHasEveryMeetingWithItsStateAndTheNoticeLink() throws Exception {
		String feed = feed("/public/calendar/boards/" + this.board.code() + ".ics");
		String text = unfold(feed);
		assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(text).contains("UID:meeting-" + this.published.getId() + "@paragraf",
				"DTSTART;TZID=Europe/Stockholm:20231205T100000", "DTEND;TZID=Europe/Stockholm:20231205T120000",
				"STATUS:CONFIRMED", "URL:http://localhost/public/meetings/" + this.published.getId() + "/notice",
				"UID:meeting-" + this.cancelled.getId() + "@paragraf", "STATUS:CANCELLED",
				"LOCATION:Sammanträdesrum Tranan\\, Stadshuset\\; Ludvika\\, plan 3 – ingång från Lyviksbergsvägen",
				"BEGIN:VTIMEZONE", "TZID:Europe/Stockholm");
		assertThat(text).contains("SEQUENCE:" + this.planning.meeting(this.cancelled.getId()).getVersion());
	}

	@Test
	void meetingsOnTheDaysSummerTimeStartsAndEndsKeepTheirSwedishTime() throws Exception {
		for (LocalDateTime start : new LocalDateTime[] { LocalDateTime.of(2024, 3, 31, 10, 0),
				LocalDateTime.of(2024, 10, 27, 10, 0) }) {
			Meeting meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, start, start.plusHours(2),
					"Sammanträdesrum Tranan", null);
			this.notices.publish(meeting.getId(), version(meeting));
		}
		String text = unfold(feed("/public/calendar/boards/" + this.board.code() + ".ics"));
		assertThat(text).contains("DTSTART;TZID=Europe/Stockholm:20240331T100000",
				"DTEND;TZID=Europe/Stockholm:20240331T120000", "DTSTART;TZID=Europe/Stockholm:20241027T100000",
				"DTEND;TZID=Europe/Stockholm:20241027T120000");
		// The zone's rules travel with the feed, so a client puts 10:00 at 08:00 UTC in summer and 09:00 in winter.
		assertThat(text).contains("TZID:Europe/Stockholm\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200",
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100",
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	}

	@Test
	void theBoardsPublicPageLinksItsFeed() throws Exception {
		String page = this.mvc.perform(get("/public/boards/" + this.board.code()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/public/calendar/boards/" + this.board.code() + ".ics\"",
				"Prenumerera på nämndens sammanträden");
	}

	@Test
	void theBoardsApiLinksItsFeed() throws Exception {
		String boards = this.mvc
			.perform(get("/api/v1/boards").with(
					org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("member")
						.roles("MEMBER")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(boards).contains("\"calendar\":\"/public/calendar/boards/" + this.board.code() + ".ics\"");
	}

	@Test
	void aRescheduledMeetingKeepsItsUidAndRaisesItsSequence() throws Exception {
		Meeting planned = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 9, 3, 10, 0), LocalDateTime.of(2024, 9, 3, 12, 0), "Rum A", null);
		String uid = "UID:meeting-" + planned.getId() + "@paragraf";
		String before = event(unfold(feed("/public/calendar/boards/" + this.board.code() + ".ics")), uid);
		this.planning.reschedule(planned.getId(), version(planned), LocalDateTime.of(2024, 9, 4, 10, 0),
				LocalDateTime.of(2024, 9, 4, 12, 0), "Rum A", null);
		String after = event(unfold(feed("/public/calendar/boards/" + this.board.code() + ".ics")), uid);
		assertThat(before).contains("STATUS:TENTATIVE", "DTSTART;TZID=Europe/Stockholm:20240903T100000");
		assertThat(after).contains("DTSTART;TZID=Europe/Stockholm:20240904T100000");
		assertThat(sequence(after)).isGreaterThan(sequence(before));
	}

	@Test
	void aPersonsFeedHasTheMeetingsOfTheirBoards() throws Exception {
		String text = unfold(feed("/public/calendar/persons/" + this.board.chair().getId() + ".ics"));
		assertThat(text).contains("X-WR-CALNAME:" + this.board.chair().getFullName(),
				"UID:meeting-" + this.published.getId() + "@paragraf");
		assertThat(status("/public/calendar/persons/" + this.board.caseOfficer().getPersonId() + ".ics"))
			.as("an official without a seat has no public feed")
			.isEqualTo(404);
		assertThat(status("/public/calendar/persons/99999999.ics")).isEqualTo(404);
		assertThat(status("/public/calendar/boards/NOSUCHBOARD.ics")).isEqualTo(404);
	}

	@Test
	void foldedLinesStayWithin75OctetsAndUnfoldToTheOriginal() {
		Random random = new Random(20231205L);
		String alphabet = "abcåäöÅÄÖ,;\\ \u20ac😀x";
		for (int run = 0; run < 500; run++) {
			StringBuilder line = new StringBuilder("DESCRIPTION:");
			int length = random.nextInt(300);
			for (int i = 0; i < length; i++) {
				line.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
			}
			String folded = ICalendar.fold(line.toString());
			for (String physical : folded.split("\r\n")) {
				assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as("seed 20231205, run %d", run)
					.isLessThanOrEqualTo(75);
			}
			assertThat(folded.replace("\r\n ", "")).as("seed 20231205, run %d", run).isEqualTo(line.toString());
		}
	}

	private String feed(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/calendar");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Arrays.stream(body.split("\r\n"))).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 75);
		assertThat(body.replace("\r\n", "")).doesNotContain("\n");
		return body;
	}

	private int status(String url) throws Exception {
		return this.mvc.perform(get(url)).andReturn().getResponse().getStatus();
	}

	private static String unfold(String text) {
		return text.replace("\r\n ", "");
	}

	private static String event(String text, String uid) {
		int at = text.indexOf(uid);
		assertThat(at).as(uid).isPositive();
		return text.substring(text.lastIndexOf("BEGIN:VEVENT", at), text.indexOf("END:VEVENT", at));
	}

	private static long sequence(String event) {
		int at = event.indexOf("SEQUENCE:");
		return Long.parseLong(event.substring(at + 9, event.indexOf("\r\n", at)));
	}

	private long version(Meeting meeting) {
		return this.planning.meeting(meeting.getId()).getVersion();
	}

}
