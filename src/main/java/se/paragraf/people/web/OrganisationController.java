package se.paragraf.people.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.documents.Stationery;
import se.paragraf.people.Administration;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.web.Forms;
import se.paragraf.shared.web.HtmxRequests;

/**
 * The admin screen of the organisation: one overview with a form per kind, and edit pages for
 * persons and boards. An htmx request gets the sections back (so the select lists of every form
 * stay current); a plain request gets a redirect after a save, or the page with the errors.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OrganisationController {

	static final String OVERVIEW = "people/organisation";

	static final String SECTIONS = "people/organisation :: sections";

	static final String PERSON_EDIT = "people/person-edit";

	static final String BOARD_EDIT = "people/board-edit";

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	private final Stationery stationery;

	OrganisationController(Organisation organisation, MessageSource messages, Clock clock, Stationery stationery) {
		this.organisation = organisation;
		this.stationery = stationery;
		this.messages = messages;
		this.clock = clock;
	}

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new org.springframework.beans.propertyeditors.StringTrimmerEditor(true));
	}

	@GetMapping("/admin/organisation")
	String showOrganisation(Model model, HttpServletRequest request) {
		return overview(model, request);
	}

	@PostMapping("/admin/organisation/municipalities")
	String addMunicipality(@Valid @ModelAttribute MunicipalityForm municipalityForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "municipalityForm", MunicipalityForm.empty(), () -> {
			Municipality m = this.organisation.addMunicipality(text(municipalityForm.name()),
					text(municipalityForm.code()));
			return message("organisation.municipality.added", m.getName());
		});
	}

	@PostMapping("/admin/organisation/administrations")
	String addAdministration(@Valid @ModelAttribute AdministrationForm administrationForm, BindingResult result,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "administrationForm", AdministrationForm.empty(), () -> {
			Administration a = this.organisation.addAdministration(text(administrationForm.name()),
					Objects.requireNonNull(administrationForm.municipalityId()), administrationForm.parentId());
			return message("organisation.administration.added", a.getName());
		});
	}

	@PostMapping("/admin/organisation/units")
	String addUnit(@Valid @ModelAttribute UnitForm unitForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "unitForm", UnitForm.empty(), () -> {
			this.organisation.addUnit(Objects.requireNonNull(unitForm.administrationId()), text(unitForm.name()));
			return message("organisation.unit.added", text(unitForm.name()));
		});
	}

	@PostMapping("/admin/organisation/boards")
	String addBoard(@Valid @ModelAttribute BoardForm boardForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "boardForm", BoardForm.empty(), () -> {
			Board b = this.organisation.addBoard(Objects.requireNonNullElse(boardForm.code(), ""), text(boardForm.name()),
					Objects.requireNonNull(boardForm.kind()), Objects.requireNonNull(boardForm.hostMunicipalityId()),
					boardForm.administrationId(), boardForm.partners());
			return message("organisation.board.added", b.getName());
		});
	}

	@PostMapping("/admin/organisation/persons")
	String addPerson(@Valid @ModelAttribute PersonForm personForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "personForm", PersonForm.empty(), () -> {
			Person p = this.organisation.addPerson(text(personForm.firstName()), text(personForm.lastName()),
					personForm.email(), personForm.phone());
			return message("organisation.person.added", p.getFullName());
		});
	}

	@PostMapping("/admin/organisation/memberships")
	String addMembership(@Valid @ModelAttribute MembershipForm membershipForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "membershipForm", MembershipForm.empty(), () -> {
			this.organisation.addMembership(Objects.requireNonNull(membershipForm.personId()),
					Objects.requireNonNull(membershipForm.boardId()), Objects.requireNonNull(membershipForm.role()),
					Objects.requireNonNull(membershipForm.termStart()),
					Objects.requireNonNull(membershipForm.termEnd()));
			return message("organisation.membership.added",
					this.organisation.person(membershipForm.personId()).getFullName());
		});
	}

	@PostMapping("/admin/organisation/case-officers")
	String addCaseOfficer(@Valid @ModelAttribute CaseOfficerForm caseOfficerForm, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return save(result, model, request, redirect, "caseOfficerForm", CaseOfficerForm.empty(), () -> {
			this.organisation.addCaseOfficer(Objects.requireNonNull(caseOfficerForm.personId()),
					Objects.requireNonNull(caseOfficerForm.administrationId()), text(caseOfficerForm.title()));
			return message("organisation.caseOfficer.added",
					this.organisation.person(caseOfficerForm.personId()).getFullName());
		});
	}

	@GetMapping("/admin/organisation/persons/{id}")
	String editPerson(@PathVariable Long id, Model model) {
		Person person = this.organisation.person(id);
		model.addAttribute("person", person);
		model.addAttribute("personForm", PersonForm.of(person));
		return PERSON_EDIT;
	}

	@PostMapping("/admin/organisation/persons/{id}")
	String updatePerson(@PathVariable Long id, @Valid @ModelAttribute PersonForm personForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Person person = this.organisation.person(id);
		model.addAttribute("person", person);
		if (result.hasErrors()) {
			keepErrors(model, result, "personForm", PersonForm.of(person));
			return PERSON_EDIT;
		}
		try {
			Person saved = this.organisation.updatePerson(id, personForm.version(), text(personForm.firstName()),
					text(personForm.lastName()), personForm.email(), personForm.phone());
			redirect.addFlashAttribute("message", message("organisation.person.saved", saved.getFullName()));
			return "redirect:/admin/organisation#persons";
		}
		catch (RuleViolation violation) {
			Forms.reject(result, violation);
		}
		catch (StaleVersionException | ObjectOptimisticLockingFailureException stale) {
			staleForm(model, "personForm", personForm.withVersion(this.organisation.person(id).getVersion()));
		}
		return PERSON_EDIT;
	}

	@GetMapping("/admin/organisation/boards/{code}")
	String editBoard(@PathVariable String code, Model model) {
		Board board = this.organisation.board(code);
		model.addAttribute("board", board);
		model.addAttribute("boardForm", BoardForm.of(board));
		return boardEdit(model);
	}

	@PostMapping("/admin/organisation/boards/{code}")
	String updateBoard(@PathVariable String code, @Valid @ModelAttribute BoardForm boardForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Board board = this.organisation.board(code);
		model.addAttribute("board", board);
		if (result.hasErrors()) {
			keepErrors(model, result, "boardForm", BoardForm.of(board));
			return boardEdit(model);
		}
		try {
			Board saved = this.organisation.updateBoard(board.getId(), boardForm.version(), text(boardForm.name()),
					Objects.requireNonNull(boardForm.kind()), Objects.requireNonNull(boardForm.hostMunicipalityId()),
					boardForm.administrationId(), boardForm.partners());
			redirect.addFlashAttribute("message", message("organisation.board.saved", saved.getName()));
			return "redirect:/admin/organisation#boards";
		}
		catch (RuleViolation violation) {
			Forms.reject(result, violation);
		}
		catch (StaleVersionException | ObjectOptimisticLockingFailureException stale) {
			staleForm(model, "boardForm", boardForm.withVersion(this.organisation.board(code).getVersion()));
		}
		return boardEdit(model);
	}

	/**
	 * Keeps the user's input but takes the current version, so that saving again after checking is
	 * possible; the message says someone else changed it meanwhile.
	 */
	private void staleForm(Model model, String name, Object form) {
		model.addAttribute(name, form);
		model.addAttribute("stale", true);
	}

	private String boardEdit(Model model) {
		model.addAttribute("municipalities", this.organisation.municipalities());
		model.addAttribute("administrations", this.organisation.administrations());
		model.addAttribute("kinds", BoardKind.values());
		return BOARD_EDIT;
	}

	private String save(BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect,
			String formName, Object emptyForm, java.util.function.Supplier<String> action) {
		if (!result.hasErrors()) {
			try {
				String done = action.get();
				if (!HtmxRequests.isHtmx(request)) {
					redirect.addFlashAttribute("message", done);
					return "redirect:/admin/organisation";
				}
				model.addAttribute(formName, emptyForm);
				model.addAttribute("status", done);
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation);
			}
		}
		keepErrors(model, result, formName, emptyForm);
		return overview(model, request);
	}

	/**
	 * A record is not created when an input cannot be converted (a date that is no date); show an
	 * empty form then, with the errors kept, rather than failing on a missing form.
	 */
	static void keepErrors(Model model, BindingResult result, String formName, Object emptyForm) {
		if (result.getTarget() != null) {
			return;
		}
		BeanPropertyBindingResult fresh = new BeanPropertyBindingResult(emptyForm, formName);
		fresh.addAllErrors(result);
		model.addAttribute(formName, emptyForm);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName, fresh);
	}

	private String overview(Model model, HttpServletRequest request) {
		addIfMissing(model, "municipalityForm", MunicipalityForm.empty());
		addIfMissing(model, "administrationForm", AdministrationForm.empty());
		addIfMissing(model, "unitForm", UnitForm.empty());
		addIfMissing(model, "boardForm", BoardForm.empty());
		addIfMissing(model, "personForm", PersonForm.empty());
		addIfMissing(model, "membershipForm", MembershipForm.empty());
		addIfMissing(model, "caseOfficerForm", CaseOfficerForm.empty());
		List<Municipality> municipalities = this.organisation.municipalities();
		List<Administration> administrations = this.organisation.administrations();
		List<Person> persons = this.organisation.persons();
		List<Board> boards = this.organisation.boards();
		model.addAttribute("municipalities", municipalities);
		model.addAttribute("municipalityNames", byId(municipalities, Municipality::getId, Municipality::getName));
		model.addAttribute("administrations", administrations);
		model.addAttribute("administrationNames",
				byId(administrations, Administration::getId, Administration::getName));
		model.addAttribute("units", this.organisation.units());
		model.addAttribute("boards", boards);
		model.addAttribute("persons", persons);
		model.addAttribute("personNames", byId(persons, Person::getId, Person::getFullName));
		model.addAttribute("memberships", boards.stream()
			.collect(Collectors.toMap(Board::getId, b -> this.organisation.membershipsOf(b.getId()))));
		model.addAttribute("caseOfficers", this.organisation.caseOfficers());
		model.addAttribute("kinds", BoardKind.values());
		model.addAttribute("roles", MembershipRole.values());
		model.addAttribute("today", LocalDate.now(this.clock));
		// "BOARD-4" → the board's own letterhead; the letterheads section lists who has one.
		model.addAttribute("letterheads", this.stationery.letterheads()
			.stream()
			.collect(Collectors.toMap(l -> l.getOwnerKind() + "-" + l.getOwnerId(), Function.identity())));
		boolean htmx = HtmxRequests.isHtmx(request);
		model.addAttribute("htmx", htmx);
		return htmx ? SECTIONS : OVERVIEW;
	}

	private static void addIfMissing(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

	private static <T> Map<Long, String> byId(List<T> items, Function<T, Long> id, Function<T, String> name) {
		return items.stream().collect(Collectors.toMap(id, name));
	}

	private static String text(@org.jspecify.annotations.Nullable String value) {
		return Objects.requireNonNullElse(value, "");
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
