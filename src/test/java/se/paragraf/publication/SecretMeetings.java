package se.paragraf.publication;

import java.io.IOException;

import org.springframework.stereotype.Component;

import se.paragraf.matters.MatterRegister;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.shared.security.AccountService;

/** Builds the {@link SecretMatterFixtures} meeting with the application's own services. */
@Component
class SecretMeetings {

	private final Organisation organisation;

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final MeetingConduct conduct;

	private final Certification certification;

	private final AccountService accounts;

	SecretMeetings(Organisation organisation, MatterRegister register, MeetingPlanning planning,
			NoticePublication notices, MeetingConduct conduct, Certification certification, AccountService accounts) {
		this.organisation = organisation;
		this.register = register;
		this.planning = planning;
		this.notices = notices;
		this.conduct = conduct;
		this.certification = certification;
		this.accounts = accounts;
	}

	/** Published, held with a vote and a dissent, and certified. */
	SecretMatterFixtures publishedAndCertified() throws IOException {
		return SecretMatterFixtures.publishedAndCertified(this.organisation, this.register, this.planning, this.notices,
				this.conduct, this.certification, this.accounts);
	}

}
