package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.Meetings;

/**
 * Recording a meeting: attendance, quorum per item, checkers, decisions, votes, dissents, and the
 * section numbering when the meeting closes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingConductIntegrationTests {

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	se.paragraf.shared.text.RichText richText;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	ConductFixtures f;

	@BeforeEach
	void meetingWithPublishedNotice() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
	}

	Long id() {
		return this.f.meeting().getId();
	}

	Long budgetItem() {
		return this.f.matterItem(this.planning, this.f.budget()).getId();
	}

	long version() {
		return this.conduct.record(id()).map(MeetingRecord::getVersion).orElse(0L);
	}

	@Test
	void quorumNeedsMoreThanHalfOfTheMembers() {
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.ABSENT, null, null, null),
				new Attendance(this.f.member2(), Presence.ABSENT, null, null, null)), null);
		assertThat(this.conduct.quorum(id(), budgetItem())).isEqualTo(new Quorum(1, 3));
		assertThat(this.conduct.quorum(id(), budgetItem()).isReached()).isFalse();

		this.conduct.recordAttendance(id(), version(), List.of(
				new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.REMOTE, null, null, null),
				new Attendance(this.f.member2(), Presence.ABSENT, null, null, null)), null);
		assertThat(this.conduct.quorum(id(), budgetItem()).isReached()).isTrue();
	}

	@Test
	void aServingSubstituteCountsForTheAbsentMember() {
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.ABSENT, null, null, null),
				new Attendance(this.f.substitute(), Presence.IN_PERSON, this.f.member1(), null, null)), null);
		assertThat(this.conduct.quorum(id(), budgetItem())).isEqualTo(new Quorum(2, 3));
		assertThat(this.conduct.servingOn(id(), budgetItem())).contains(this.f.substitute());
	}

	@Test
	void aMemberWithAConflictOfInterestIsNotCounted() {
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.IN_PERSON, null, null, null)), null);
		this.conduct.declareConflicts(id(), version(), budgetItem(), List.of(this.f.member1()));
		assertThat(this.conduct.quorum(id(), budgetItem())).isEqualTo(new Quorum(1, 3));
		long before = version();
		assertThatThrownBy(() -> this.conduct.decide(id(), before, budgetItem(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.quorum.missing");
		assertThat(this.conduct.record(id()).orElseThrow().decisionOn(budgetItem()).orElseThrow().isRecorded()).isFalse();
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void aMemberWhoLeftIsNotCountedOnLaterItems() {
		Meeting meeting = this.planning.meeting(id());
		int budgetNumber = meeting.numberOf(meeting.item(budgetItem()));
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.IN_PERSON, null, null, budgetNumber - 1)), null);
		assertThat(this.conduct.quorum(id(), budgetItem()).isReached()).isFalse();
	}

	@Test
	void refusesAVoteByAPersonNotServing() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		long before = version();
		assertThatThrownBy(() -> this.conduct.decide(id(), before, budgetItem(),
				new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED, null, null, null, null, null,
						List.of(new Vote(this.f.chair(), VoteChoice.YES), new Vote(this.f.substitute(), VoteChoice.NO)))))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.vote.notServing");
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void recordsAnOpenVoteByNameWithItsResult() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		MeetingRecord record = this.conduct.decide(id(), version(), budgetItem(),
				new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED, null, null, null,
						List.of(new Proposal(null, "Förvaltningens förslag"), new Proposal(this.f.member2(), "Avslag")),
						"Ordföranden ställer förslagen mot varandra och finner förvaltningens förslag antaget.",
						List.of(new Vote(this.f.chair(), VoteChoice.YES), new Vote(this.f.member1(), VoteChoice.YES),
								new Vote(this.f.member2(), VoteChoice.NO))));
		Decision decision = record.decisionOn(budgetItem()).orElseThrow();
		assertThat(decision.getVoteResult()).isEqualTo(new VoteResult(2, 1, 0));
		assertThat(decision.getText()).isEqualTo("Nämnden godkänner driftdetaljbudgeten för 2024.");
		assertThat(decision.getProposals()).hasSize(2);
	}

	@Test
	void remittingBackNeedsAReason() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		assertThatThrownBy(() -> this.conduct.decide(id(), version(), budgetItem(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.REMITTED)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.decision.reasonRequired");
	}

	@Test
	void aReferredMatterGoesOnTheLaterMeetingsAgenda() {
		this.f.holdMeeting(this.conduct, this.planning);
		assertThat(this.planning.meeting(this.f.later().getId()).getAgenda())
			.anyMatch(i -> this.f.schedule().getId().equals(i.getMatterId()));
		Decision referred = this.conduct.record(id()).orElseThrow()
			.decisionOn(this.f.matterItem(this.planning, this.f.schedule()).getId()).orElseThrow();
		assertThat(referred.getText()).isEqualTo("Nämnd " + this.f.board().code().toLowerCase(java.util.Locale.ROOT)
				+ " hänskjuter ärendet till extra sammanträdet 3 oktober 2024.");
	}

	@Test
	void closingNumbersTheSectionsContinuouslyPerBoardAndYear() {
		MeetingRecord record = this.f.holdMeeting(this.conduct, this.planning);
		List<Integer> numbers = this.planning.meeting(id()).getAgenda().stream()
			.map(i -> record.decisionOn(i.getId()).orElseThrow().getSectionNumber())
			.toList();
		assertThat(numbers).containsExactly(1, 2, 3, 4, 5);
		assertThat(this.planning.meeting(id()).getStatus()).isEqualTo(MeetingStatus.HELD);
	}

	@Test
	void closingRefusesAnUndecidedItem() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		this.conduct.electCheckers(id(), version(), List.of(this.f.member1()), "Stadshuset",
				LocalDateTime.of(2023, 12, 12, 9, 0));
		assertThatThrownBy(() -> this.conduct.close(id(), version())).isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.close.undecided");
	}

	@Test
	void aCheckerMustServe() {
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.ABSENT, null, null, null)), null);
		assertThatThrownBy(() -> this.conduct.electCheckers(id(), version(), List.of(this.f.member1()), "Stadshuset",
				LocalDateTime.of(2023, 12, 12, 9, 0)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.checkers.notServing");
	}

	@Test
	void aSecondSecretaryWithAnOlderVersionGetsAConflict() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		assertThatThrownBy(() -> this.conduct.recordAttendance(id(), 0, this.f.allPresent(), "x"))
			.isInstanceOf(StaleVersionException.class);
		assertThat(this.conduct.record(id()).orElseThrow().getOthersPresent()).isNull();
	}

	@Test
	void recordingNeedsThePublishedNotice() {
		Meeting unpublished = this.f.later();
		assertThatThrownBy(() -> this.conduct.recordAttendance(unpublished.getId(), 0, List.of(), null))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.notice.notPublished");
	}

	@Test
	void aDissentComesFromADecisionMaker() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		this.conduct.decide(id(), version(), budgetItem(), MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED));
		assertThatThrownBy(() -> this.conduct.dissent(id(), version(), budgetItem(), this.f.substitute(), null))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.dissent.notServing");
		MeetingRecord record = this.conduct.dissent(id(), version(), budgetItem(), this.f.member2(), null);
		record = this.conduct.dissent(id(), record.getVersion(), budgetItem(), this.f.member2(), "Skriftlig motivering.");
		assertThat(record.decisionOn(budgetItem()).orElseThrow().getDissents())
			.containsExactly(new Dissent(this.f.member2(), "Skriftlig motivering."));
	}

	@Test
	void anImmediatelyCertifiedSectionCanNoLongerChange() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		this.conduct.electCheckers(id(), version(), List.of(this.f.member1()), "Stadshuset",
				LocalDateTime.of(2023, 12, 12, 9, 0));
		this.conduct.decide(id(), version(), budgetItem(), MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED));
		this.conduct.certifyImmediately(id(), version(), budgetItem());
		assertThatThrownBy(() -> this.conduct.decide(id(), version(), budgetItem(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.REJECTED)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.section.immediatelyCertified");
		assertThatThrownBy(() -> this.conduct.dissent(id(), version(), budgetItem(), this.f.member2(), null))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("conduct.section.immediatelyCertified");
		assertThat(this.conduct.decisionsOn(this.f.budget().getId())).singleElement()
			.satisfies(d -> assertThat(d.outcome()).isEqualTo(DecisionOutcome.APPROVED));
	}

	@Test
	void standardDecisionsKeepTheirWording() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		String board = this.f.board().board().getName();
		MeetingRecord record = this.conduct.electCheckers(id(), version(), List.of(this.f.member1(), this.f.member2()),
				" Stadshuset ", LocalDateTime.of(2023, 12, 12, 9, 0));
		Long checkersItem = this.f.item(this.planning, AgendaItemKind.ELECTION_OF_CHECKERS).getId();
		assertThat(record.decisionOn(checkersItem).orElseThrow().getText())
			.isEqualTo("Till att jämte ordföranden justera protokollet väljs " + name(this.f.member1()) + " och "
					+ name(this.f.member2()) + ". Justering sker Stadshuset den 12 december 2023 kl. 09:00.");

		Long oral = this.f.item(this.planning, AgendaItemKind.ORAL_INFORMATION).getId();
		assertThat(decidedText(oral, DecisionOutcome.APPROVED, null, null))
			.isEqualTo(board + " beslutar i enlighet med förslaget.");
		assertThat(decidedText(oral, DecisionOutcome.APPROVED_WITH_AMENDMENTS, null, null))
			.isEqualTo(board + " beslutar i enlighet med förslaget med de ändringar som framgår av yrkandena.");
		assertThat(decidedText(oral, DecisionOutcome.REJECTED, null, null)).isEqualTo(board + " avslår förslaget.");
		assertThat(decidedText(oral, DecisionOutcome.REMITTED, " Underlaget saknas. ", null))
			.isEqualTo(board + " återremitterar ärendet till förvaltningen med motiveringen: Underlaget saknas.");
		assertThat(decidedText(oral, DecisionOutcome.POSTPONED, null, null)).isEqualTo(board + " bordlägger ärendet.");
		assertThat(decidedText(oral, DecisionOutcome.NOTED, null, null)).isEqualTo(board + " noterar informationen.");
		assertThat(decidedText(oral, DecisionOutcome.REFERRED, null, this.f.later().getId()))
			.isEqualTo(board + " hänskjuter ärendet till extra sammanträdet 3 oktober 2024.");
	}

	@Test
	void extraItemsAreListedInTheDecisionOnTheExtraItemsItem() {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		Long extrasItem = this.f.item(this.planning, AgendaItemKind.EXTRA_ITEMS).getId();
		Long v = this.conduct.decide(id(), version(), extrasItem, new MeetingConduct.DecisionCommand(
				DecisionOutcome.NOTED, "Inga extra ärenden anmäls.", null, null, null, null, null)).getVersion();
		var printers = this.register.register(this.f.board().code(), "Upphandling av skrivare");
		var licences = this.register.register(this.f.board().code(), "Licenser; avtal 2024");
		this.conduct.addExtraItem(id(), v, printers.getId());
		MeetingRecord record = this.conduct.addExtraItem(id(), version(), licences.getId());
		assertThat(record.decisionOn(extrasItem).orElseThrow().getText())
			.isEqualTo("Följande extra ärenden anmäls och tas upp: " + printers.getDiaryNumber()
					+ " Upphandling av skrivare; " + licences.getDiaryNumber() + " Licenser; avtal 2024.");
		assertThat(record.decisionOn(extrasItem).orElseThrow().getOutcome()).isEqualTo(DecisionOutcome.APPROVED);
		assertThat(this.planning.meeting(id()).getAgenda()).extracting(AgendaItem::getMatterId)
			.contains(printers.getId(), licences.getId());
	}

	@Test
	void theMigrationReadsTheExtraItemsOfADecisionRecordedBeforeThem() throws Exception {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		var printers = this.register.register(this.f.board().code(), "Upphandling av skrivare");
		var licences = this.register.register(this.f.board().code(), "Licenser 2024");
		for (var matter : List.of(printers, licences)) {
			this.planning.addExtraMatter(id(), this.planning.meeting(id()).getVersion(), matter.getId());
		}
		Long extrasItem = this.f.item(this.planning, AgendaItemKind.EXTRA_ITEMS).getId();
		// As the secretary's extra items were kept before they were data: only in the sentence.
		this.conduct.decide(id(), version(), extrasItem, new MeetingConduct.DecisionCommand(DecisionOutcome.APPROVED,
				"Följande extra ärenden anmäls och tas upp: " + licences.getDiaryNumber() + " Licenser 2024; "
						+ printers.getDiaryNumber() + " Upphandling av skrivare.",
				null, null, null, null, null));
		assertThat(this.conduct.record(id()).orElseThrow().getExtraItems()).isEmpty();

		String migration = new String(getClass().getResourceAsStream("/db/migration/V3_5__meetings_extra_items.sql")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		String insert = migration.substring(migration.indexOf("insert into extra_item")).strip();
		this.jdbc.update(insert.substring(0, insert.length() - 1));

		assertThat(this.conduct.record(id()).orElseThrow().getExtraItems()).containsExactly(
				new ExtraItem(licences.getId(), licences.getDiaryNumber().toString(), "Licenser 2024"),
				new ExtraItem(printers.getId(), printers.getDiaryNumber().toString(), "Upphandling av skrivare"));
		var budget = this.register.register(this.f.board().code(), "Budget");
		MeetingRecord record = this.conduct.addExtraItem(id(), version(), budget.getId());
		assertThat(record.decisionOn(extrasItem).orElseThrow().getText()).isEqualTo(
				"Följande extra ärenden anmäls och tas upp: " + licences.getDiaryNumber() + " Licenser 2024; "
						+ printers.getDiaryNumber() + " Upphandling av skrivare; " + budget.getDiaryNumber() + " Budget.");
	}

	String decidedText(Long itemId, DecisionOutcome outcome, String reason, Long referredMeetingId) {
		return this.conduct
			.decide(id(), version(), itemId,
					new MeetingConduct.DecisionCommand(outcome, null, reason, referredMeetingId, null, null, null))
			.decisionOn(itemId)
			.orElseThrow()
			.getText();
	}

	String name(Long personId) {
		return this.organisation.person(personId).getFullName();
	}

	@Test
	void theScheduleEmbedKeepsItsMarkup() {
		String code = this.f.board().code();
		assertThat(this.richText.toHtml("{{meetings.schedule board=" + code + " year=2023}}")).isEqualTo(
				"<div class=\"embed embed-meetings\"><ul class=\"schedule\"><li>5 december kl. 10.00-12.00</li></ul></div>");
		assertThat(this.richText.toHtml("{{meetings.schedule board=" + code + " year=2024}}"))
			.isEqualTo("<div class=\"embed embed-meetings\"><ul class=\"schedule\"></ul></div>");
	}

}
