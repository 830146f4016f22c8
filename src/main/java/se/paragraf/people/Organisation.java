package se.paragraf.people;

import static se.paragraf.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.persistence.ByIds;

/**
 * The organisation as other modules ask about it: which boards there are, who sits on them and who
 * signs for the administration. Changes to the organisation go through here too, so their rules are
 * kept in one place.
 */
@Service
@Transactional(readOnly = true)
public class Organisation {

	private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");

	private static final Pattern BOARD_CODE = Pattern.compile("\\p{Lu}{2,12}");

	/** Deliberately simple: one @, no spaces, a dot in the domain; the mail server has the last word. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final Set<MembershipRole> SINGLE_HOLDER_ROLES = EnumSet.of(MembershipRole.CHAIR,
			MembershipRole.VICE_CHAIR, MembershipRole.SECRETARY);

	private final Municipalities municipalities;

	private final Administrations administrations;

	private final Units units;

	private final Boards boards;

	private final Persons persons;

	private final Memberships memberships;

	private final CaseOfficers caseOfficers;

	private final EntityManager entityManager;

	Organisation(Municipalities municipalities, Administrations administrations, Units units, Boards boards,
			Persons persons, Memberships memberships, CaseOfficers caseOfficers, EntityManager entityManager) {
		this.municipalities = municipalities;
		this.administrations = administrations;
		this.units = units;
		this.boards = boards;
		this.persons = persons;
		this.memberships = memberships;
		this.caseOfficers = caseOfficers;
		this.entityManager = entityManager;
	}

	public List<Board> boards() {
		return this.boards.findAll().stream().sorted(Comparator.comparing(Board::getName)).toList();
	}

	public Board board(String code) {
		return this.boards.findByCodeIgnoreCase(code).orElseThrow(() -> new NotFoundException("Board", code));
	}

	public Board board(Long id) {
		return this.boards.findById(id).orElseThrow(() -> new NotFoundException("Board", id));
	}

	public Optional<Board> findBoard(String code) {
		return this.boards.findByCodeIgnoreCase(code);
	}

	public List<Municipality> municipalities() {
		return this.municipalities.findAll().stream().sorted(Comparator.comparing(Municipality::getName)).toList();
	}

	public Municipality municipality(Long id) {
		return this.municipalities.findById(id).orElseThrow(() -> new NotFoundException("Municipality", id));
	}

	/** The municipalities whose notice boards announce this board's minutes, host first. */
	public List<Municipality> partnersOf(Board board) {
		return board.getPartnerMunicipalityIds()
			.stream()
			.map(this::municipality)
			.sorted(Comparator.comparing((Municipality m) -> !m.getId().equals(board.getHostMunicipalityId()))
				.thenComparing(Municipality::getName))
			.toList();
	}

	public List<Administration> administrations() {
		return this.administrations.findAll().stream().sorted(Comparator.comparing(Administration::getName)).toList();
	}

	public Administration administration(Long id) {
		return this.administrations.findById(id).orElseThrow(() -> new NotFoundException("Administration", id));
	}

	public List<Unit> units() {
		return this.units.findAll().stream().sorted(Comparator.comparing(Unit::getName)).toList();
	}

	public List<Person> persons() {
		return this.persons.findAll()
			.stream()
			.sorted(Comparator.comparing(Person::getLastName).thenComparing(Person::getFirstName))
			.toList();
	}

