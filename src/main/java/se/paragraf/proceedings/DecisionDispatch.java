package se.paragraf.proceedings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.mail.Letter;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticeComposer;
import se.paragraf.meetings.NoticePublished;

/**
 * Dispatches certified decisions (expediering): each section's extract goes to the decision
 * recipients named in the officer report, by e-mail where they have an address; the others are
 * listed for dispatch by hand. Every dispatch is recorded. Members are told by e-mail when a
 * notice is published and when minutes are certified, unless they opted out. A mail that cannot be
 * delivered is kept by {@link MailDelivery}, shown on the screen it belongs to (the meeting page for
 * the notice, the conduct page for the rest) and sent again from there.
 */
@Service
@Transactional(readOnly = true)
public class DecisionDispatch {

	private static final Logger log = LoggerFactory.getLogger(DecisionDispatch.class);

	private final MeetingPlanning planning;

	private final MeetingRecords records;

	private final Certification certification;

	private final Dispatches dispatches;

	private final NotificationOptOuts optOuts;

	private final MatterRegister register;

	private final Organisation organisation;

	private final MailDelivery mail;

	private final MeetingConduct conduct;

	private final Clock clock;

	private final MessageSource messages;

	DecisionDispatch(MeetingPlanning planning, MeetingRecords records, Certification certification,
			Dispatches dispatches, NotificationOptOuts optOuts, MatterRegister register, Organisation organisation,
			MailDelivery mail, MeetingConduct conduct, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.conduct = conduct;
		this.planning = planning;
		this.records = records;
		this.certification = certification;
		this.dispatches = dispatches;
		this.optOuts = optOuts;
		this.register = register;
		this.organisation = organisation;
		this.mail = mail;
		this.clock = clock;
	}

	public List<Dispatch> dispatches(Long meetingId) {
		return this.dispatches.findByMeetingIdOrderBySectionNumberAscIdAsc(meetingId);
	}

	/** A matter's dispatches, for its history. */
	public List<Dispatch> dispatchesOfMatter(Long matterId) {
		return this.dispatches.findByMatterIdOrderByDispatchedAtAsc(matterId);
	}

	/**
	 * Sends the extracts of the meeting's certified minutes to the recipients of each section.
	 * Runs once per certified version; a mail failure is recorded, not thrown.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<Dispatch> dispatch(Long meetingId) {
		Minutes minutes = this.certification.certified(meetingId)
			.orElseThrow(() -> new RuleViolation("dispatch.notCertified"));
		if (this.dispatches.existsByMinutesId(minutes.getId())) {
			return dispatches(meetingId);
		}
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.records.findByMeetingId(meetingId).orElseThrow();
		Board board = this.organisation.board(meeting.getBoardId());
		String by = CurrentUser.name();
		for (AgendaItem item : meeting.getAgenda()) {
			Decision decision = record.decisionOn(item.getId()).orElse(null);
			if (item.getMatterId() == null || decision == null || decision.getSectionNumber() == null) {
				continue;
			}
			int section = decision.getSectionNumber();
			List<DecisionRecipient> recipients = this.register.report(item.getMatterId()).getDecisionRecipients();
			byte[] extract = null;
			for (DecisionRecipient recipient : recipients) {
				String email = recipient.email();
				if (email == null || email.isBlank()) {
					this.dispatches.save(new Dispatch(meetingId, minutes.getId(), section, item.getMatterId(),
							recipient.label(), email, DispatchStatus.MANUAL, null, Instant.now(this.clock), by));
					continue;
				}
				if (extract == null) {
					extract = this.certification.extractPdf(meetingId, section);
				}
				// Recorded before it is sent, so that a failure kept for "Försök igen" names its dispatch.
				Dispatch dispatch = this.dispatches.save(new Dispatch(meetingId, minutes.getId(), section,
						item.getMatterId(), recipient.label(), email, DispatchStatus.SENT, null, Instant.now(this.clock),
						by));
				String day = meeting.getStart().toLocalDate().toString();
				String error = this.mail.deliver(Letter
					.about(MailKind.DECISION_DISPATCH, board.getId(), meetingId, conductScreen(meetingId, "dispatch"),
							recipient.label(), email,
							wording("mail.extract.subject", board.getName(), day, String.valueOf(section)),
							wording("mail.extract.body", String.valueOf(section), item.getTitle(), board.getName(), day,
									recipient.forInformation() ? wording("mail.extract.forInformation") : ""))
					.referring(String.valueOf(dispatch.getId()))
					.attaching("protokollsutdrag-" + board.getCode() + "-" + meeting.getStart().toLocalDate()
							+ "-paragraf-" + section + ".pdf", extract));
				if (error != null) {
					log.warn("Dispatch of § {} to {} failed: {}", section, email, error);
					dispatch.failed(error);
				}
			}
		}
		return dispatches(meetingId);
	}

	/** Records that a recipient without e-mail (or whose mail failed) got the extract by hand. */
	@Transactional
	public Dispatch sentManually(Long dispatchId) {
		Dispatch dispatch = this.dispatches.findById(dispatchId)
			.orElseThrow(() -> new NotFoundException("Dispatch", dispatchId));
		if (!dispatch.needsFollowUp()) {
			throw new RuleViolation("dispatch.alreadySent");
		}
		dispatch.sentManually(Instant.now(this.clock), CurrentUser.name());
		// A failed mail of this dispatch is no longer a task once the extract went by hand.
		this.mail.settledByHand(MailKind.DECISION_DISPATCH, String.valueOf(dispatchId));
		return this.dispatches.save(dispatch);
	}

