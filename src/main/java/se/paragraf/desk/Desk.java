package se.paragraf.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.OfficerReport;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.people.Board;
import se.paragraf.people.CaseOfficer;
import se.paragraf.people.Membership;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.proceedings.DispatchStatus;
import se.paragraf.proceedings.Minutes;
import se.paragraf.proceedings.NoticeBoardPostings;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.mail.FailedMail;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.Role;

/**
 * What the signed-in user has to do now, gathered per role from the modules that know: the
 * secretary's meetings with their next deadline, the minutes waiting for a chair's or checker's
 * signature, the reports a case officer owes a meeting, and a member's next notice and recently
 * certified minutes.
 */
@Service
@Transactional(readOnly = true)
public class Desk {

	/** How far back the secretary's list reaches: a meeting held this long ago may still need her. */
	static final int DAYS_BACK = 45;

	/** The public notice of certification is posted by the second day after certification. */
	static final int DAYS_TO_POST = 2;

	private final Organisation organisation;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Certification certification;

	private final DecisionDispatch dispatch;

	private final MatterRegister register;

	private final Clock clock;

	/** The notice boards (publication), absent when a test starts the desk without them. */
	private final ObjectProvider<NoticeBoardPostings> postings;

	private final MailDelivery mail;

	Desk(Organisation organisation, MeetingPlanning planning, NoticePublication notices, Certification certification,
			DecisionDispatch dispatch, MatterRegister register, Clock clock,
			ObjectProvider<NoticeBoardPostings> postings, MailDelivery mail) {
		this.postings = postings;
		this.mail = mail;
		this.organisation = organisation;
		this.planning = planning;
		this.notices = notices;
		this.certification = certification;
		this.dispatch = dispatch;
		this.register = register;
		this.clock = clock;
	}

	/**
	 * When the certification must be posted on the notice boards, while a partner municipality's
	 * posting is still to be made (overdue ones included); empty once every board has it. Before the
	 * notice board knows of the minutes, the second day after certification.
	 */
	private java.util.Optional<LocalDate> postingDue(Long meetingId, List<NoticeBoardPostings.Posting> postings,
			LocalDate today) {
		if (!postings.isEmpty()) {
			return postings.stream()
				.filter(p -> p.postedOn() == null)
				.map(NoticeBoardPostings.Posting::dueBy)
				.min(Comparator.naturalOrder());
		}
		return this.certification.certified(meetingId)
			.map(Minutes::getCertifiedAt)
			.map(at -> at.atZone(Sweden.ZONE).toLocalDate().plusDays(DAYS_TO_POST))
			.filter(due -> !due.isBefore(today));
	}

	private List<NoticeBoardPostings.Posting> postings(Long meetingId) {
		NoticeBoardPostings boards = this.postings.getIfAvailable();
		return boards == null ? List.of() : boards.postings(meetingId);
	}

