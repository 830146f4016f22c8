package se.paragraf.proceedings;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.MeetingPlanning;

/**
 * When minutes are certified, the register learns which matters the board decided: approved or
 * rejected, with or without amendments. A matter sent back, postponed or referred stays on the
 * agenda. Runs in the certifying transaction, so the register and the minutes agree.
 */
@Component
class DecidedMatters {

	private static final Set<DecisionOutcome> FINAL = EnumSet.of(DecisionOutcome.APPROVED,
			DecisionOutcome.APPROVED_WITH_AMENDMENTS, DecisionOutcome.REJECTED);

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final MatterRegister register;

	DecidedMatters(MeetingPlanning planning, MeetingConduct conduct, MatterRegister register) {
		this.planning = planning;
		this.conduct = conduct;
		this.register = register;
	}

	// Deliberately not an @ApplicationModuleListener: the register's "decided" must commit or fail with
	// the certification itself (a decided matter leaves the agenda list the same moment), so this runs
	// synchronously in the certifying transaction; nothing can be lost between two commits.
	@EventListener
	void on(MinutesCertified event) {
		MeetingRecord record = this.conduct.record(event.meetingId()).orElse(null);
		if (record == null) {
			return;
		}
		for (AgendaItem item : this.planning.meeting(event.meetingId()).getAgenda()) {
			Long matterId = item.getMatterId();
			if (matterId != null && record.decisionOn(item.getId())
				.filter(Decision::isRecorded)
				.map(Decision::getOutcome)
				.filter(FINAL::contains)
				.isPresent()) {
				this.register.markDecided(matterId);
			}
		}
	}

}