	public Person person(Long id) {
		return this.persons.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	/** Everyone with a seat or a role on the board on the given day, in the order of their roles. */
	public List<Seat> seats(Long boardId, LocalDate day) {
		List<Membership> active = this.memberships.findByBoardId(boardId)
			.stream()
			.filter(m -> m.isActiveOn(day))
			.toList();
		// One read for all the people, not one per seat: every meeting and conduct page asks.
		Map<Long, Person> people = ByIds.load(this.entityManager, Person.class,
				active.stream().map(Membership::getPersonId).toList());
		return active.stream()
			.map(m -> new Seat(m, people.get(m.getPersonId())))
			.sorted(Comparator.comparing((Seat s) -> s.membership().getRole())
				.thenComparing(s -> s.person().getLastName()))
			.toList();
	}

	/** The holder of a role on the board on the given day: the chair, the secretary. */
	public Optional<Person> holder(Long boardId, MembershipRole role, LocalDate day) {
		return seats(boardId, day).stream().filter(s -> s.membership().getRole() == role).map(Seat::person).findFirst();
	}

	/** A person's assignments on the given day. */
	public List<Membership> membershipsOf(Long personId, LocalDate day) {
		return this.memberships.findByPersonId(personId).stream().filter(m -> m.isActiveOn(day)).toList();
	}

	public List<Membership> memberships() {
		return this.memberships.findAll();
	}

	public List<CaseOfficer> caseOfficers() {
		return this.caseOfficers.findAll();
	}

	public CaseOfficer caseOfficer(Long id) {
		return this.caseOfficers.findById(id).orElseThrow(() -> new NotFoundException("CaseOfficer", id));
	}

	/** How a case officer signs a report: name, title, administration and contact details. */
	public Signatory signatory(Long caseOfficerId) {
		CaseOfficer officer = caseOfficer(caseOfficerId);
		Person person = person(officer.getPersonId());
		Administration administration = administration(officer.getAdministrationId());
		String parent = administration.getParentId() == null ? administration.getName()
				: administration(administration.getParentId()).getName();
		return new Signatory(officer.getId(), person.getFullName(), officer.getTitle(), parent, person.getPhone(),
				person.getEmail());
	}

	/**
	 * Every case officer as she signs a report, for a page's choice of signatory: three statements
	 * however many officers there are.
	 */
	public List<Signatory> signatories() {
		List<CaseOfficer> officers = this.caseOfficers.findAll();
		Map<Long, Person> people = ByIds.load(this.entityManager, Person.class,
				officers.stream().map(CaseOfficer::getPersonId).toList());
		Map<Long, Administration> administrations = this.administrations.findAll()
			.stream()
			.collect(Collectors.toMap(Administration::getId, administration -> administration));
		return officers.stream().map(officer -> {
			Person person = people.get(officer.getPersonId());
			Administration administration = administrations.get(officer.getAdministrationId());
			String parent = administration.getParentId() == null ? administration.getName()
					: administrations.get(administration.getParentId()).getName();
			return new Signatory(officer.getId(), person.getFullName(), officer.getTitle(), parent, person.getPhone(),
					person.getEmail());
		}).toList();
	}

	@Transactional
	public Municipality addMunicipality(String name, String code) {
		String trimmedName = required("name", name);
		String trimmedCode = code.strip();
		if (!MUNICIPALITY_CODE.matcher(trimmedCode).matches()) {
			throw RuleViolation.onField("code", "municipality.code.format", code);
		}
		if (this.municipalities.existsByCode(trimmedCode)) {
			throw RuleViolation.onField("code", "municipality.code.taken", trimmedCode);
		}
		if (this.municipalities.existsByNameIgnoreCase(trimmedName)) {
			throw RuleViolation.onField("name", "municipality.name.taken", trimmedName);
		}
		return this.municipalities.save(new Municipality(trimmedName, trimmedCode));
	}

	public Municipality municipality(String code) {
		return this.municipalities.findByCode(code).orElseThrow(() -> new NotFoundException("Municipality", code));
	}

	@Transactional
	public Administration addAdministration(String name, Long municipalityId, @Nullable Long parentId) {
		municipality(municipalityId);
		if (parentId != null) {
			administration(parentId);
		}
		return this.administrations.save(new Administration(required("name", name), municipalityId, parentId));
	}

	@Transactional
	public Unit addUnit(Long administrationId, String name) {
		administration(administrationId);
		return this.units.save(new Unit(administrationId, required("name", name)));
	}

	@Transactional
	public Board addBoard(String code, String name, BoardKind kind, Long hostMunicipalityId,
			@Nullable Long administrationId, Set<Long> partnerMunicipalityIds) {
		String upperCode = code.strip().toUpperCase(Locale.ROOT);
		if (!BOARD_CODE.matcher(upperCode).matches()) {
			throw RuleViolation.onField("code", "board.code.format", code);
		}
		if (this.boards.findByCodeIgnoreCase(upperCode).isPresent()) {
			throw RuleViolation.onField("code", "board.code.taken", upperCode);
		}
		String trimmedName = required("name", name);
		checkBoard(kind, hostMunicipalityId, administrationId, partnerMunicipalityIds);
		Board board = new Board(upperCode, trimmedName, kind, hostMunicipalityId, administrationId);
		partnerMunicipalityIds.forEach(board::addPartner);
		return this.boards.save(board);
	}

	/**
	 * Changes a board, unless someone changed it since the client read {@code expectedVersion}. The
	 * code stays: it prefixes the diary numbers already given out.
	 */
	@Transactional
	public Board updateBoard(Long id, @Nullable Long expectedVersion, String name, BoardKind kind,
			Long hostMunicipalityId, @Nullable Long administrationId, Set<Long> partnerMunicipalityIds) {
		Board board = board(id);
		StaleVersionException.check("Board", board.getCode(), board.getVersion(), expectedVersion);
		String trimmedName = required("name", name);
		checkBoard(kind, hostMunicipalityId, administrationId, partnerMunicipalityIds);
		board.update(trimmedName, kind, hostMunicipalityId, administrationId, partnerMunicipalityIds);
		return this.boards.saveAndFlush(board);
	}

	private void checkBoard(BoardKind kind, Long hostMunicipalityId, @Nullable Long administrationId,
			Set<Long> partnerMunicipalityIds) {
		if (!this.municipalities.existsById(hostMunicipalityId)) {
			throw RuleViolation.onField("hostMunicipalityId", "board.host.unknown");
		}
		if (partnerMunicipalityIds.stream().anyMatch(p -> !this.municipalities.existsById(p))) {
			throw RuleViolation.onField("partnerMunicipalityIds", "board.partner.unknown");
		}
		if (administrationId != null && !this.administrations.existsById(administrationId)) {
			throw RuleViolation.onField("administrationId", "board.administration.unknown");
		}
		if (kind == BoardKind.JOINT && partnerMunicipalityIds.stream().allMatch(hostMunicipalityId::equals)) {
			throw RuleViolation.onField("partnerMunicipalityIds", "board.joint.partnersRequired");
		}
	}

	@Transactional
	public Person addPerson(String firstName, String lastName, @Nullable String email, @Nullable String phone) {
		return this.persons.save(new Person(required("firstName", firstName), required("lastName", lastName),
				email(email), blankToNull(phone)));
	}

	/** Changes a person's details, unless someone changed them since the client read {@code expectedVersion}. */
	@Transactional
	public Person updatePerson(Long id, @Nullable Long expectedVersion, String firstName, String lastName,
			@Nullable String email, @Nullable String phone) {
		Person person = person(id);
		StaleVersionException.check("Person", id, person.getVersion(), expectedVersion);
		person.update(required("firstName", firstName), required("lastName", lastName), email(email),
				blankToNull(phone));
		return this.persons.saveAndFlush(person);
	}

	private static @Nullable String email(@Nullable String email) {
		String trimmed = blankToNull(email);
		if (trimmed != null && !EMAIL.matcher(trimmed).matches()) {
			throw RuleViolation.onField("email", "person.email.format", trimmed);
		}
		return trimmed;
	}

	private static String required(String field, String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			throw RuleViolation.onField(field, "NotBlank");
		}
		return trimmed;
	}


