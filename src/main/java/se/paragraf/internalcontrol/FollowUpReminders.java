package se.paragraf.internalcontrol;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.mail.FailedMail;
import se.paragraf.shared.mail.Letter;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;

/**
 * E-mails the people responsible for control points that a board has not yet followed up: one
 * message per person and board, listing the points and the due date of the report to the executive
 * board. A point with no responsible person goes to the board's secretary. A reminder that could not
 * be delivered is kept and shown on the follow-up dashboard of its year, with "Försök igen".
 */
@Component
public class FollowUpReminders {

	private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);

	private final InternalControlManagement control;

	private final Organisation organisation;

	private final MailDelivery mail;

	private final MessageSource messages;

	FollowUpReminders(InternalControlManagement control, Organisation organisation, MailDelivery mail,
			MessageSource messages) {
		this.control = control;
		this.organisation = organisation;
		this.mail = mail;
		this.messages = messages;
	}

	/** The year whose follow-ups are being reported now: last year in January, else this year. */
	public int reportingYear() {
		LocalDate today = this.control.today();
		return today.getMonthValue() == 1 ? today.getYear() - 1 : today.getYear();
	}

	/** Sends the reminders for a year; returns how many messages went out. */
	public int send(int year) {
		int sent = 0;
		for (InternalControlManagement.BoardStatus status : this.control.dashboard(year)) {
			Map<String, StringBuilder> byRecipient = new LinkedHashMap<>();
			for (InternalControlManagement.PointStatus point : status.missing()) {
				recipient(point, status.board().getId()).ifPresent(email -> byRecipient
					.computeIfAbsent(email, e -> new StringBuilder())
					.append("- ")
					.append(point.point().getQuestion())
					.append('\n'));
			}
			for (Map.Entry<String, StringBuilder> entry : byRecipient.entrySet()) {
				String error = this.mail.deliver(Letter
					.about(MailKind.FOLLOW_UP_REMINDER, status.board().getId(), null,
							"/internal-control/dashboard?year=" + year, entry.getKey(), entry.getKey(),
							text("internalcontrol.reminder.subject", status.board().getName(), year),
							text("internalcontrol.reminder.body", status.board().getName(), year, status.due(),
									entry.getValue().toString()))
					.referring(String.valueOf(year)));
				if (error == null) {
					sent++;
				}
				else {
					log.warn("Could not send the follow-up reminder to {}: {}", entry.getKey(), error);
				}
			}
		}
		return sent;
	}

	/** The reminders of a year that could not be delivered, oldest first. */
	public List<FailedMail> undelivered(int year) {
		return this.mail.undelivered(MailKind.FOLLOW_UP_REMINDER, String.valueOf(year));
	}

	private Optional<String> recipient(InternalControlManagement.PointStatus point, Long boardId) {
		Optional<Person> person = point.point().getResponsiblePersonId() == null ? Optional.empty()
				: Optional.of(this.organisation.person(point.point().getResponsiblePersonId()));
		if (person.isEmpty() || person.get().getEmail() == null) {
			person = this.organisation.holder(boardId, MembershipRole.SECRETARY, this.control.today());
		}
		return person.map(Person::getEmail).filter(e -> e != null && !e.isBlank());
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, Sweden.LOCALE);
	}


}
