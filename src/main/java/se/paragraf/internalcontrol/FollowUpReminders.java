package se.paragraf.internalcontrol;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;

/**
 * E-mails the people responsible for control points that a board has not yet followed up: one
 * message per person and board, listing the points and the due date of the report to the executive
 * board. A point with no responsible person goes to the board's secretary.
 */
@Component
public class FollowUpReminders {

	private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);

	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	private final InternalControlManagement control;

	private final Organisation organisation;

	private final JavaMailSender mail;

	private final MessageSource messages;

	private final String from;

	FollowUpReminders(InternalControlManagement control, Organisation organisation, JavaMailSender mail,
			MessageSource messages, @Value("${paragraf.mail.from:paragraf@localhost}") String from) {
		this.control = control;
		this.organisation = organisation;
		this.mail = mail;
		this.messages = messages;
		this.from = from;
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
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(this.from);
				message.setTo(entry.getKey());
				message.setSubject(text("internalcontrol.reminder.subject", status.board().getName(), year));
				message.setText(text("internalcontrol.reminder.body", status.board().getName(), year, status.due(),
						entry.getValue().toString()));
				try {
					this.mail.send(message);
					sent++;
				}
				catch (MailException ex) {
					log.warn("Could not send the follow-up reminder to {}: {}", entry.getKey(), ex.getMessage());
				}
			}
		}
		return sent;
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
		return this.messages.getMessage(key, args, key, SWEDISH);
	}


}
