package se.paragraf.proceedings;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.EnumSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Builds {@link ConductFixtures} meetings and the accounts that act in them with the application's
 * own services, so a test autowires this instead of every service the fixture needs.
 */
@Component
class ConductMeetings {

	private static final String PASSWORD = "correct horse battery";

	private final Organisation organisation;

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final Meetings meetings;

	private final MeetingConduct conduct;

	private final AccountService accounts;

	ConductMeetings(Organisation organisation, MatterRegister register, MeetingPlanning planning, Meetings meetings,
			MeetingConduct conduct, AccountService accounts) {
		this.organisation = organisation;
		this.register = register;
		this.planning = planning;
		this.meetings = meetings;
		this.conduct = conduct;
		this.accounts = accounts;
	}

	/** A new board's meeting whose notice is out, ready to be recorded. */
	ConductFixtures noticeOut() {
		return noticeOut(null);
	}

	/** The same, with the budget's decision dispatched to this address. */
	ConductFixtures noticeOut(@Nullable String recipientEmail) {
		return ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, recipientEmail);
	}

	/** The whole meeting held and closed, everyone present, as {@link ConductFixtures#holdMeeting}. */
	MeetingRecord held(ConductFixtures f) {
		return f.holdMeeting(this.conduct, this.planning);
	}

	AgendaItem item(ConductFixtures f, AgendaItemKind kind) {
		return f.item(this.planning, kind);
	}

	AgendaItem matterItem(ConductFixtures f, Matter matter) {
		return f.matterItem(this.planning, matter);
	}

	/** A new account of this person with this role, signed in. */
	RequestPostProcessor signedIn(String prefix, Role role, Long personId) {
		String username = prefix + "-" + PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create(username, PASSWORD, EnumSet.of(role), personId);
		return user(this.accounts.loadUserByUsername(username));
	}

	/** The chair of another board: somebody with an account who sits on none of the fixture's boards. */
	Long personOfAnotherBoard() {
		return PeopleFixtures.jointBoard(this.organisation).chair().getId();
	}

}
