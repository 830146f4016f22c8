package se.paragraf.people.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.people.Board;
import se.paragraf.people.CaseOfficer;
import se.paragraf.people.Membership;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.ApiController;

/**
 * The organisation in the JSON API: every signed-in role reads it, only admins change it. A
 * duplicate (a taken board or municipality code) answers 409, like a stale version.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class OrganisationApiController {

	private static final String ADMIN = "hasRole('ADMIN')";

	private final Organisation organisation;

	private final Clock clock;

	OrganisationApiController(Organisation organisation, Clock clock) {
		this.organisation = organisation;
		this.clock = clock;
	}

	@GetMapping("/municipalities")
	List<MunicipalityJson> municipalities() {
		return this.organisation.municipalities().stream().map(MunicipalityJson::of).toList();
	}

	@GetMapping("/municipalities/{code}")
	MunicipalityJson municipality(@PathVariable String code) {
		return MunicipalityJson.of(this.organisation.municipality(code));
	}

	@PostMapping("/municipalities")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MunicipalityJson> addMunicipality(@Valid @RequestBody MunicipalityForm form) {
		Municipality m = duplicatesConflict(() -> this.organisation.addMunicipality(text(form.name()), text(form.code())));
		MunicipalityJson json = MunicipalityJson.of(m);
		return ResponseEntity.created(URI.create(json.links().get("self"))).body(json);
	}

	@GetMapping("/boards")
	List<BoardJson> boards() {
		return this.organisation.boards().stream().map(this::json).toList();
	}

	@GetMapping("/boards/{code}")
	BoardDetailJson board(@PathVariable String code) {
		Board board = this.organisation.board(code);
		List<MemberJson> members = this.organisation.seats(board.getId(), LocalDate.now(this.clock))
			.stream()
			.map(s -> new MemberJson(s.person().getId(), s.person().getFullName(), s.membership().getRole(),
					new Term(s.membership().getTermStart(), s.membership().getTermEnd())))
			.toList();
		return new BoardDetailJson(json(board), members);
	}

	@PostMapping("/boards")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<BoardJson> addBoard(@Valid @RequestBody BoardForm form) {
		Board board = duplicatesConflict(() -> this.organisation.addBoard(Objects.requireNonNullElse(form.code(), ""),
				text(form.name()), Objects.requireNonNull(form.kind()), Objects.requireNonNull(form.hostMunicipalityId()),
				form.administrationId(), form.partners()));
		BoardJson json = json(board);
		return ResponseEntity.created(URI.create(json.links().get("self"))).body(json);
	}

	@PutMapping("/boards/{code}")
	@PreAuthorize(ADMIN)
	BoardJson updateBoard(@PathVariable String code, @Valid @RequestBody BoardForm form) {
		Board board = this.organisation.board(code);
		requireVersion(form.version());
		return json(this.organisation.updateBoard(board.getId(), form.version(), text(form.name()),
				Objects.requireNonNull(form.kind()), Objects.requireNonNull(form.hostMunicipalityId()),
				form.administrationId(), form.partners()));
	}

	@GetMapping("/persons")
	List<PersonJson> persons() {
		return this.organisation.persons().stream().map(PersonJson::of).toList();
	}

	@GetMapping("/persons/{id}")
	PersonJson person(@PathVariable Long id) {
		return PersonJson.of(this.organisation.person(id));
	}

	@PostMapping("/persons")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<PersonJson> addPerson(@Valid @RequestBody PersonForm form) {
		PersonJson json = PersonJson.of(this.organisation.addPerson(text(form.firstName()), text(form.lastName()),
				form.email(), form.phone()));
		return ResponseEntity.created(URI.create(json.links().get("self"))).body(json);
	}

	@PutMapping("/persons/{id}")
	@PreAuthorize(ADMIN)
	PersonJson updatePerson(@PathVariable Long id, @Valid @RequestBody PersonForm form) {
		this.organisation.person(id);
		requireVersion(form.version());
		return PersonJson.of(this.organisation.updatePerson(id, form.version(), text(form.firstName()),
				text(form.lastName()), form.email(), form.phone()));
	}

	@GetMapping("/memberships/{id}")
	MembershipJson membership(@PathVariable Long id) {
		return json(this.organisation.membership(id));
	}

	@PostMapping("/memberships")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MembershipJson> addMembership(@Valid @RequestBody MembershipForm form) {
		MembershipJson json = json(this.organisation.addMembership(Objects.requireNonNull(form.personId()),
				Objects.requireNonNull(form.boardId()), Objects.requireNonNull(form.role()),
				Objects.requireNonNull(form.termStart()), Objects.requireNonNull(form.termEnd())));
		return ResponseEntity.created(URI.create(json.links().get("self"))).body(json);
	}

	@GetMapping("/case-officers/{id}")
	CaseOfficerJson caseOfficer(@PathVariable Long id) {
		return json(this.organisation.caseOfficer(id));
	}

	@PostMapping("/case-officers")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<CaseOfficerJson> addCaseOfficer(@Valid @RequestBody CaseOfficerForm form) {
		CaseOfficerJson json = json(this.organisation.addCaseOfficer(Objects.requireNonNull(form.personId()),
				Objects.requireNonNull(form.administrationId()), text(form.title())));
		return ResponseEntity.created(URI.create(json.links().get("self"))).body(json);
	}

	private BoardJson json(Board board) {
		String host = this.organisation.municipality(board.getHostMunicipalityId()).getName();
		List<String> partners = this.organisation.partnersOf(board).stream().map(Municipality::getName).toList();
		String administration = board.getAdministrationId() == null ? null
				: this.organisation.administration(board.getAdministrationId()).getName();
		return new BoardJson(board.getId(), board.getCode(), board.getName(), board.getKind().name(), host, partners,
				administration, board.getVersion(), Map.of("self", "/api/v1/boards/" + board.getCode(),
						// The board's public meeting feed (publication module), for calendar subscriptions.
						"calendar", "/public/calendar/boards/" + board.getCode() + ".ics"));
	}

	private MembershipJson json(Membership m) {
		Person person = this.organisation.person(m.getPersonId());
		Board board = this.organisation.board(m.getBoardId());
		return new MembershipJson(m.getId(), person.getId(), person.getFullName(), board.getCode(), m.getRole(),
				new Term(m.getTermStart(), m.getTermEnd()),
				Map.of("self", "/api/v1/memberships/" + m.getId(), "board", "/api/v1/boards/" + board.getCode(),
						"person", "/api/v1/persons/" + person.getId()));
	}

	private CaseOfficerJson json(CaseOfficer c) {
		return new CaseOfficerJson(c.getId(), c.getPersonId(), this.organisation.person(c.getPersonId()).getFullName(),
				c.getTitle(), this.organisation.administration(c.getAdministrationId()).getName(),
				Map.of("self", "/api/v1/case-officers/" + c.getId(), "person", "/api/v1/persons/" + c.getPersonId()));
	}

	/** A PUT must say which version it changes; without it the change could overwrite someone else's. */
	private static void requireVersion(@Nullable Long version) {
		if (version == null) {
			throw RuleViolation.onField("version", "NotNull");
		}
	}

	/** A taken code is a conflict with what exists (409), not a malformed request. */
	private static <T> T duplicatesConflict(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RuleViolation violation) {
			if (violation.code().endsWith(".taken")) {
				throw new RuleViolation(violation.code(), violation.arguments());
			}
			throw violation;
		}
	}

	private static String text(@Nullable String value) {
		return Objects.requireNonNullElse(value, "");
	}

	record MunicipalityJson(Long id, String code, String name, Map<String, String> links) {

		static MunicipalityJson of(Municipality m) {
			return new MunicipalityJson(m.getId(), m.getCode(), m.getName(),
					Map.of("self", "/api/v1/municipalities/" + m.getCode()));
		}

	}

	record BoardJson(Long id, String code, String name, String kind, String hostMunicipality,
			List<String> partnerMunicipalities, @Nullable String administration, long version,
			Map<String, String> links) {
	}

	record BoardDetailJson(@com.fasterxml.jackson.annotation.JsonUnwrapped BoardJson board, List<MemberJson> members) {
	}

	record Term(LocalDate start, LocalDate end) {
	}

	record MemberJson(Long personId, String name, MembershipRole role, Term term) {
	}

	record PersonJson(Long id, String firstName, String lastName, String name, @Nullable String email,
			@Nullable String phone, long version, Map<String, String> links) {

		static PersonJson of(Person p) {
			return new PersonJson(p.getId(), p.getFirstName(), p.getLastName(), p.getFullName(), p.getEmail(),
					p.getPhone(), p.getVersion(), Map.of("self", "/api/v1/persons/" + p.getId()));
		}

	}

	record MembershipJson(Long id, Long personId, String person, String board, MembershipRole role, Term term,
			Map<String, String> links) {
	}

	record CaseOfficerJson(Long id, Long personId, String name, String title, String administration,
			Map<String, String> links) {
	}

}
