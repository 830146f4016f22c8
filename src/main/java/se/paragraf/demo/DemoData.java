package se.paragraf.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.DiaryNumber;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Administration;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;
import se.paragraf.people.CaseOfficer;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Loads the demo board into an empty database: Gemensamma servicenämnden (GSN) of Ludvika and
 * Smedjebacken, its people and accounts, the meeting of 5 December 2023 with the six items and full
 * texts of the seed notice, and the 2024 schedule; then publishes that meeting's notice.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String BOARD = "GSN";

	private static final String SEED = "demo/gsn-2023-12-05/";

	private static final LocalDate TERM_START = LocalDate.of(2023, 1, 1);

	private static final LocalDate TERM_END = LocalDate.of(2026, 12, 31);

	private static final String TOOL = "Netpuplicator";

	/** The day the officer reports are signed. */
	private static final LocalDateTime REPORTS_WRITTEN = LocalDateTime.of(2023, 11, 21, 9, 0);

	/** A week before the meeting, when the notice went out. */
	static final LocalDateTime NOTICE_PUBLISHED = LocalDateTime.of(2023, 11, 28, 9, 0);

	private static final java.time.Duration EVENTS_TIMEOUT = java.time.Duration.ofMinutes(2);

	private final Organisation organisation;

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final AccountService accounts;

	private final List<DemoStep> steps;

	private final String demoPassword;

	private final List<AfterNoticeDemoStep> afterNotice;

	private final DemoClock clock;

	private final EventPublications events;

	DemoData(Organisation organisation, MatterRegister register, MeetingPlanning planning, NoticePublication notices,
			AccountService accounts, List<DemoStep> steps, @Value("${paragraf.demo-password:}") String demoPassword,
			List<AfterNoticeDemoStep> afterNotice, DemoClock clock, EventPublications events) {
		this.clock = clock;
		this.events = events;
		this.afterNotice = afterNotice.stream().sorted(Comparator.comparingInt(AfterNoticeDemoStep::order)).toList();
		this.organisation = organisation;
		this.register = register;
		this.planning = planning;
		this.notices = notices;
		this.accounts = accounts;
		this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
		this.demoPassword = demoPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.organisation.findBoard(BOARD).isPresent()) {
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo", null,
					AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
		try {
			// The reports are dated 21 November 2023; the records made while loading are dated then too.
			this.clock.set(REPORTS_WRITTEN);
			load();
			// The reactions to what was loaded (postings, dispatch, search) carry the demo's dates too.
			if (!this.events.awaitIdle(EVENTS_TIMEOUT)) {
				log.warn("The demo's event reactions did not finish within {}; some may be dated today", EVENTS_TIMEOUT);
			}
		}
		finally {
			this.clock.release();
			SecurityContextHolder.clearContext();
		}
	}

	private void load() {
		Municipality ludvika = this.organisation.addMunicipality("Ludvika", "2085");
		Municipality smedjebacken = this.organisation.addMunicipality("Smedjebacken", "2061");
		Administration ks = this.organisation.addAdministration("Kommunstyrelsens förvaltning", ludvika.getId(), null);
		Administration itCenter = this.organisation.addAdministration("IT-center", ludvika.getId(), ks.getId());
		for (String unit : List.of("Digitalisering och innovation", "Service och support", "Teknik och arkitektur")) {
			this.organisation.addUnit(itCenter.getId(), unit);
		}
		Board board = this.organisation.addBoard(BOARD, "Gemensamma servicenämnden", BoardKind.JOINT, ludvika.getId(),
				itCenter.getId(), Set.of(smedjebacken.getId()));

		Map<String, Person> people = new LinkedHashMap<>();
		seat(people, board, "Leif", "Pettersson", MembershipRole.CHAIR);
		seat(people, board, "Kerstin", "Larsson", MembershipRole.VICE_CHAIR);
		seat(people, board, "Mikael", "Andersson", MembershipRole.MEMBER);
		seat(people, board, "Sara", "Berg", MembershipRole.MEMBER);
		seat(people, board, "Johan", "Nilsson", MembershipRole.MEMBER);
		seat(people, board, "Eva", "Lindqvist", MembershipRole.SUBSTITUTE);
		seat(people, board, "Anders", "Holm", MembershipRole.SUBSTITUTE);
		seat(people, board, "Maria", "Sjöberg", MembershipRole.SUBSTITUTE);
		seat(people, board, "Ulrika", "Nordblad", MembershipRole.SECRETARY);
		Person anna = this.organisation.addPerson("Anna", "Källsved", "anna.kallsved@ludvika.se", "0240-866 21");
		CaseOfficer itChef = this.organisation.addCaseOfficer(anna.getId(), itCenter.getId(), "IT-chef");

		account("sekreterare", Role.SECRETARY, people.get("Nordblad"));
		account("handlaggare", Role.CASE_OFFICER, anna);
		account("ekonom", Role.ECONOMIST, null);
		account("ledamot", Role.MEMBER, people.get("Pettersson"));
		account("ersattare", Role.SUBSTITUTE, people.get("Lindqvist"));

		Meeting december = this.planning.schedule(BOARD, MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, TOOL);
		this.register.registerMigrated(BOARD, "Investeringsbudget 2024, äskanden", new DiaryNumber(BOARD, 2023, 4),
				LocalDate.of(2023, 3, 14));
		Matter budget = detailedBudget(itChef);
		Matter internalControl = internalControl(itChef);
		Matter schedule = schedule2024();
		for (Matter matter : List.of(budget, internalControl, schedule)) {
			this.planning.addMatter(december.getId(), this.planning.meeting(december.getId()).getVersion(), matter.getId());
		}
		this.planning.planYear(BOARD, List.of(LocalDate.of(2024, 2, 7), LocalDate.of(2024, 3, 20),
				LocalDate.of(2024, 5, 8), LocalDate.of(2024, 9, 18), LocalDate.of(2024, 12, 4)), LocalTime.of(10, 0),
				LocalTime.of(12, 0), null, TOOL);
		this.planning.schedule(BOARD, MeetingKind.EXTRA, LocalDateTime.of(2024, 10, 3, 10, 0),
				LocalDateTime.of(2024, 10, 3, 12, 0), null, TOOL);

		this.steps.forEach(DemoStep::load);
		this.clock.set(NOTICE_PUBLISHED);
		this.notices.publish(december.getId(), this.planning.meeting(december.getId()).getVersion());
		this.afterNotice.forEach(AfterNoticeDemoStep::load);
		log.info("Loaded the demo board {} and published the notice of its meeting of 2023-12-05", BOARD);
	}

	private Matter detailedBudget(CaseOfficer signatory) {
		Matter matter = this.register.registerMigrated(BOARD, "Detaljbudget 2024", new DiaryNumber(BOARD, 2023, 31),
				LocalDate.of(2023, 10, 2));
		this.register.writeReport(matter.getId(), new ReportContent("Detaljbudget 2024",
				ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Gemensamma servicenämnden godkänner förvaltningens driftdetaljbudget för 2024.",
						"Gemensamma servicenämnden godkänner förvaltningens Verksamhetsplan 2024 enligt bilagan ”Verksamhetsplan 2024 – IT-center”."),
				"", seed("item3-description.md"), seed("item3-financial.md"), signatory.getId(),
				LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Kommunstyrelsen", true, null), new DecisionRecipient("Akten", false, null),
						new DecisionRecipient("Samverkande kommuner", false, null))),
				0);
		this.register.attachText(matter.getId(), "Gemensamma Servicenämnden budget 2024", seed("item3-budget.md"));
		this.register.attachText(matter.getId(), "Verksamhetsplan 2024 – IT-center", seed("item3-plan.md"));
		return matter;
	}

	private Matter internalControl(CaseOfficer signatory) {
		Matter matter = this.register.registerMigrated(BOARD,
				"Uppföljning av gemensamma servicenämndens plan för intern kontroll 2023", new DiaryNumber(BOARD, 2023, 12),
				LocalDate.of(2023, 2, 1));
		this.register.writeReport(matter.getId(), new ReportContent(
				"Godkännande av uppföljning av plan för intern kontroll 2023", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Gemensamma servicenämnden godkänner uppföljning av plan för intern kontroll 2023, enligt bilaga 1 och bilaga 2 daterade den 30 augusti 2023."),
				seed("item4-summary.md"), seed("item4-description.md"), seed("item4-financial.md"), signatory.getId(),
				LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("IT-center", false, null),
						new DecisionRecipient("Kommunstyrelsen", true, null),
						new DecisionRecipient("Kommunstyrelsens förvaltnings kanslichef", true, null),
						new DecisionRecipient("Revisorerna", true, null), new DecisionRecipient("Akten", false, null))),
				0);
		this.register.attachText(matter.getId(),
				"Uppföljning av Gemensamma servicenämndens plan för intern kontroll med kommungemensamma kontrollpunkter för 2023, daterad den 30 augusti 2023",
				seed("item4-bilaga1.md"));
		this.register.attachText(matter.getId(),
				"Uppföljning av Gemensamma servicenämnden särskilda plan för intern kontroll med nämndspecifika kontrollpunkter för 2023, daterad den 30 augusti 2023",
				seed("item4-bilaga2.md"));
		return matter;
	}

	private Matter schedule2024() {
		Matter matter = this.register.registerMigrated(BOARD, "Sammanträdesplan 2024", new DiaryNumber(BOARD, 2023, 33),
				LocalDate.of(2023, 10, 20));
		this.register.writeReport(matter.getId(), new ReportContent("Sammanträdesplan 2024", ProposalKind.DECISION,
				List.of("Gemensamma servicenämnden hänskjuter ärendet till extra sammanträdet 3 oktober."), "",
				seed("item5-description.md"), "", null, null,
				List.of(new DecisionRecipient("Smedjebackens kommun", true, null), new DecisionRecipient("Akten", false, null))),
				0);
		return matter;
	}

	private void seat(Map<String, Person> people, Board board, String first, String last, MembershipRole role) {
		String email = (first + "." + last).toLowerCase(java.util.Locale.ROOT)
			.replace('å', 'a')
			.replace('ä', 'a')
			.replace('ö', 'o') + "@example.se";
		Person person = this.organisation.addPerson(first, last, email, null);
		this.organisation.addMembership(person.getId(), board.getId(), role, TERM_START, TERM_END);
		people.put(last, person);
	}

	private void account(String username, Role role, @Nullable Person person) {
		boolean generated = !StringUtils.hasText(this.demoPassword);
		String password = generated ? AccountService.generatePassword() : this.demoPassword;
		this.accounts.create(username, password, EnumSet.of(role), person == null ? null : person.getId());
		log.warn("Demo account '{}' ({}): password {}", username, role, generated ? password : "from PARAGRAF_DEMO_PASSWORD");
	}

	private static String seed(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(SEED + name).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
