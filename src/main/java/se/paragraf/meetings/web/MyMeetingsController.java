package se.paragraf.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Membership;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.shared.security.CurrentUser;

/**
 * A member's or substitute's own meetings: upcoming ones first, then those held in the past year,
 * each with its notice once published: the official one, secret items included. Substitutes get
 * the notice "för kännedom".
 */
@Controller
@PreAuthorize("isAuthenticated()")
class MyMeetingsController {

	private final Organisation organisation;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Clock clock;

	MyMeetingsController(Organisation organisation, MeetingPlanning planning, NoticePublication notices, Clock clock) {
		this.organisation = organisation;
		this.planning = planning;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/my/meetings")
	String showMyMeetings(Model model) {
		LocalDate today = LocalDate.now(this.clock);
		Long personId = CurrentUser.get().map(CurrentUser::personId).orElse(null);
		List<Membership> memberships = personId == null ? List.of() : this.organisation.membershipsOf(personId, today);
		Map<Long, MembershipRole> roles = memberships.stream()
			.collect(Collectors.toMap(Membership::getBoardId, Membership::getRole, (a, b) -> a.compareTo(b) <= 0 ? a : b));
		List<Long> boardIds = List.copyOf(roles.keySet());
		LocalDateTime now = LocalDateTime.now(this.clock);
		List<Row> all = this.planning.upcoming(boardIds, now.minusYears(1).minusMonths(1))
			.stream()
			.filter(m -> m.getStatus() != MeetingStatus.CANCELLED)
			.map(m -> new Row(m, this.organisation.board(m.getBoardId()).getName(),
					roles.get(m.getBoardId()) == MembershipRole.SUBSTITUTE, this.notices.latest(m.getId()).isPresent()))
			.toList();
		model.addAttribute("linked", personId != null);
		model.addAttribute("upcoming", all.stream().filter(r -> r.meeting().getStart().isAfter(now)).toList());
		model.addAttribute("past", all.stream()
			.filter(r -> !r.meeting().getStart().isAfter(now))
			.sorted(Comparator.comparing((Row r) -> r.meeting().getStart()).reversed())
			.toList());
		return "meetings/mine";
	}

	/** A meeting as the member's list shows it, with the official (complete) notice. */
	record Row(Meeting meeting, String boardName, boolean forInformation, boolean published) {

		public String noticeUrl() {
			return OfficialLinks.notice(this.meeting.getId());
		}

		public String noticePdfUrl() {
			return OfficialLinks.noticePdf(this.meeting.getId());
		}

		/** The reader with the member's private notes. */
		public String readerUrl() {
			return "/meetings/" + this.meeting.getId() + "/reading";
		}

	}

}
