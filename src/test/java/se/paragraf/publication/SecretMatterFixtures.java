package se.paragraf.publication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.Vote;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.SignedIn;
import se.paragraf.shared.security.Role;

/**
 * A board whose published meeting carries a secret matter (made-up words in its title, report
 * and attachment), a public matter with one secret attachment, a public matter handled behind
 * closed doors (secret agenda item) and a public matter whose minute section is made secret; the meeting held with a vote
 * and a dissent on the public matter, and its minutes certified.
 */
record SecretMatterFixtures(BoardWithPeople board, Meeting meeting, Matter secret, Matter open, Matter closedDoors,
		Matter secretSection,
		Attachment secretMattersAttachment, Attachment secretAttachment, Attachment openAttachment, Long member1,
		Long member2) {

	/** Words that exist nowhere but in the secret content; none may ever reach a public surface. */
	static final List<String> SECRET_WORDS = List.of("Zyxoplankton", "Flimmerkvarn", "Grubbelmoj", "Vrålspinnare",
			"Kvastrumla", "Snorkelbävern", "Pimpelsnorre", "snorkelbavern.pdf", "pimpelsnorre.pdf", "Knaggelbrus",
			"Trulsdimma", "knaggelbrus.pdf");

	static final String GROUND = "21 kap. 1 §";

	/** Skatteverket's test personnummer, in a public dissent: it must be masked wherever the dissent is shown. */
	static final String IDENTITY_NUMBER = "19121212-1212";

	static final String PASSWORD = "correct horse battery";

	static SecretMatterFixtures publishedAndCertified(Organisation organisation, MatterRegister register,
			MeetingPlanning planning, NoticePublication notices, MeetingConduct conduct, Certification certification,
			AccountService accounts) throws IOException {
		SecretMatterFixtures f = published(organisation, register, planning, notices);
		f.holdAndCertify(conduct, planning, certification, accounts);
		return f;
	}

	static SecretMatterFixtures published(Organisation organisation, MatterRegister register,
			MeetingPlanning planning, NoticePublication notices) throws IOException {
		BoardWithPeople board = PeopleFixtures.jointBoard(organisation);
		Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 3, 12, 13, 0),
				LocalDateTime.of(2024, 3, 12, 16, 0), "Sammanträdesrum Tranan", null);

		Matter secret = register.register(board.code(), "Placering av Zyxoplankton vid Flimmerkvarn");
		register.writeReport(secret.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden beslutar att Kvastrumla ska gälla."), "Sammanfattning om Grubbelmoj.",
				"Utredningen om Vrålspinnare visar följande.", "Inga.", board.caseOfficer().getId(),
				LocalDate.of(2024, 2, 20), List.of(new DecisionRecipient("Akten", false, null))), 0);
		Attachment secretMattersAttachment = register.attachFile(secret.getId(), "Utredning Snorkelbävern",
				"snorkelbavern.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Snorkelbävern")));
		register.classify(secret.getId(), Confidentiality.confidential(GROUND), register.matter(secret.getId()).getVersion());

		Matter open = register.register(board.code(), "Detaljbudget 2024");
		register.writeReport(open.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "", "Förvaltningen har färdigställt budgeten.",
				"Inga.", board.caseOfficer().getId(), LocalDate.of(2024, 2, 20),
				List.of(new DecisionRecipient("Akten", false, null))), 0);
		Attachment openAttachment = register.attachFile(open.getId(), "Budgetunderlag", "underlag.pdf",
				"application/pdf", new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Budgetunderlag")));
		Attachment secretAttachment = register.attachFile(open.getId(), "Hemlig bilaga Pimpelsnorre",
				"pimpelsnorre.pdf", "application/pdf", new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Pimpelsnorre")));
		register.classifyAttachment(secretAttachment.getId(), Confidentiality.confidential("26 kap. 1 §"));

		// A public matter handled behind closed doors: its item is secret, so its report never goes out.
		Matter closedDoors = register.register(board.code(), "Upphandling av växeltjänst");
		register.writeReport(closedDoors.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden antar anbudet från Knaggelbrus."), "", "Anbuden har utvärderats.", "Inga.",
				board.caseOfficer().getId(), LocalDate.of(2024, 2, 20), List.of()), 0);
		register.attachFile(closedDoors.getId(), "Anbud från Knaggelbrus", "knaggelbrus.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Knaggelbrus")));
		// A public matter whose minute section alone is made secret at the meeting.
		Matter secretSection = register.register(board.code(), "Personalärende IT-center");

		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), secret.getId());
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), open.getId());
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), closedDoors.getId());
		AgendaItem closedItem = planning.meeting(meeting.getId())
			.getAgenda()
			.stream()
			.filter(i -> closedDoors.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow();
		planning.classifyItem(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), closedItem.getId(),
				Confidentiality.confidential("19 kap. 3 §"));
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), secretSection.getId());
		notices.publish(meeting.getId(), planning.meeting(meeting.getId()).getVersion());
		List<Long> members = organisation.seats(board.board().getId(), LocalDate.of(2024, 3, 12))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.toList();
		return new SecretMatterFixtures(board, planning.meeting(meeting.getId()), secret, open, closedDoors,
				secretSection, secretMattersAttachment, secretAttachment, openAttachment, members.get(0), members.get(1));
	}

	/**
	 * Holds the meeting: everyone present, member 1 checks the minutes; the secret matter approved,
	 * the public one approved after a vote (member 2 against, and dissenting); then certifies.
	 */
	void holdAndCertify(MeetingConduct conduct, MeetingPlanning planning, Certification certification,
			AccountService accounts) {
		Long id = this.meeting.getId();
		Long chair = this.board.chair().getId();
		long v = 0;
		v = conduct.recordAttendance(id, v, List.of(new Attendance(chair, Presence.IN_PERSON, null, null, null),
				new Attendance(this.member1, Presence.IN_PERSON, null, null, null),
				new Attendance(this.member2, Presence.REMOTE, null, null, null)), null).getVersion();
		v = conduct.electCheckers(id, v, List.of(this.member1), "Stadshuset", LocalDateTime.of(2024, 3, 19, 9, 0))
			.getVersion();
		for (AgendaItem item : planning.meeting(id).getAgenda()) {
			MeetingConduct.DecisionCommand command;
			if (this.open.getId().equals(item.getMatterId())) {
				command = new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED, null, null, null, null, null,
						List.of(new Vote(chair, VoteChoice.YES), new Vote(this.member1, VoteChoice.YES),
								new Vote(this.member2, VoteChoice.NO)));
			}
			else if (this.secretSection.getId().equals(item.getMatterId())) {
				command = new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED,
						"Nämnden beslutar att Trulsdimma omplaceras.", null, null, null, null, null);
			}
			else if (item.getMatterId() != null) {
				command = MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED);
			}
			else {
				command = MeetingConduct.DecisionCommand.of(DecisionOutcome.NOTED);
			}
			v = conduct.decide(id, v, item.getId(), command).getVersion();
			if (this.secretSection.getId().equals(item.getMatterId())) {
				v = conduct.classifySection(id, v, item.getId(), Confidentiality.confidential("39 kap. 3 §")).getVersion();
			}
		}
		v = conduct.dissent(id, v, openItem(planning).getId(), this.member2,
				"Budgeten är underfinansierad. Se skrivelsen från " + IDENTITY_NUMBER + ".").getVersion();
		conduct.close(id, v);
		certification.draw(id);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		accounts.create("chair-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), chair);
		accounts.create("checker-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.member1);
		try {
			SignedIn.as(accounts, "chair-" + suffix);
			certification.sign(id, PASSWORD, null);
			SignedIn.as(accounts, "checker-" + suffix);
			certification.sign(id, PASSWORD, null);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	AgendaItem openItem(MeetingPlanning planning) {
		return planning.meeting(this.meeting.getId())
			.getAgenda()
			.stream()
			.filter(i -> this.open.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow();
	}

	String municipalityCode(Organisation organisation) {
		return organisation.municipality(this.board.board().getHostMunicipalityId()).getCode();
	}


}
