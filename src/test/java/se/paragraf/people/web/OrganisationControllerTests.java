package se.paragraf.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Board;
import se.paragraf.people.Boards;
import se.paragraf.people.Memberships;
import se.paragraf.people.Municipalities;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.people.Person;
import se.paragraf.people.Persons;
import se.paragraf.shared.security.Role;

/**
 * The organisation admin screen: who may use it, what it saves, and how it refuses bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Municipalities municipalities;

	@Autowired
	Boards boards;

	@Autowired
	Persons persons;

	@Autowired
	Memberships memberships;

	static RequestPostProcessor as(Role role) {
		return user("org-" + role.name().toLowerCase()).roles(role.name());
	}

	static RequestPostProcessor admin() {
		return as(Role.ADMIN);
	}

	static Stream<String> pages() {
		return Stream.of("/admin/organisation", "/admin/accounts");
	}

	@Test
	void showsTheOverviewToAnAdmin() throws Exception {
		this.mvc.perform(get("/admin/organisation").with(admin()))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.OVERVIEW))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Lägg till kommun")));
	}

	@Test
	void rendersOnlyTheSectionsForAnHtmxRequest() throws Exception {
		this.mvc.perform(get("/admin/organisation").with(admin()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.SECTIONS));
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
	void refusesTheScreenToOtherRoles(Role role) throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		long before = this.persons.count();
		for (String page : new String[] { "/admin/organisation", "/admin/organisation/persons/" + person.getId(),
				"/admin/organisation/boards/" + board.getCode() }) {
			this.mvc.perform(get(page).with(as(role))).andExpect(status().isForbidden());
		}
		for (String url : writes().toList()) {
			this.mvc.perform(post(url).with(as(role)).with(csrf()).param("firstName", "X").param("lastName", "Y"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.persons.count()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("writes")
	void sendsAnonymousVisitorsToTheLogin(String url) throws Exception {
		this.mvc.perform(post(url).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	static Stream<String> writes() {
		return Stream.of("/admin/organisation/municipalities", "/admin/organisation/administrations",
				"/admin/organisation/units", "/admin/organisation/boards", "/admin/organisation/persons",
				"/admin/organisation/memberships", "/admin/organisation/case-officers", "/admin/organisation/persons/1",
				"/admin/organisation/boards/GSN");
	}

	@Test
	void sendsAnonymousVisitorsOfThePagesToTheLogin() throws Exception {
		for (String page : pages().toList()) {
			this.mvc.perform(get(page)).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void refusesAFormWithoutCsrfToken() throws Exception {
		long before = this.persons.count();
		this.mvc.perform(post("/admin/organisation/persons").with(admin()).param("firstName", "Utan")
			.param("lastName", "Token")).andExpect(status().isForbidden());
		assertThat(this.persons.count()).isEqualTo(before);
	}

	@Test
	void addsAMunicipalityAndRedirects() throws Exception {
		String code = OrganisationFixtures.municipalityCode(this.organisation);
		String name = OrganisationFixtures.unique("Kommun");
		this.mvc.perform(post("/admin/organisation/municipalities").with(admin()).with(csrf())
			.param("name", name)
			.param("code", code)).andExpect(redirectedUrl("/admin/organisation"));
		assertThat(this.municipalities.findByCode(code)).map(Municipality::getName).hasValue(name);
	}

	@Test
	void addsAPersonWithHtmxAndReturnsTheSections() throws Exception {
		String last = OrganisationFixtures.unique("Htmx");
		this.mvc.perform(post("/admin/organisation/persons").with(admin()).with(csrf())
			.header("HX-Request", "true")
			.param("firstName", "Hanna")
			.param("lastName", last))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.SECTIONS))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hanna " + last)));
	}

	@Test
	void returnsTheSectionsWithTheErrorsForAnHtmxRequestWithBadInput() throws Exception {
		long before = this.persons.count();
		this.mvc.perform(post("/admin/organisation/persons").with(admin()).with(csrf())
			.header("HX-Request", "true")
			.param("firstName", "Utan")
			.param("lastName", "")
			.param("email", "fel"))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.SECTIONS))
			.andExpect(model().attributeHasFieldErrors("personForm", "lastName", "email"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Utan\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("aria-describedby=\"person-email-error\"")));
		assertThat(this.persons.count()).isEqualTo(before);
	}

	@Test
	void refusesAMunicipalityCodeThatIsNotFourDigits() throws Exception {
		long before = this.municipalities.count();
		this.mvc.perform(post("/admin/organisation/municipalities").with(admin()).with(csrf())
			.param("name", OrganisationFixtures.unique("Kommun"))
			.param("code", "12a"))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.OVERVIEW))
			.andExpect(model().attributeHasFieldErrors("municipalityForm", "code"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Kommunkoden består av fyra siffror")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("aria-describedby=\"municipality-code-error\"")));
		assertThat(this.municipalities.count()).isEqualTo(before);
	}

	@Test
	void refusesATakenMunicipalityCode() throws Exception {
		Municipality existing = OrganisationFixtures.municipality(this.organisation);
		long before = this.municipalities.count();
		this.mvc.perform(post("/admin/organisation/municipalities").with(admin()).with(csrf())
			.param("name", OrganisationFixtures.unique("Kommun"))
			.param("code", existing.getCode()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("municipalityForm", "code"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("finns redan")));
		assertThat(this.municipalities.count()).isEqualTo(before);
	}

	@Test
	void refusesAJointBoardWithoutPartnerAndKeepsTheInput() throws Exception {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		String code = OrganisationFixtures.boardCode();
		long before = this.boards.count();
		this.mvc.perform(post("/admin/organisation/boards").with(admin()).with(csrf())
			.param("code", code)
			.param("name", "Ensam nämnd")
			.param("kind", "JOINT")
			.param("hostMunicipalityId", host.getId().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("boardForm", "partnerMunicipalityIds"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("minst en samverkande kommun")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + code + "\"")));
		assertThat(this.boards.count()).isEqualTo(before);
	}

	@Test
	void refusesBadBoardCodesAndMissingFields() throws Exception {
		long before = this.boards.count();
		this.mvc.perform(post("/admin/organisation/boards").with(admin()).with(csrf())
			.param("code", "G1")
			.param("name", "")
			.param("kind", "ORDINARY"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("boardForm", "name", "hostMunicipalityId"));
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		this.mvc.perform(post("/admin/organisation/boards").with(admin()).with(csrf())
			.param("code", "G1")
			.param("name", "Nämnd")
			.param("kind", "ORDINARY")
			.param("hostMunicipalityId", host.getId().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("boardForm", "code"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2–12 bokstäver")));
		assertThat(this.boards.count()).isEqualTo(before);
	}

	@Test
	void addsABoardWithItsCodeInUpperCase() throws Exception {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		Municipality partner = OrganisationFixtures.municipality(this.organisation);
		String code = OrganisationFixtures.boardCode();
		this.mvc.perform(post("/admin/organisation/boards").with(admin()).with(csrf())
			.param("code", code.toLowerCase())
			.param("name", "Gemensam testnämnd")
			.param("kind", "JOINT")
			.param("hostMunicipalityId", host.getId().toString())
			.param("partnerMunicipalityIds", partner.getId().toString()))
			.andExpect(redirectedUrl("/admin/organisation"));
		Board board = this.organisation.board(code);
		assertThat(board.getCode()).isEqualTo(code);
		assertThat(board.getPartnerMunicipalityIds()).containsExactlyInAnyOrder(host.getId(), partner.getId());
	}

	@Test
	void refusesABadEmailAndMissingNames() throws Exception {
		long before = this.persons.count();
		this.mvc.perform(post("/admin/organisation/persons").with(admin()).with(csrf())
			.param("firstName", "")
			.param("lastName", "")
			.param("email", "inte-en-adress"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("personForm", "firstName", "lastName", "email"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ange en giltig e-postadress")));
		assertThat(this.persons.count()).isEqualTo(before);
	}

	@Test
	void refusesAMembershipEndingBeforeItStarts() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		long before = this.memberships.count();
		this.mvc.perform(post("/admin/organisation/memberships").with(admin()).with(csrf())
			.param("personId", person.getId().toString())
			.param("boardId", board.getId().toString())
			.param("role", "MEMBER")
			.param("termStart", "2024-01-01")
			.param("termEnd", "2023-12-31"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("membershipForm", "termEnd"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("kan inte sluta innan den börjar")));
		this.mvc.perform(post("/admin/organisation/memberships").with(admin()).with(csrf())
			.param("personId", person.getId().toString())
			.param("boardId", board.getId().toString())
			.param("role", "NOBODY")
			.param("termStart", "inte ett datum"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("membershipForm", "role", "termStart"));
		assertThat(this.memberships.count()).isEqualTo(before);
	}

	@Test
	void addsAMembershipAndShowsItUnderItsBoard() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		this.mvc.perform(post("/admin/organisation/memberships").with(admin()).with(csrf())
			.param("personId", person.getId().toString())
			.param("boardId", board.getId().toString())
			.param("role", "CHAIR")
			.param("termStart", "2023-01-01")
			.param("termEnd", "2026-12-31"))
			.andExpect(redirectedUrl("/admin/organisation"));
		assertThat(this.organisation.membershipsOf(board.getId())).hasSize(1);
	}

	@Test
	void refusesBadAdministrationUnitAndCaseOfficerInput() throws Exception {
		long administrations = this.organisation.administrations().size();
		this.mvc.perform(post("/admin/organisation/administrations").with(admin()).with(csrf()).param("name", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("administrationForm", "name", "municipalityId"));
		this.mvc.perform(post("/admin/organisation/units").with(admin()).with(csrf()).param("name", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("unitForm", "name", "administrationId"));
		this.mvc.perform(post("/admin/organisation/case-officers").with(admin()).with(csrf()).param("title", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("caseOfficerForm", "title", "personId", "administrationId"));
		assertThat(this.organisation.administrations()).hasSize((int) administrations);
	}

	@Test
	void addsAnAdministrationWithAUnitAndACaseOfficer() throws Exception {
		Municipality municipality = OrganisationFixtures.municipality(this.organisation);
		String name = OrganisationFixtures.unique("Förvaltning");
		this.mvc.perform(post("/admin/organisation/administrations").with(admin()).with(csrf())
			.param("name", name)
			.param("municipalityId", municipality.getId().toString())).andExpect(redirectedUrl("/admin/organisation"));
		Long id = this.organisation.administrations().stream().filter(a -> a.getName().equals(name)).findFirst()
			.orElseThrow().getId();
		this.mvc.perform(post("/admin/organisation/units").with(admin()).with(csrf())
			.param("name", "Service och support")
			.param("administrationId", id.toString())).andExpect(redirectedUrl("/admin/organisation"));
		Person person = OrganisationFixtures.person(this.organisation);
		this.mvc.perform(post("/admin/organisation/case-officers").with(admin()).with(csrf())
			.param("personId", person.getId().toString())
			.param("administrationId", id.toString())
			.param("title", "IT-chef")).andExpect(redirectedUrl("/admin/organisation"));
		assertThat(this.organisation.caseOfficers()).anyMatch(c -> c.getPersonId().equals(person.getId())
				&& c.getTitle().equals("IT-chef"));
	}

	@Test
	void editsAPerson() throws Exception {
		Person person = OrganisationFixtures.person(this.organisation);
		this.mvc.perform(get("/admin/organisation/persons/{id}", person.getId()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.PERSON_EDIT));
		this.mvc.perform(post("/admin/organisation/persons/{id}", person.getId()).with(admin()).with(csrf())
			.param("firstName", "Ändrad")
			.param("lastName", person.getLastName())
			.param("email", "andrad@example.se")
			.param("version", String.valueOf(person.getVersion())))
			.andExpect(redirectedUrl("/admin/organisation#persons"));
		assertThat(this.organisation.person(person.getId()).getEmail()).isEqualTo("andrad@example.se");
	}

	@Test
	void keepsTheInputAndSavesNothingWhenThePersonChangedMeanwhile() throws Exception {
		Person person = OrganisationFixtures.person(this.organisation);
		long seen = person.getVersion();
		this.organisation.updatePerson(person.getId(), seen, "Någon", "Annan", null, null);
		this.mvc.perform(post("/admin/organisation/persons/{id}", person.getId()).with(admin()).with(csrf())
			.param("firstName", "Min")
			.param("lastName", "Ändring")
			.param("version", String.valueOf(seen)))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.PERSON_EDIT))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Någon annan har ändrat detta")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Ändring\"")));
		assertThat(this.organisation.person(person.getId()).getFirstName()).isEqualTo("Någon");
	}

	@Test
	void editsABoardAndRefusesAStaleVersion() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		MockHttpServletRequestBuilder edit = post("/admin/organisation/boards/{code}", board.getCode()).with(admin())
			.with(csrf())
			.param("name", "Nytt namn")
			.param("kind", "ORDINARY")
			.param("hostMunicipalityId", board.getHostMunicipalityId().toString())
			.param("version", String.valueOf(board.getVersion()));
		this.mvc.perform(get("/admin/organisation/boards/{code}", board.getCode()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.BOARD_EDIT));
		this.mvc.perform(edit).andExpect(redirectedUrl("/admin/organisation#boards"));
		assertThat(this.organisation.board(board.getId()).getName()).isEqualTo("Nytt namn");
		this.mvc.perform(post("/admin/organisation/boards/{code}", board.getCode()).with(admin()).with(csrf())
			.param("name", "Gammal ändring")
			.param("kind", "ORDINARY")
			.param("hostMunicipalityId", board.getHostMunicipalityId().toString())
			.param("version", String.valueOf(board.getVersion())))
			.andExpect(status().isOk())
			.andExpect(view().name(OrganisationController.BOARD_EDIT))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Någon annan har ändrat detta")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Gammal ändring\"")));
		assertThat(this.organisation.board(board.getId()).getName()).isEqualTo("Nytt namn");
	}

	@Test
	void refusesABoardEditThatBreaksARule() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		this.mvc.perform(post("/admin/organisation/boards/{code}", board.getCode()).with(admin()).with(csrf())
			.param("name", "")
			.param("kind", "JOINT")
			.param("hostMunicipalityId", board.getHostMunicipalityId().toString())
			.param("version", String.valueOf(board.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("boardForm", "name"));
		this.mvc.perform(post("/admin/organisation/boards/{code}", board.getCode()).with(admin()).with(csrf())
			.param("name", "Namn")
			.param("kind", "JOINT")
			.param("hostMunicipalityId", board.getHostMunicipalityId().toString())
			.param("version", String.valueOf(board.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("boardForm", "partnerMunicipalityIds"));
		assertThat(this.organisation.board(board.getId()).getName()).isEqualTo(board.getName());
	}

	@Test
	void answersNotFoundForAnUnknownPersonOrBoard() throws Exception {
		this.mvc.perform(get("/admin/organisation/persons/{id}", Long.MAX_VALUE).with(admin()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/organisation/boards/{code}", "NOSUCHBOARDX").with(admin()))
			.andExpect(status().isNotFound());
	}

}