	@Transactional
	public Membership addMembership(Long personId, Long boardId, MembershipRole role, LocalDate termStart,
			LocalDate termEnd) {
		person(personId);
		board(boardId);
		if (termEnd.isBefore(termStart)) {
			throw RuleViolation.onField("termEnd", "membership.term.endBeforeStart");
		}
		boolean overlaps = this.memberships.findByPersonId(personId)
			.stream()
			.anyMatch(m -> m.getBoardId().equals(boardId) && !m.getTermEnd().isBefore(termStart)
					&& !m.getTermStart().isAfter(termEnd));
		if (overlaps) {
			throw RuleViolation.onField("personId", "membership.overlaps");
		}
		// One chair, one vice chair and one secretary on any day: the notice and minutes name them.
		if (SINGLE_HOLDER_ROLES.contains(role)) {
			boolean taken = this.memberships.findByBoardId(boardId)
				.stream()
				.anyMatch(m -> m.getRole() == role && !m.getTermEnd().isBefore(termStart)
						&& !m.getTermStart().isAfter(termEnd));
			if (taken) {
				throw RuleViolation.onField("role", "membership.role.taken");
			}
		}
		return this.memberships.save(new Membership(personId, boardId, role, termStart, termEnd));
	}

	@Transactional
	public CaseOfficer addCaseOfficer(Long personId, Long administrationId, String title) {
		person(personId);
		administration(administrationId);
		return this.caseOfficers.save(new CaseOfficer(personId, administrationId, required("title", title)));
	}

	/** A board's memberships, current and past, by term start and role. */
	public List<Membership> membershipsOf(Long boardId) {
		return this.memberships.findByBoardId(boardId)
			.stream()
			.sorted(Comparator.comparing(Membership::getTermStart).thenComparing(Membership::getRole))
			.toList();
	}

	public Membership membership(Long id) {
		return this.memberships.findById(id).orElseThrow(() -> new NotFoundException("Membership", id));
	}

	/** A seat on a board: the membership and its holder. */
	public record Seat(Membership membership, Person person) {
	}

	/** How a case officer signs: "Anna Källsved, IT-chef", with the contact block of the report. */
	public record Signatory(Long caseOfficerId, String name, String title, String administration,
			@Nullable String phone, @Nullable String email) {
	}

}
