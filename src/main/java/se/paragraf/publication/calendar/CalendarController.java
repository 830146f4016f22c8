package se.paragraf.publication.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Board;
import se.paragraf.people.Membership;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.NotFoundException;

/**
 * Public calendar feeds to subscribe to: a board's meetings, and a person's meetings on the boards
 * they sit on. A rescheduled meeting keeps its UID and gets a higher SEQUENCE; a cancelled one stays
 * with STATUS:CANCELLED so subscribed calendars remove it; the notice is linked once published.
 */
@Controller
class CalendarController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Organisation organisation;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Clock clock;

	private final String uidDomain;

	CalendarController(Organisation organisation, MeetingPlanning planning, NoticePublication notices, Clock clock,
			@Value("${paragraf.calendar.uid-domain:paragraf}") String uidDomain) {
		this.organisation = organisation;
		this.planning = planning;
		this.notices = notices;
		this.clock = clock;
		this.uidDomain = uidDomain;
	}

	@GetMapping("/public/calendar/boards/{code}.ics")
	ResponseEntity<String> board(@PathVariable String code) {
		Board board = this.organisation.board(code);
		List<Meeting> meetings = this.planning.allMeetings()
			.stream()
			.filter(m -> m.getBoardId().equals(board.getId()))
			.sorted(Comparator.comparing(Meeting::getStart))
			.toList();
		return feed(board.getName(), meetings, Map.of(board.getId(), board));
	}

	@GetMapping("/public/calendar/persons/{id}.ics")
	ResponseEntity<String> person(@PathVariable Long id) {
		Person person = this.organisation.person(id);
		List<Membership> memberships = this.organisation.memberships()
			.stream()
			.filter(m -> m.getPersonId().equals(id))
			.toList();
		if (memberships.isEmpty()) {
			// Only people with a seat on a board are public here.
			throw new NotFoundException("Person", id);
		}
		Map<Long, Board> boards = memberships.stream()
			.map(Membership::getBoardId)
			.distinct()
			.map(this.organisation::board)
			.collect(Collectors.toMap(Board::getId, Function.identity()));
		List<Meeting> meetings = this.planning.allMeetings()
			.stream()
			.filter(m -> memberships.stream().anyMatch(s -> s.getBoardId().equals(m.getBoardId())
					&& s.isActiveOn(m.getStart().toLocalDate())))
			.sorted(Comparator.comparing(Meeting::getStart))
			.toList();
		return feed(person.getFullName(), meetings, boards);
	}

	private ResponseEntity<String> feed(String name, List<Meeting> meetings, Map<Long, Board> boards) {
		String origin = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Instant now = Instant.now(this.clock);
		ICalendar calendar = new ICalendar(name + " – sammanträden");
		for (Meeting meeting : meetings) {
			Board board = boards.get(meeting.getBoardId());
			Optional<String> notice = this.notices.latest(meeting.getId())
				.map(n -> origin + "/public/meetings/" + meeting.getId() + "/notice");
			String status = switch (meeting.getStatus()) {
				case CANCELLED -> "CANCELLED";
				case NOTICE_PUBLISHED, HELD, MINUTES_CERTIFIED -> "CONFIRMED";
				case PLANNED -> "TENTATIVE";
			};
			String summary = (meeting.getStatus() == MeetingStatus.CANCELLED ? "INSTÄLLT: " : "")
					+ (board == null ? "" : board.getName() + " – ") + "sammanträde";
			// No agenda titles go into a calendar: a subscribed copy cannot be recalled once a matter
			// is marked secret (OSL), so the entry links to the notice, which is kept public-safe.
			String description = notice.map(url -> "Kallelse: " + url)
				.orElse(board == null ? null : "Kallelsen publiceras på " + origin + "/public/boards/" + board.getCode());
			calendar.event("meeting-" + meeting.getId() + "@" + this.uidDomain, meeting.getVersion(), now,
					meeting.getStart(), meeting.getEnd(), status, summary, meeting.getLocation(), description,
					notice.orElse(null));
		}
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.cacheControl(CacheControl.noCache().cachePublic())
			.header("Access-Control-Allow-Origin", "*")
			.body(calendar.end());
	}

}
