package se.paragraf.people;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * The organisation as other modules ask about it: which boards there are, who sits on them and who
 * signs for the administration. Changes to the organisation go through here too, so their rules are
 * kept in one place.
 */
@Service
@Transactional(readOnly = true)
public class Organisation {

	private final Municipalities municipalities;

	private final Administrations administrations;

	private final Units units;

	private final Boards boards;

	private final Persons persons;

	private final Memberships memberships;

	private final CaseOfficers caseOfficers;

	Organisation(Municipalities municipalities, Administrations administrations, Units units, Boards boards,
			Persons persons, Memberships memberships, CaseOfficers caseOfficers) {
		this.municipalities = municipalities;
		this.administrations = administrations;
		this.units = units;
		this.boards = boards;
		this.persons = persons;
		this.memberships = memberships;
		this.caseOfficers = caseOfficers;
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
		return this.memberships.findByBoardId(boardId)
			.stream()
			.filter(m -> m.isActiveOn(day))
			.map(m -> new Seat(m, person(m.getPersonId())))
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

	@Transactional
	public Municipality addMunicipality(String name, String code) {
		if (this.municipalities.findAll().stream().anyMatch(m -> m.getCode().equals(code))) {
			throw RuleViolation.onField("code", "municipality.code.taken", code);
		}
		return this.municipalities.save(new Municipality(name, code));
	}

	@Transactional
	public Administration addAdministration(String name, Long municipalityId, @Nullable Long parentId) {
		municipality(municipalityId);
		if (parentId != null) {
			administration(parentId);
		}
		return this.administrations.save(new Administration(name, municipalityId, parentId));
	}

	@Transactional
	public Unit addUnit(Long administrationId, String name) {
		administration(administrationId);
		return this.units.save(new Unit(administrationId, name));
	}

	@Transactional
	public Board addBoard(String code, String name, BoardKind kind, Long hostMunicipalityId,
			@Nullable Long administrationId, Set<Long> partnerMunicipalityIds) {
		if (this.boards.findByCodeIgnoreCase(code).isPresent()) {
			throw RuleViolation.onField("code", "board.code.taken", code);
		}
		municipality(hostMunicipalityId);
		partnerMunicipalityIds.forEach(this::municipality);
		if (kind == BoardKind.JOINT && partnerMunicipalityIds.stream().allMatch(hostMunicipalityId::equals)) {
			throw RuleViolation.onField("partnerMunicipalityIds", "board.joint.partnersRequired");
		}
		Board board = new Board(code.toUpperCase(java.util.Locale.ROOT), name, kind, hostMunicipalityId,
				administrationId);
		partnerMunicipalityIds.forEach(board::addPartner);
		return this.boards.save(board);
	}

	@Transactional
	public Person addPerson(String firstName, String lastName, @Nullable String email, @Nullable String phone) {
		return this.persons.save(new Person(firstName, lastName, email, phone));
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
		return this.memberships.save(new Membership(personId, boardId, role, termStart, termEnd));
	}

	@Transactional
	public CaseOfficer addCaseOfficer(Long personId, Long administrationId, String title) {
		person(personId);
		administration(administrationId);
		return this.caseOfficers.save(new CaseOfficer(personId, administrationId, title));
	}

	/** A seat on a board: the membership and its holder. */
	public record Seat(Membership membership, Person person) {
	}

	/** How a case officer signs: "Anna Källsved, IT-chef", with the contact block of the report. */
	public record Signatory(Long caseOfficerId, String name, String title, String administration,
			@Nullable String phone, @Nullable String email) {
	}

}
