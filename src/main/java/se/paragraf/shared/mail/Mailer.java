package se.paragraf.shared.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the board's e-mail: plain text, optionally with one PDF. A failure is answered, never
 * thrown, so that it cannot undo what the mail reports on.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final String from;

	private final Counter sent;

	private final Counter failed;

	public Mailer(JavaMailSender sender, String from) {
		this(sender, from, Metrics.globalRegistry);
	}

	@Autowired
	public Mailer(JavaMailSender sender, @Value("${paragraf.mail.from:paragraf@localhost}") String from,
			MeterRegistry meters) {
		this.sender = sender;
		this.from = from;
		this.sent = Counter.builder("paragraf.mails").tag("outcome", "sent").description("Mails handed to the server").register(meters);
		this.failed = Counter.builder("paragraf.mails").tag("outcome", "failed").description("Mails the server refused or could not take").register(meters);
	}

	/** Sends the mail; answers the error message, or null when it went. */
	public @Nullable String send(String to, String subject, String text, @Nullable String filename, byte @Nullable [] pdf) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, pdf != null, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			if (pdf != null && filename != null) {
				helper.addAttachment(filename, new ByteArrayResource(pdf), "application/pdf");
			}
			this.sender.send(message);
			this.sent.increment();
			return null;
		}
		catch (MessagingException | RuntimeException ex) {
			this.failed.increment();
			String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			// The first line says it; the rest is the nested stack of the mail library.
			return message.lines().findFirst().orElse(message);
		}
	}

}
