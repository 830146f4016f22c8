package se.paragraf.meetings.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.paragraf.meetings.Certification;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Minutes;
import se.paragraf.meetings.NoticeBoardPostings;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;

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

	PublicMeetingController(MeetingPlanning planning, NoticePublication notices, Certification certification,
			Organisation organisation, ObjectProvider<NoticeBoardPostings> postings) {
		this.planning = planning;
		this.notices = notices;
		this.certification = certification;
		this.organisation = organisation;
		this.postings = postings;
	}

	@GetMapping("/public/meetings/{id}")
	String showMeeting(@PathVariable Long id, Model model) {
		Meeting meeting = this.planning.meeting(id);
		List<Minutes> certified = this.certification.versions(id).stream().filter(Minutes::isCertified).toList();
		model.addAttribute("meeting", meeting);
		model.addAttribute("board", this.organisation.board(meeting.getBoardId()));
		model.addAttribute("notice", this.notices.latest(id).orElse(null));
		model.addAttribute("noticeVersions", this.notices.versions(id));
		model.addAttribute("minutes", certified.isEmpty() ? null : certified.get(0));
		model.addAttribute("minutesVersions", certified);
		NoticeBoardPostings boards = this.postings.getIfAvailable();
		model.addAttribute("postings", boards == null || certified.isEmpty() ? List.of() : boards.postings(id));
		return "meetings/public-meeting";
	}

}
