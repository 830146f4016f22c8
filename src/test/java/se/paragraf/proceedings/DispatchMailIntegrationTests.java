package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.Person;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.SignedIn;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.NoticePublished;

/**
 * E-mail: the extract of each section goes to its recipients with the PDF, recipients without an
 * address are listed for dispatch by hand, a failing mail server leaves the certification standing,
 * members are told (unless opted out) and signers are reminded. All mail tests live here, since
 * their mail settings make a Spring context of their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
class DispatchMailIntegrationTests {

	static final int PORT = freePort();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

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
	Certification certification;

	@Autowired
	DecisionDispatch dispatch;

	@Autowired
	AccountService accounts;

	@Autowired
	EventPublications events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher publisher;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		if (!mail.isRunning()) {
			mail.start();
		}
	}

	/** A meeting held with a substitute (who has e-mail) serving and elected checker. */
	record Held(ConductFixtures f, Person checker, String suffix) {
	}

	Held hold(String recipientEmail) {
		ConductFixtures f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings,
				recipientEmail);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		Person checker = this.organisation.addPerson("Ersättare2", f.board().code(), "checker-" + suffix + "@example.se",
				null);
		this.organisation.addMembership(checker.getId(), f.board().board().getId(), MembershipRole.SUBSTITUTE,
				LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
		List<Attendance> attendance = List.of(new Attendance(f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(f.member1(), Presence.ABSENT, null, null, null),
				new Attendance(f.member2(), Presence.IN_PERSON, null, null, null),
				new Attendance(checker.getId(), Presence.REMOTE, f.member1(), null, null));
		f.holdMeeting(this.conduct, this.planning, attendance, checker.getId());
		this.accounts.create("chair-" + suffix, "pw-" + suffix, EnumSet.of(Role.MEMBER), f.chair());
		this.accounts.create("checker-" + suffix, "pw-" + suffix, EnumSet.of(Role.SUBSTITUTE), checker.getId());
		return new Held(f, checker, suffix);
	}

	void certify(Held held) {
		this.certification.draw(held.f().meeting().getId());
		for (String who : List.of("chair-", "checker-")) {
			SignedIn.as(this.accounts, who + held.suffix());
			this.certification.sign(held.f().meeting().getId(), "pw-" + held.suffix(), null);
		}
		// The dispatch and the members' mail follow the commit on the event executor.
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
	}

	@Test
	void certificationDispatchesTheExtractsAndListsRecipientsWithoutAddress() throws Exception {
		String address = "ks-" + PeopleFixtures.uniqueCode().toLowerCase() + "@example.se";
		Held held = hold(address);
		certify(held);

		List<Dispatch> dispatches = this.dispatch.dispatches(held.f().meeting().getId());
		assertThat(dispatches).extracting(Dispatch::getRecipient, Dispatch::getStatus)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Kommunstyrelsen för kännedom", DispatchStatus.SENT),
					org.assertj.core.groups.Tuple.tuple("Akten", DispatchStatus.MANUAL));
		assertThat(dispatches).allSatisfy(d -> assertThat(d.getSectionNumber()).isEqualTo(3));
		assertThat(this.dispatch.dispatchesOfMatter(held.f().budget().getId())).hasSize(2);

		MimeMessage extract = received(address);
		assertThat(extract.getSubject()).contains("Protokollsutdrag", "§ 3");
		Multipart parts = (Multipart) extract.getContent();
		assertThat(parts.getBodyPart(1).getFileName()).endsWith(".pdf");
		byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
		assertThat(CertificationIntegrationTests.text(pdf)).contains("Utdragsbestyrkande", "§ 3 Detaljbudget 2024");

		// The checker (a substitute with an address) hears that the minutes are certified.
		assertThat(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> to(m).equals(held.checker().getEmail())
				&& subject(m).startsWith("Protokollet är justerat"))).isTrue();

		Dispatch manual = dispatches.get(1);
		assertThat(this.dispatch.sentManually(manual.getId()).getStatus()).isEqualTo(DispatchStatus.SENT_MANUALLY);
	}

	@Test
	void aReplayedCertificationSendsNoSecondMailAndPostsNothingTwice(Scenario scenario) {
		String address = "ks-" + PeopleFixtures.uniqueCode().toLowerCase() + "@example.se";
		Held held = hold(address);
		java.util.concurrent.atomic.AtomicReference<MinutesCertified> certified = new java.util.concurrent.atomic.AtomicReference<>();
		scenario.stimulate(tx -> {
			certify(held);
			return held;
		}).andWaitForEventOfType(MinutesCertified.class).toArriveAndVerify(certified::set);
		Long meetingId = held.f().meeting().getId();
		int mails = mail.getReceivedMessages().length;
		int dispatched = this.dispatch.dispatches(meetingId).size();
		long postings = postings(meetingId);
		assertThat(dispatched).isPositive();
		assertThat(postings).isPositive();

		// The same fact delivered again, as a resubmission after a crash or the admin's "Skicka igen" does.
		this.transactions.executeWithoutResult(tx -> this.publisher.publishEvent(certified.get()));
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
		assertThat(mail.getReceivedMessages()).hasSize(mails);
		assertThat(this.dispatch.dispatches(meetingId)).hasSize(dispatched);
		assertThat(postings(meetingId)).isEqualTo(postings);
		// The replay itself completed: nothing of it is left pending.
		assertThat(this.jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%\"minutesId\":" + certified.get().minutesId() + ",%")
			.query(Long.class)
			.single()).isZero();
	}

	long postings(Long meetingId) {
		return this.jdbc.sql("select count(*) from public_notice where meeting_id = ?")
			.param(meetingId)
			.query(Long.class)
			.single();
	}

	@Test
	void aFailingMailServerLeavesTheCertificationStandingAndTheDispatchForFollowUp() {
		Held held = hold("ks@example.se");
		mail.stop();
		certify(held);
		assertThat(this.certification.certified(held.f().meeting().getId())).isPresent();
		assertThat(this.dispatch.dispatches(held.f().meeting().getId())).filteredOn(d -> d.getEmail() != null)
			.singleElement()
			.satisfies(d -> {
				assertThat(d.getStatus()).isEqualTo(DispatchStatus.FAILED);
				assertThat(d.getError()).isNotBlank();
				assertThat(d.needsFollowUp()).isTrue();
			});
	}

	@Test
	void signersWhoHaveNotSignedAreRemindedBeforeTheDueDateOnceADay() {
		Held held = hold(null);
		this.certification.draw(held.f().meeting().getId());
		int before = mail.getReceivedMessages().length;
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 10))).isZero();
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 17))).isEqualTo(1);
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 17))).isZero();
		assertThat(mail.getReceivedMessages()).hasSize(before + 1);
		assertThat(subject(mail.getReceivedMessages()[before])).startsWith("Påminnelse: justera protokollet");
	}

	@Test
	void aMemberWhoOptedOutIsNotNotified() {
		Held held = hold(null);
		Long meetingId = held.f().meeting().getId();
		assertThat(this.dispatch.notifyMembers(meetingId, "Kallelse publicerad", "Text")).isEqualTo(1);
		this.dispatch.optOut(held.checker().getId());
		assertThat(this.dispatch.isOptedOut(held.checker().getId())).isTrue();
		assertThat(this.dispatch.notifyMembers(meetingId, "Kallelse publicerad", "Text")).isZero();
		this.dispatch.optIn(held.checker().getId());
		assertThat(this.dispatch.notifyMembers(meetingId, "Kallelse publicerad", "Text")).isEqualTo(1);
	}

	@Test
	void theMailsKeepTheirWording() throws Exception {
		String address = "ks-" + PeopleFixtures.uniqueCode().toLowerCase() + "@example.se";
		Held held = hold(address);
		Long meetingId = held.f().meeting().getId();
		String board = held.f().board().board().getName();
		String code = held.f().board().code();
		int before = mail.getReceivedMessages().length;
		this.certification.draw(meetingId);
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 17))).isPositive();
		MimeMessage reminder = received(held.checker().getEmail());
		assertThat(reminder.getSubject()).isEqualTo("Påminnelse: justera protokollet " + board + " 2023-12-05");
		assertThat(body(reminder)).isEqualTo("Hej " + held.checker().getFirstName() + ",\n\nProtokollet från " + board
				+ "s sammanträde 2023-12-05 ska vara justerat senast 2023-12-19. Logga in i Paragraf och signera.");

		for (String who : List.of("chair-", "checker-")) {
			SignedIn.as(this.accounts, who + held.suffix());
			this.certification.sign(meetingId, "pw-" + held.suffix(), null);
		}
		// Dispatch and the members' mail are reactions to the certification, after its commit.
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
		Minutes minutes = this.certification.certified(meetingId).orElseThrow();
		MimeMessage extract = received(address);
		assertThat(extract.getSubject()).isEqualTo("Protokollsutdrag " + board + " 2023-12-05 § 3");
		assertThat(body(extract)).isEqualTo("Hej,\n\nHär kommer protokollsutdrag § 3 Detaljbudget 2024 från " + board
				+ "s sammanträde 2023-12-05, för kännedom.\n\nMed vänlig hälsning\n" + board);
		assertThat(((Multipart) extract.getContent()).getBodyPart(1).getFileName())
			.isEqualTo("protokollsutdrag-" + code + "-2023-12-05-paragraf-3.pdf");
		MimeMessage certified = Arrays.stream(mail.getReceivedMessages())
			.skip(before)
			.filter(m -> to(m).equals(held.checker().getEmail()) && subject(m).startsWith("Protokollet"))
			.findFirst()
			.orElseThrow();
		assertThat(certified.getSubject()).isEqualTo("Protokollet är justerat: 2023-12-05");
		assertThat(body(certified)).isEqualTo("Hej,\n\nProtokollet från sammanträdet 2023-12-05 ("
				+ minutes.getSectionRange() + ") justerades "
				+ LocalDate.ofInstant(minutes.getCertifiedAt(), se.paragraf.shared.Sweden.ZONE)
				+ " och anslås på kommunernas anslagstavlor.");

		this.transactions.executeWithoutResult(status -> this.publisher
			.publishEvent(new NoticePublished(meetingId, 1L, 2, held.f().board().board().getId())));
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
		MimeMessage notice = Arrays.stream(mail.getReceivedMessages())
			.filter(m -> to(m).equals(held.checker().getEmail()) && subject(m).startsWith("Kallelse"))
			.findFirst()
			.orElseThrow();
		assertThat(notice.getSubject()).isEqualTo("Kallelse publicerad: 2023-12-05");
		assertThat(body(notice)).isEqualTo(
				"Hej,\n\nKallelsen till sammanträdet Tisdag 5 december 2023, kl. 10:00 är publicerad (version 2).");
	}

	/** The plain text of a message, inside whatever multiparts wrap it (its last line break is not kept). */
	static String body(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			return body(multipart.getBodyPart(0));
		}
		// Mail travels with CRLF line ends.
		return ((String) content).replace("\r\n", "\n");
	}

	static MimeMessage received(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(address)).findFirst().orElseThrow();
	}

	static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
