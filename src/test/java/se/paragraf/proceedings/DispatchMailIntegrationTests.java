package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

import org.springframework.http.MediaType;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.internalcontrol.ControlPlan;
import se.paragraf.internalcontrol.ControlPointDefinition;
import se.paragraf.internalcontrol.FollowUpReminders;
import se.paragraf.internalcontrol.InternalControlManagement;
import se.paragraf.internalcontrol.Origin;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.Municipality;
import se.paragraf.people.UniqueBoards;
import se.paragraf.shared.mail.FailedMail;
import se.paragraf.shared.mail.FailedMailResolution;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;
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
 * members are told (unless opted out) and signers are reminded, and the follow-ups of internal
 * control are reminded. A mail that could not be delivered is kept whole, shown on the screen that
 * caused it and on the secretary's start page, and sent again with "Försök igen" once the server is
 * back (the tests stop GreenMail to make it fail). All mail tests live here, since their mail settings
 * make a Spring context of their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
class DispatchMailIntegrationTests {

	static final int PORT = TestSocketUtils.findAvailableTcpPort();

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

	@Autowired
	MockMvc mvc;

	@Autowired
	MailDelivery delivery;

	@Autowired
	InternalControlManagement control;

	@Autowired
	FollowUpReminders reminders;

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

	/** A signed-in account of the given role, as the start page needs it (a real account with its person). */
	RequestPostProcessor account(String name, Role role, @org.jspecify.annotations.Nullable Long personId) {
		String username = name + "-" + PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create(username, "pw-" + username, EnumSet.of(role), personId);
		return user(this.accounts.loadUserByUsername(username));
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
		// The extract's mail is kept whole, its PDF included, for "Försök igen" ...
		Dispatch failed = this.dispatch.dispatches(held.f().meeting().getId())
			.stream()
			.filter(d -> d.getEmail() != null)
			.findFirst()
			.orElseThrow();
		FailedMail kept = this.delivery.undelivered(held.f().meeting().getId())
			.stream()
			.filter(f -> f.getKind() == MailKind.DECISION_DISPATCH)
			.findFirst()
			.orElseThrow();
		assertThat(kept.getReference()).isEqualTo(failed.getId().toString());
		assertThat(kept.getAttachmentName()).endsWith("-paragraf-3.pdf");
		// ... until the secretary records that the extract went by hand.
		this.dispatch.sentManually(failed.getId());
		assertThat(this.delivery.failure(kept.getId()).getResolution()).isEqualTo(FailedMailResolution.BY_HAND);
	}