	/**
	 * The last day of the appeal period (three weeks from the posting), once every partner municipality
	 * has posted the certification and while the period runs; empty before and after.
	 */
	static java.util.Optional<LocalDate> appealEnds(List<NoticeBoardPostings.Posting> postings, LocalDate today) {
		if (postings.isEmpty() || postings.stream().anyMatch(p -> p.postedOn() == null || p.appealEndsOn() == null)) {
			return java.util.Optional.empty();
		}
		return postings.stream()
			.map(NoticeBoardPostings.Posting::appealEndsOn)
			.filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder())
			.filter(ends -> !ends.isBefore(today));
	}

	/** The desk of the signed-in user. */
	public View of(CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock.withZone(Sweden.ZONE));
		Long personId = user.personId();
		List<Membership> memberships = personId == null ? List.of() : this.organisation.membershipsOf(personId, today);
		boolean secretary = user.has(Role.SECRETARY) || user.has(Role.ADMIN);
		return new View(secretary ? secretaryTasks(memberships, today) : List.of(),
				personId == null ? List.of() : toSign(personId),
				personId != null && user.has(Role.CASE_OFFICER) ? reportsDue(personId, today) : List.of(),
				memberMeetings(memberships, today, false), memberMeetings(memberships, today, true));
	}

	/** The minutes waiting for this person's signature, each with its signing page. */
	List<Task> toSign(Long personId) {
		return this.certification.awaitingSignatureOf(personId).stream().map(minutes -> {
			Meeting meeting = this.planning.meeting(minutes.getMeetingId());
			return new Task(meeting.getId(), boardName(meeting), meeting.getStart().toLocalDate(), "desk.task.sign",
					Certification.dueOn(meeting), "/meetings/" + meeting.getId() + "/minutes/signing");
		}).sorted(Comparator.comparing(Task::due)).toList();
	}

	/**
	 * The secretary's boards' meetings, from some weeks back, each with the next thing to do and by
	 * when. A secretary who is registered on boards sees those; otherwise every board.
	 */
	List<Task> secretaryTasks(List<Membership> memberships, LocalDate today) {
		List<Long> boardIds = memberships.stream()
			.filter(m -> m.getRole() == MembershipRole.SECRETARY)
			.map(Membership::getBoardId)
			.distinct()
			.toList();
		if (boardIds.isEmpty()) {
			boardIds = this.organisation.boards().stream().map(Board::getId).toList();
		}
		List<Task> tasks = new ArrayList<>();
		for (Meeting meeting : this.planning.upcoming(boardIds, today.minusDays(DAYS_BACK).atStartOfDay())) {
			tasks.addAll(secretaryTasks(meeting, today));
		}
		tasks.addAll(undeliveredMail(boardIds, today));
		return tasks.stream().sorted(Comparator.comparing(Task::due)).toList();
	}

	/**
	 * One task per screen with mail that could not be delivered, due today, whatever its age: the
	 * meeting page for the notice, the conduct page for the certification and reminders, the
	 * follow-up dashboard for the internal-control reminders. A failed extract is the dispatch's own
	 * task ("Utskicket misslyckades"), so it is not counted twice.
	 */
	List<Task> undeliveredMail(List<Long> boardIds, LocalDate today) {
		java.util.Map<String, List<FailedMail>> byScreen = this.mail.undeliveredOfBoards(boardIds)
			.stream()
			.filter(f -> f.getKind() != MailKind.DECISION_DISPATCH)
			.collect(Collectors.groupingBy(FailedMail::getScreen, java.util.LinkedHashMap::new, Collectors.toList()));
		List<Task> tasks = new ArrayList<>();
		byScreen.forEach((screen, failures) -> {
			FailedMail first = failures.get(0);
			Long meetingId = first.getMeetingId();
			Meeting meeting = meetingId == null ? null : this.planning.meeting(meetingId);
			String board = meeting != null ? boardName(meeting)
					: first.getBoardId() == null ? "" : this.organisation.board(first.getBoardId()).getName();
			tasks.add(new Task(meetingId, board, meeting == null ? null : meeting.getStart().toLocalDate(),
					"desk.task.mailUndelivered", today, screen, failures.size()));
		});
		return tasks;
	}

	private List<Task> secretaryTasks(Meeting meeting, LocalDate today) {
		Long id = meeting.getId();
		LocalDate day = meeting.getStart().toLocalDate();
		String board = boardName(meeting);
		List<Task> tasks = new ArrayList<>();
		switch (meeting.getStatus()) {
			case PLANNED -> tasks.add(new Task(id, board, day, "desk.task.publishNotice", day, "/meetings/" + id));
			case NOTICE_PUBLISHED -> {
				if (!day.isAfter(today)) {
					tasks.add(new Task(id, board, day, "desk.task.conduct", day, "/meetings/" + id + "/conduct"));
				}
				else {
					tasks.add(new Task(id, board, day, "desk.task.noticePublished", day, "/meetings/" + id));
				}
			}
			case HELD -> tasks.add(new Task(id, board, day, "desk.task.certify", Certification.dueOn(meeting),
					"/meetings/" + id + "/conduct#minutes"));
			case MINUTES_CERTIFIED -> {
				List<NoticeBoardPostings.Posting> postings = postings(id);
				java.util.Optional<LocalDate> posting = postingDue(id, postings, today);
				posting.ifPresent(due -> tasks.add(new Task(id, board, day, "desk.task.post", due, "/notice-boards")));
				if (posting.isEmpty()) {
					appealEnds(postings, today).ifPresent(ends -> tasks.add(new Task(id, board, day,
							"desk.task.appealEnds", ends, "/meetings/" + id + "/conduct#notices")));
				}
			}
			case CANCELLED -> {
			}
		}
		if (meeting.getStatus() == MeetingStatus.MINUTES_CERTIFIED || meeting.getStatus() == MeetingStatus.HELD) {
			long failed = this.dispatch.dispatches(id).stream().filter(d -> d.getStatus() == DispatchStatus.FAILED).count();
			if (failed > 0) {
				tasks.add(new Task(id, board, day, "desk.task.dispatchFailed", today, "/meetings/" + id + "/conduct#dispatch"));
			}
		}
		return tasks;
	}

	/**
	 * The reports this case officer signs on the agendas of coming meetings, written or not: what is
	 * due for which meeting.
	 */
	List<Report> reportsDue(Long personId, LocalDate today) {
		Set<Long> officerIds = this.organisation.caseOfficers()
			.stream()
			.filter(o -> personId.equals(o.getPersonId()))
			.map(CaseOfficer::getId)
			.collect(Collectors.toSet());
		if (officerIds.isEmpty()) {
			return List.of();
		}
		List<Long> boardIds = this.organisation.boards().stream().map(Board::getId).toList();
		List<Report> due = new ArrayList<>();
		for (Meeting meeting : this.planning.upcoming(boardIds, today.atStartOfDay())) {
			if (meeting.getStatus() != MeetingStatus.PLANNED && meeting.getStatus() != MeetingStatus.NOTICE_PUBLISHED) {
				continue;
			}
			for (AgendaItem item : meeting.getAgenda()) {
				Long matterId = item.getMatterId();
				OfficerReport report = matterId == null ? null : report(matterId);
				if (report != null && report.getSignatoryId() != null && officerIds.contains(report.getSignatoryId())) {
					due.add(new Report(matterId, item.getTitle(), meeting.getId(), boardName(meeting),
							meeting.getStart().toLocalDate(), report.isWritten()));
				}
			}
		}
		return due;
	}

	private @Nullable OfficerReport report(Long matterId) {
		try {
			return this.register.report(matterId);
		}
		catch (NotFoundException none) {
			return null;
		}
	}

	/**
	 * A member's or substitute's meetings: the coming ones with their notice, or those whose
	 * minutes were certified in the past weeks.
	 */
	List<MemberMeeting> memberMeetings(List<Membership> memberships, LocalDate today, boolean certified) {
		List<Long> boardIds = memberships.stream()
			.filter(m -> m.getRole() == MembershipRole.MEMBER || m.getRole() == MembershipRole.SUBSTITUTE
					|| m.getRole() == MembershipRole.CHAIR || m.getRole() == MembershipRole.VICE_CHAIR)
			.map(Membership::getBoardId)
			.distinct()
			.toList();
		if (boardIds.isEmpty()) {
			return List.of();
		}
		LocalDateTime from = certified ? today.minusDays(DAYS_BACK).atStartOfDay() : today.atStartOfDay();
		List<MemberMeeting> rows = new ArrayList<>();
		for (Meeting meeting : this.planning.upcoming(boardIds, from)) {
			if (certified) {
				this.certification.certified(meeting.getId())
					.ifPresent(m -> rows.add(new MemberMeeting(meeting.getId(), boardName(meeting), meeting.getStart(),
							OfficialLinks.minutes(meeting.getId(), m.getVersionNumber()))));
			}
			else if (meeting.getStatus() == MeetingStatus.NOTICE_PUBLISHED || meeting.getStatus() == MeetingStatus.PLANNED) {
				boolean published = this.notices.latest(meeting.getId()).isPresent();
				rows.add(new MemberMeeting(meeting.getId(), boardName(meeting), meeting.getStart(),
						published ? OfficialLinks.notice(meeting.getId()) : null));
			}
		}
		return certified ? rows : rows.stream().limit(3).toList();
	}

	private String boardName(Meeting meeting) {
		return this.organisation.board(meeting.getBoardId()).getName();
	}

	/**
	 * A thing to do for a meeting (or, without one, for a board): what (a message key), by when, where
	 * it is done, and how many things of the kind wait there (undelivered mails; else 1).
	 */
	public record Task(@Nullable Long meetingId, String boardName, @Nullable LocalDate meetingDay, String what,
			LocalDate due, String href, int count) {

		public Task(Long meetingId, String boardName, LocalDate meetingDay, String what, LocalDate due, String href) {
			this(meetingId, boardName, meetingDay, what, due, href, 1);
		}

	}

	/** An officer report on a coming meeting's agenda, and whether it is written yet. */
	public record Report(Long matterId, String title, Long meetingId, String boardName, LocalDate meetingDay,
			boolean written) {
	}

	/** A member's meeting with the link to its notice or certified minutes (null before the notice is out). */
	public record MemberMeeting(Long meetingId, String boardName, LocalDateTime start, @Nullable String href) {
	}

	/** Everything the start page shows a signed-in user; a section is empty when the role has none. */
	public record View(List<Task> secretary, List<Task> toSign, List<Report> reports, List<MemberMeeting> nextMeetings,
			List<MemberMeeting> certifiedMinutes) {

		public boolean isEmpty() {
			return this.secretary.isEmpty() && this.toSign.isEmpty() && this.reports.isEmpty()
					&& this.nextMeetings.isEmpty() && this.certifiedMinutes.isEmpty();
		}

	}

}
