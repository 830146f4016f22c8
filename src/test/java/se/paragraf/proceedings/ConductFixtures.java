package se.paragraf.proceedings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;

/**
 * A board with a meeting whose notice is out, ready to be recorded: three members (chair and two
 * more), a substitute, two matters and a later extra meeting.
 */
record ConductFixtures(BoardWithPeople board, Meeting meeting, Meeting later, Matter budget, Matter schedule,
		Long member1, Long member2) {

	static ConductFixtures create(Organisation organisation, MatterRegister register, MeetingPlanning planning,
			Meetings meetings, String recipientEmail) {
		BoardWithPeople board = PeopleFixtures.jointBoard(organisation);
		Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		Meeting later = planning.schedule(board.code(), MeetingKind.EXTRA, LocalDateTime.of(2024, 10, 3, 10, 0),
				LocalDateTime.of(2024, 10, 3, 12, 0), null, "Netpuplicator");
		Matter budget = register.register(board.code(), "Detaljbudget 2024");
		register.writeReport(budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "", "Beskrivning.", "Inga.",
				board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Kommunstyrelsen", true, recipientEmail),
						new DecisionRecipient("Akten", false, null))),
				0);
		Matter schedule = register.register(board.code(), "Sammanträdesplan 2024");
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), budget.getId());
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), schedule.getId());
		Meeting published = planning.meeting(meeting.getId());
		MeetingFixtures.noticePublished(published);
		meetings.saveAndFlush(published);
		List<Long> members = organisation.seats(board.board().getId(), LocalDate.of(2023, 12, 5))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.toList();
		return new ConductFixtures(board, planning.meeting(meeting.getId()), later, budget, schedule, members.get(0),
				members.get(1));
	}

	Long chair() {
		return this.board.chair().getId();
	}

	Long substitute() {
		return this.board.substitute().getId();
	}

	AgendaItem item(MeetingPlanning planning, AgendaItemKind kind) {
		return planning.meeting(this.meeting.getId()).getAgenda().stream().filter(i -> i.getKind() == kind).findFirst()
			.orElseThrow();
	}

	AgendaItem matterItem(MeetingPlanning planning, Matter matter) {
		return planning.meeting(this.meeting.getId()).getAgenda().stream()
			.filter(i -> matter.getId().equals(i.getMatterId())).findFirst().orElseThrow();
	}

	/** Everyone present for the whole meeting. */
	List<Attendance> allPresent() {
		return List.of(new Attendance(chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.member1, Presence.REMOTE, null, null, null),
				new Attendance(this.member2, Presence.IN_PERSON, null, null, null),
				new Attendance(substitute(), Presence.IN_PERSON, null, null, null));
	}

	/**
	 * Runs the whole meeting: roll call, checker, the budget approved, the schedule referred to the
	 * later meeting, the information noted; then closes it.
	 */
	MeetingRecord holdMeeting(MeetingConduct conduct, MeetingPlanning planning) {
		return holdMeeting(conduct, planning, allPresent(), this.member1);
	}

	MeetingRecord holdMeeting(MeetingConduct conduct, MeetingPlanning planning, List<Attendance> attendance,
			Long checker) {
		Long id = this.meeting.getId();
		long v = 0;
		v = conduct.recordAttendance(id, v, attendance, "Anna Källsved, IT-chef").getVersion();
		v = conduct.electCheckers(id, v, List.of(checker), "Digitalt", LocalDateTime.of(2023, 12, 12, 9, 0))
			.getVersion();
		v = conduct.decide(id, v, item(planning, AgendaItemKind.EXTRA_ITEMS).getId(),
				new MeetingConduct.DecisionCommand(DecisionOutcome.NOTED, "Inga extra ärenden anmäls.", null, null, null,
						null, null))
			.getVersion();
		v = conduct.decide(id, v, matterItem(planning, this.budget).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED)).getVersion();
		v = conduct.decide(id, v, matterItem(planning, this.schedule).getId(),
				new MeetingConduct.DecisionCommand(DecisionOutcome.REFERRED, null, null, this.later.getId(), null, null,
						null))
			.getVersion();
		v = conduct.decide(id, v, item(planning, AgendaItemKind.ORAL_INFORMATION).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.NOTED)).getVersion();
		return conduct.close(id, v);
	}

}