	@Test
	void aNoticeMailThatCouldNotBeDeliveredIsShownWithTryAgainOnTheMeetingPageAndTheStartPageUntilItGoes()
			throws Exception {
		Held held = hold(null);
		Long meetingId = held.f().meeting().getId();
		String address = held.checker().getEmail();
		mail.stop();
		this.transactions.executeWithoutResult(status -> this.publisher
			.publishEvent(new NoticePublished(meetingId, 1L, 1, held.f().board().board().getId())));
		assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();

		FailedMail failure = this.delivery.undelivered(meetingId)
			.stream()
			.filter(f -> f.getAddress().equals(address))
			.findFirst()
			.orElseThrow();
		assertThat(failure.getKind()).isEqualTo(MailKind.NOTICE_PUBLISHED);
		assertThat(failure.getSubject()).isEqualTo("Kallelse publicerad: 2023-12-05");
		assertThat(failure.getError()).isNotBlank();
		assertThat(failure.getAttempts()).isEqualTo(1);
		String retry = "/failed-mails/" + failure.getId() + "/retry";
		RequestPostProcessor secretary = account("secretary", Role.SECRETARY, held.f().board().secretary().getId());
		this.mvc.perform(get("/meetings/" + meetingId).with(secretary))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("E-post kunde inte levereras")))
			.andExpect(content().string(containsString(address)))
			.andExpect(content().string(containsString("action=\"" + retry + "\"")));
		this.mvc.perform(get("/").with(secretary))
			.andExpect(content().string(containsString(
					"href=\"/meetings/" + meetingId + "#failed-mail\">E-post kunde inte levereras – försök igen")));

		// A member may not send it again.
		this.mvc.perform(post(retry).with(csrf()).with(account("member", Role.MEMBER, held.f().chair())))
			.andExpect(status().isForbidden());
		// Still no server: the failure stays, one attempt more, with the new error.
		this.mvc.perform(post(retry).with(csrf()).with(secretary))
			.andExpect(redirectedUrl("/meetings/" + meetingId + "#failed-mail"))
			.andExpect(flash().attribute("error", containsString("kunde fortfarande inte skickas")));
		assertThat(this.delivery.failure(failure.getId())).satisfies(f -> {
			assertThat(f.isOpen()).isTrue();
			assertThat(f.getAttempts()).isEqualTo(2);
		});

		mail.start();
		this.mvc.perform(post(retry).with(csrf()).with(secretary))
			.andExpect(redirectedUrl("/meetings/" + meetingId + "#failed-mail"))
			.andExpect(flash().attribute("message", "E-posten till " + address + " är skickad."));
		assertThat(received(address).getSubject()).isEqualTo("Kallelse publicerad: 2023-12-05");
		FailedMail resolved = this.delivery.failure(failure.getId());
		assertThat(resolved.getResolution()).isEqualTo(FailedMailResolution.RESENT);
		assertThat(resolved.getResolvedBy()).startsWith("secretary-");
		assertThat(resolved.getAttempts()).isEqualTo(3);
		this.mvc.perform(get("/meetings/" + meetingId).with(secretary))
			.andExpect(content().string(not(containsString(retry))));
		this.mvc.perform(get("/").with(secretary))
			.andExpect(content().string(not(containsString("/meetings/" + meetingId + "#failed-mail"))));

		// Sent once: a second click, or an unknown failure, is refused in Swedish.
		this.mvc.perform(post(retry).with(csrf()).with(secretary))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("redan skickat")));
		this.mvc.perform(post("/failed-mails/999999999/retry").with(csrf()).with(secretary))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Det finns inget sådant e-postmeddelande")));
	}

	@Test
	void aFailedExtractIsSentAgainThroughTheApiWithItsPdfAndTheDispatchIsRecordedAsSent() throws Exception {
		String address = "ks-" + PeopleFixtures.uniqueCode().toLowerCase() + "@example.se";
		Held held = hold(address);
		Long meetingId = held.f().meeting().getId();
		mail.stop();
		certify(held);
		FailedMail failure = this.delivery.undelivered(meetingId)
			.stream()
			.filter(f -> f.getKind() == MailKind.DECISION_DISPATCH)
			.findFirst()
			.orElseThrow();
		RequestPostProcessor secretary = account("secretary", Role.SECRETARY, held.f().board().secretary().getId());
		// On the conduct page: the extract on its dispatch row, the members' "certified" mail in the list.
		this.mvc.perform(get("/meetings/" + meetingId + "/conduct").with(secretary))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/failed-mails/" + failure.getId() + "/retry\"")))
			.andExpect(content().string(containsString("Protokollet är justerat")));
		this.mvc.perform(get("/api/v1/meetings/" + meetingId + "/failed-mails").with(secretary))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + failure.getId() + ")].kind").value("DECISION_DISPATCH"))
			.andExpect(jsonPath("$[?(@.id == " + failure.getId() + ")].address").value(address));
		this.mvc.perform(post("/api/v1/failed-mails/" + failure.getId() + "/retry")
			.with(account("member", Role.MEMBER, held.f().chair()))).andExpect(status().isForbidden());

		mail.start();
		this.mvc.perform(post("/api/v1/failed-mails/" + failure.getId() + "/retry").with(secretary))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resolution").value("RESENT"))
			.andExpect(jsonPath("$.attempts").value(2));
		MimeMessage extract = received(address);
		assertThat(extract.getSubject()).contains("Protokollsutdrag", "§ 3");
		Multipart parts = (Multipart) extract.getContent();
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(failure.getAttachmentName());
		assertThat(CertificationIntegrationTests.text(parts.getBodyPart(1).getInputStream().readAllBytes()))
			.contains("§ 3 Detaljbudget 2024");
		assertThat(this.dispatch.dispatches(meetingId)).filteredOn(d -> address.equals(d.getEmail()))
			.singleElement()
			.satisfies(d -> {
				assertThat(d.getStatus()).isEqualTo(DispatchStatus.SENT);
				assertThat(d.getError()).isNull();
			});

		this.mvc.perform(post("/api/v1/failed-mails/" + failure.getId() + "/retry").with(secretary))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("redan skickat")));
		this.mvc.perform(post("/api/v1/failed-mails/999999999/retry").with(secretary))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aReminderToSignThatFailedIsResolvedByTheNextDaysReminderThatArrives() {
		Held held = hold(null);
		Long meetingId = held.f().meeting().getId();
		this.certification.draw(meetingId);
		mail.stop();
		// The later day first, so that this draft counts as reminded on the 17th the other tests remind on.
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 18))).isZero();
		FailedMail failure = this.delivery.undelivered(meetingId)
			.stream()
			.filter(f -> f.getKind() == MailKind.SIGNING_REMINDER)
			.findFirst()
			.orElseThrow();
		assertThat(failure.getScreen()).isEqualTo("/meetings/" + meetingId + "/conduct#failed-mail");
		mail.start();
		assertThat(this.dispatch.remindSigners(LocalDate.of(2023, 12, 17))).isPositive();
		assertThat(this.delivery.failure(failure.getId()).getResolution()).isEqualTo(FailedMailResolution.SUPERSEDED);
	}

	@Test
	void aFollowUpReminderThatCouldNotBeDeliveredIsShownOnTheDashboardAndSentAgainWithItsWording()
			throws Exception {
		Municipality municipality = UniqueBoards.municipality(this.organisation);
		Board board = UniqueBoards.board(this.organisation, municipality);
		Person responsible = this.organisation.addPerson("Anna", "Ansvarig",
				"anna." + board.getCode().toLowerCase() + "@example.se", null);
		ControlPlan plan = this.control.createPlan(Origin.COMMON, municipality.getId(), null, 2023, null,
				"Kommunstyrelsen 2022-11-01 § 138", LocalDate.of(2022, 11, 1));
		this.control.addPoint(plan.getId(), new ControlPointDefinition("Följs koncernens projektmodell?", null,
				"Genomgång", "En gång per år", responsible.getId(), "IT-chef", "Nämnden"));
		mail.stop();
		this.reminders.send(2023);
		FailedMail failure = this.reminders.undelivered(2023)
			.stream()
			.filter(f -> f.getAddress().equals(responsible.getEmail()))
			.findFirst()
			.orElseThrow();
		assertThat(failure.getBoardId()).isEqualTo(board.getId());
		RequestPostProcessor secretary = account("secretary", Role.SECRETARY, null);
		this.mvc.perform(get("/internal-control/dashboard").param("year", "2023").with(secretary))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/failed-mails/" + failure.getId() + "/retry\"")));
		this.mvc.perform(get("/").with(secretary))
			.andExpect(content().string(containsString("href=\"/internal-control/dashboard?year=2023\"")));
		// Members read the dashboard but not whose mail failed.
		this.mvc.perform(get("/internal-control/dashboard").param("year", "2023")
			.with(account("member", Role.MEMBER, null)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(responsible.getEmail()))));

		mail.start();
		this.mvc.perform(post("/failed-mails/" + failure.getId() + "/retry").with(csrf()).with(secretary))
			.andExpect(redirectedUrl("/internal-control/dashboard?year=2023"));
		MimeMessage reminder = received(responsible.getEmail());
		assertThat(reminder.getSubject()).isEqualTo("Påminnelse: uppföljning av intern kontroll 2023, " + board.getName());
		assertThat(body(reminder)).contains("Följs koncernens projektmodell?").contains("2024-01-31");
		assertThat(this.reminders.undelivered(2023)).extracting(FailedMail::getId).doesNotContain(failure.getId());
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
		assertThat(this.dispatch.notifyMembers(meetingId, MailKind.NOTICE_PUBLISHED, "Kallelse publicerad", "Text")).isEqualTo(1);
		this.dispatch.optOut(held.checker().getId());
		assertThat(this.dispatch.isOptedOut(held.checker().getId())).isTrue();
		assertThat(this.dispatch.notifyMembers(meetingId, MailKind.NOTICE_PUBLISHED, "Kallelse publicerad", "Text")).isZero();
		this.dispatch.optIn(held.checker().getId());
		assertThat(this.dispatch.notifyMembers(meetingId, MailKind.NOTICE_PUBLISHED, "Kallelse publicerad", "Text")).isEqualTo(1);
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


}
