package se.paragraf.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.Dispatch;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingConduct.DecisionCommand;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.Presence;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Records the demo meeting of 5 December 2023 as held: the roll call (a substitute serving for an
 * absent member), Sara Berg elected checker, items 3 and 4 approved as proposed, item 5 referred to
 * the extra meeting of 3 October, item 6 noted. The minutes are drawn up and certified by the chair
 * and the checker (accounts "ordforande" and "justerare"), which posts the notice in Ludvika and
 * Smedjebacken and dispatches the extracts; those without e-mail are recorded as sent by hand.
 */
@Component
@Profile("demo")
class ConductDemo implements AfterNoticeDemoStep {

	private static final Logger log = LoggerFactory.getLogger(ConductDemo.class);

	private final Organisation organisation;

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final Certification certification;

	private final DecisionDispatch dispatch;

	private final AccountService accounts;

	private final String demoPassword;

	ConductDemo(Organisation organisation, MeetingPlanning planning, MeetingConduct conduct,
			Certification certification, DecisionDispatch dispatch, AccountService accounts,
			@Value("${paragraf.demo-password:}") String demoPassword) {
		this.organisation = organisation;
		this.planning = planning;
		this.conduct = conduct;
		this.certification = certification;
		this.dispatch = dispatch;
		this.accounts = accounts;
		this.demoPassword = demoPassword;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public void load() {
		Board board = this.organisation.board(DemoData.BOARD);
		List<Meeting> meetings2023 = this.planning.meetings(board.getId(), 2023);
		Meeting meeting = meetings2023.stream()
			.filter(m -> m.getStart().toLocalDate().equals(LocalDate.of(2023, 12, 5)))
			.findFirst()
			.orElseThrow();
		Meeting extra = this.planning.meetings(board.getId(), 2024)
			.stream()
			.filter(m -> m.getKind() == MeetingKind.EXTRA)
			.findFirst()
			.orElseThrow();
		Map<String, Person> people = this.organisation.persons()
			.stream()
			.collect(Collectors.toMap(Person::getLastName, Function.identity(), (a, b) -> a));
		Long id = meeting.getId();

		List<Attendance> attendance = new ArrayList<>();
		for (String member : List.of("Pettersson", "Larsson", "Andersson", "Berg")) {
			attendance.add(new Attendance(people.get(member).getId(), Presence.REMOTE, null, null, null));
		}
		attendance.add(new Attendance(people.get("Nilsson").getId(), Presence.ABSENT, null, null, null));
		attendance.add(new Attendance(people.get("Lindqvist").getId(), Presence.REMOTE, people.get("Nilsson").getId(),
				null, null));
		attendance.add(new Attendance(people.get("Holm").getId(), Presence.REMOTE, null, null, null));
		attendance.add(new Attendance(people.get("Sjöberg").getId(), Presence.ABSENT, null, null, null));
		long v = this.conduct.recordAttendance(id, 0, attendance,
				"Anna Källsved, IT-chef; Ulrika Nordblad, nämndsekreterare").getVersion();
		v = this.conduct.electCheckers(id, v, List.of(people.get("Berg").getId()), "Digitalt i Paragraf",
				LocalDateTime.of(2023, 12, 12, 9, 0)).getVersion();
		Meeting current = this.planning.meeting(id);
		for (AgendaItem item : current.getAgenda()) {
			DecisionCommand command = switch (current.numberOf(item)) {
				case 1 -> null;
				case 2 -> new DecisionCommand(DecisionOutcome.NOTED, "Inga extra ärenden anmäls.", null, null, null, null,
						null);
				case 5 -> new DecisionCommand(DecisionOutcome.REFERRED, null, null, extra.getId(), null, null, null);
				default -> DecisionCommand.of(
						item.getKind() == AgendaItemKind.ORAL_INFORMATION ? DecisionOutcome.NOTED : DecisionOutcome.APPROVED);
			};
			if (command != null) {
				v = this.conduct.decide(id, v, item.getId(), command).getVersion();
			}
		}
		this.conduct.close(id, v);
		this.certification.draw(id);

		String chairPassword = password();
		String checkerPassword = password();
		this.accounts.create("ordforande", chairPassword, EnumSet.of(Role.MEMBER), people.get("Pettersson").getId());
		this.accounts.create("justerare", checkerPassword, EnumSet.of(Role.MEMBER), people.get("Berg").getId());
		log.warn("Demo account 'ordforande' (chair Leif Pettersson): password {}", shown(chairPassword));
		log.warn("Demo account 'justerare' (checker Sara Berg): password {}", shown(checkerPassword));
		signAs("justerare", id, checkerPassword);
		signAs("ordforande", id, chairPassword);

		for (Dispatch manual : this.dispatch.dispatches(id)) {
			if (manual.needsFollowUp() && manual.getEmail() == null) {
				this.dispatch.sentManually(manual.getId());
			}
		}
		log.info("Recorded the demo meeting of 2023-12-05 as held, certified, posted and dispatched");
	}

	private void signAs(String username, Long meetingId, String password) {
		SecurityContext previous = SecurityContextHolder.getContext();
		try {
			UserDetails user = this.accounts.loadUserByUsername(username);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			SecurityContextHolder.setContext(context);
			this.certification.sign(meetingId, password, null);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private String password() {
		return StringUtils.hasText(this.demoPassword) ? this.demoPassword : AccountService.generatePassword();
	}

	private String shown(String password) {
		return StringUtils.hasText(this.demoPassword) ? "from PARAGRAF_DEMO_PASSWORD" : password;
	}

}
