package se.paragraf.proceedings.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.paragraf.proceedings.Certification;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.proceedings.NoticeBoardPostings;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.web.PublicPage;

/**
 * A meeting as the public sees it, in one place: when and where, the agenda of the newest published
 * notice, every notice version, the certified minutes with their versions, and where the minutes
 * were announced. A scheduled meeting is public from the day it is planned; its documents appear as
 * they are published.
 */
@Controller
class PublicMeetingController {

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Certification certification;

	private final Organisation organisation;

	private final ObjectProvider<NoticeBoardPostings> postings;

	private final Clock clock;

	PublicMeetingController(MeetingPlanning planning, NoticePublication notices, Certification certification,
			Organisation organisation, ObjectProvider<NoticeBoardPostings> postings, Clock clock) {
		this.clock = clock;
		this.planning = planning;
		this.notices = notices;
		this.certification = certification;
		this.organisation = organisation;
		this.postings = postings;
	}

	/**
	 * A board's meeting calendar: every meeting planned, held or cancelled, upcoming first, each
	 * with its notice and minutes as soon as they are public.
	 */
	@GetMapping("/public/boards/{code}")
	@PublicPage
	String showBoard(@PathVariable String code, Model model) {
		Board board = this.organisation.board(code);
		LocalDateTime now = LocalDateTime.now(this.clock);
		List<Meeting> meetings = this.planning.meetingsOf(board.getId());
		// Two queries for the whole calendar, not two documents read per meeting.
		List<Long> ids = meetings.stream().map(Meeting::getId).toList();
		Set<Long> noticed = this.notices.withNotices(ids);
		Set<Long> certified = this.certification.withCertifiedMinutes(ids);
		List<CalendarEntry> entries = meetings.stream()
			.map(m -> new CalendarEntry(m, noticed.contains(m.getId()), certified.contains(m.getId())))
			.toList();
		model.addAttribute("board", board);
		model.addAttribute("upcoming", entries.stream()
			.filter(e -> !e.meeting().getStart().isBefore(now))
			.sorted(Comparator.comparing((CalendarEntry e) -> e.meeting().getStart()))
			.toList());
		model.addAttribute("past", entries.stream()
			.filter(e -> e.meeting().getStart().isBefore(now))
			.sorted(Comparator.comparing((CalendarEntry e) -> e.meeting().getStart()).reversed())
			.toList());
		return "meetings/public-board";
	}

	@GetMapping("/public/meetings/{id}")
	@PublicPage
	String showMeeting(@PathVariable Long id, Model model) {
		Meeting meeting = this.planning.meeting(id);
		List<Minutes> certified = this.certification.versions(id).stream().filter(Minutes::isCertified).toList();
		model.addAttribute("meeting", meeting);
		model.addAttribute("board", this.organisation.board(meeting.getBoardId()));
		List<Notice> noticeVersions = this.notices.versions(id);
		model.addAttribute("notice", noticeVersions.isEmpty() ? null : noticeVersions.get(0));
		model.addAttribute("noticeVersions", noticeVersions);
		model.addAttribute("minutes", certified.isEmpty() ? null : certified.get(0));
		model.addAttribute("minutesVersions", certified);
		NoticeBoardPostings boards = this.postings.getIfAvailable();
		model.addAttribute("postings", boards == null || certified.isEmpty() ? List.of() : boards.postings(id));
		return "meetings/public-meeting";
	}

	/** A meeting in the board's calendar: whether its notice is out and its minutes certified. */
	record CalendarEntry(Meeting meeting, boolean noticePublished, boolean minutesCertified) {
	}

}
