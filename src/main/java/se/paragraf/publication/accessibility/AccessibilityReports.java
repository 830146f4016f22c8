package se.paragraf.publication.accessibility;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends a reported accessibility problem by e-mail to whoever answers for accessibility
 * ({@code paragraf.accessibility.contact}), as the DOS law asks of a public website.
 */
@Service
class AccessibilityReports {

	private final JavaMailSender mail;

	private final String contact;

	private final String from;

	AccessibilityReports(JavaMailSender mail,
			@Value("${paragraf.accessibility.contact:${paragraf.mail.from:paragraf@localhost}}") String contact,
			@Value("${paragraf.mail.from:paragraf@localhost}") String from) {
		this.mail = mail;
		this.contact = contact;
		this.from = from;
	}

	/** Where reports go; shown on the page so a visitor can also write directly. */
	String contact() {
		return this.contact;
	}

	/** Sends the report; a failing mail server is the caller's to explain to the visitor. */
	void send(ProblemReport report) throws MailException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setTo(this.contact);
		message.setFrom(this.from);
		String replyTo = report.contact();
		if (replyTo != null && !replyTo.isBlank()) {
			message.setReplyTo(replyTo.strip());
		}
		message.setSubject("Tillgänglighetsproblem rapporterat i Paragraf");
		message.setText("Beskrivning:\n" + report.description().strip() + "\n\nSida: "
				+ (report.page() == null || report.page().isBlank() ? "(ej angiven)" : report.page().strip())
				+ "\nSvar till: " + (replyTo == null || replyTo.isBlank() ? "(ej angiven)" : replyTo.strip()) + "\n");
		this.mail.send(message);
	}

}