	/** Tells the members that the minutes are certified. */
	@Transactional
	public int notifyCertified(MinutesCertified event) {
		return notifyMembers(event.meetingId(), MailKind.MINUTES_CERTIFIED,
				wording("mail.certified.subject", event.meetingDate().toString()),
				wording("mail.certified.body", event.meetingDate().toString(), event.sectionRange(),
						event.certifiedOn().toString()));
	}

	/** Tells the members that the notice is published. */
	@Transactional
	public int notifyNoticePublished(NoticePublished event) {
		Meeting meeting = this.planning.meeting(event.meetingId());
		return notifyMembers(event.meetingId(), MailKind.NOTICE_PUBLISHED,
				wording("mail.notice.subject", meeting.getStart().toLocalDate().toString()),
				wording("mail.notice.body", NoticeComposer.when(meeting), String.valueOf(event.versionNumber())));
	}

	/**
	 * E-mails the board's members and substitutes (except those who opted out); a mail that cannot be
	 * delivered is kept for "Försök igen": about the notice on the meeting page, else on the conduct page.
	 *
	 * @return how many mails went
	 */
	@Transactional
	public int notifyMembers(Long meetingId, MailKind kind, String subject, String text) {
		Meeting meeting = this.planning.meeting(meetingId);
		String screen = kind == MailKind.NOTICE_PUBLISHED ? "/meetings/" + meetingId + "#failed-mail"
				: conductScreen(meetingId, "failed-mail");
		int sent = 0;
		for (Seat seat : this.organisation.seats(meeting.getBoardId(), meeting.getStart().toLocalDate())) {
			Person person = seat.person();
			if (person.getEmail() == null || this.optOuts.existsByPersonId(person.getId())) {
				continue;
			}
			String error = this.mail.deliver(Letter.about(kind, meeting.getBoardId(), meetingId, screen,
					person.getFullName(), person.getEmail(), subject, text));
			if (error == null) {
				sent++;
			}
		}
		return sent;
	}

	private static String conductScreen(Long meetingId, String section) {
		return "/meetings/" + meetingId + "/conduct#" + section;
	}

	public boolean isOptedOut(Long personId) {
		return this.optOuts.existsByPersonId(personId);
	}

	@Transactional
	public void optOut(Long personId) {
		this.organisation.person(personId);
		if (!this.optOuts.existsByPersonId(personId)) {
			this.optOuts.save(new NotificationOptOut(personId, Instant.now(this.clock)));
		}
	}

	@Transactional
	public void optIn(Long personId) {
		this.optOuts.findByPersonId(personId).ifPresent(this.optOuts::delete);
	}

	/**
	 * Reminds the chair and checkers who have not signed of minutes due within three days or
	 * overdue (certification is due 14 days after the meeting), once a day.
	 */
	@Transactional
	public int remindSigners(LocalDate today) {
		int reminded = 0;
		for (Minutes minutes : this.certification.uncertifiedDrafts()) {
			Meeting meeting = this.planning.meeting(minutes.getMeetingId());
			LocalDate due = Certification.dueOn(meeting);
			if (today.isBefore(due.minusDays(3)) || today.equals(minutes.getRemindedOn())) {
				continue;
			}
			MeetingRecord record = this.records.findByMeetingId(meeting.getId()).orElseThrow();
			MeetingConduct.BoardSeats seats = conductSeats(meeting);
			List<Long> signers = new java.util.ArrayList<>(record.getCheckers());
			record.presiding(seats.chairId(), seats.viceChairId()).ifPresent(signers::add);
			Board board = this.organisation.board(meeting.getBoardId());
			for (Long personId : signers) {
				boolean signed = minutes.getSignatures().stream().anyMatch(s -> s.personId().equals(personId));
				Person person = this.organisation.person(personId);
				if (signed || person.getEmail() == null) {
					continue;
				}
				String day = meeting.getStart().toLocalDate().toString();
				String error = this.mail.deliver(Letter.about(MailKind.SIGNING_REMINDER, board.getId(), meeting.getId(),
						conductScreen(meeting.getId(), "failed-mail"), person.getFullName(), person.getEmail(),
						wording("mail.reminder.subject", board.getName(), day),
						wording("mail.reminder.body", person.getFirstName(), board.getName(), day, due.toString())));
				if (error == null) {
					reminded++;
				}
			}
			this.certification.markReminded(minutes.getId(), today);
		}
		return reminded;
	}

	/** Mails are written in Swedish, the language of the board's documents, whoever receives them. */
	private String wording(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Sweden.LOCALE);
	}

	private MeetingConduct.BoardSeats conductSeats(Meeting meeting) {
		return this.conduct.seats(meeting);
	}

}
