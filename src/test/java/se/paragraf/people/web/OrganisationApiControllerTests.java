package se.paragraf.people.web;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Board;
import se.paragraf.people.Boards;
import se.paragraf.people.CaseOfficers;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Memberships;
import se.paragraf.people.Municipalities;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.people.Person;
import se.paragraf.people.Persons;
import se.paragraf.shared.security.Role;

/**
 * The organisation API: every role reads, only admins write; bad input is 400 with field errors,
 * duplicates and stale versions are 409, and nothing is half-saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationApiControllerTests {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

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

	@Autowired
	CaseOfficers caseOfficers;

	static RequestPostProcessor as(Role role) {
		return user("api-" + role.name().toLowerCase()).roles(role.name());
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	Stream<String> reads(Board board, Person person) {
		Municipality municipality = this.organisation.municipality(board.getHostMunicipalityId());
		var membership = this.organisation.addMembership(person.getId(), board.getId(), MembershipRole.MEMBER,
				LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31));
		var administration = this.organisation.addAdministration(OrganisationFixtures.unique("Förvaltning"),
				municipality.getId(), null);
		var officer = this.organisation.addCaseOfficer(person.getId(), administration.getId(), "Handläggare");
		return Stream.of("/api/v1/municipalities", "/api/v1/municipalities/" + municipality.getCode(),
				"/api/v1/boards", "/api/v1/boards/" + board.getCode(), "/api/v1/persons",
				"/api/v1/persons/" + person.getId(), "/api/v1/memberships/" + membership.getId(),
				"/api/v1/case-officers/" + officer.getId());
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void letsEveryRoleRead(Role role) throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		for (String url : reads(board, person).toList()) {
			this.mvc.perform(get(url).with(as(role))).andExpect(status().isOk());
		}
	}

	@Test
	void answersAnonymousCallsWith401() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		for (String url : reads(board, person).toList()) {
			this.mvc.perform(get(url)).andExpect(status().isUnauthorized());
		}
		for (String url : writes().toList()) {
			this.mvc.perform(json(post(url), "{}")).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(json(put("/api/v1/persons/" + person.getId()), "{}")).andExpect(status().isUnauthorized());
		this.mvc.perform(json(put("/api/v1/boards/" + board.getCode()), "{}")).andExpect(status().isUnauthorized());
	}

	static Stream<String> writes() {
		return Stream.of("/api/v1/municipalities", "/api/v1/boards", "/api/v1/persons", "/api/v1/memberships",
				"/api/v1/case-officers");
	}

	@ParameterizedTest
	@MethodSource("writersRefused")
	void refusesWritesToRolesOtherThanAdmin(Role role) throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person person = OrganisationFixtures.person(this.organisation);
		long before = this.persons.count();
		this.mvc.perform(json(post("/api/v1/persons"), "{\"firstName\":\"A\",\"lastName\":\"B\"}").with(as(role)))
			.andExpect(status().isForbidden());
		for (String url : writes().toList()) {
			this.mvc.perform(json(post(url), "{}").with(as(role))).andExpect(status().isForbidden());
		}
		this.mvc.perform(json(put("/api/v1/boards/" + board.getCode()), "{}").with(as(role)))
			.andExpect(status().isForbidden());
		this.mvc.perform(json(put("/api/v1/persons/" + person.getId()),
				"{\"firstName\":\"A\",\"lastName\":\"B\",\"version\":0}").with(as(role)))
			.andExpect(status().isForbidden());
		assertThat(this.persons.count()).isEqualTo(before);
		assertThat(this.organisation.person(person.getId()).getFirstName()).isEqualTo("Test");
	}

	static Stream<Role> writersRefused() {
		return Stream.of(Role.values()).filter(r -> r != Role.ADMIN);
	}

	@Test
	void describesAJointBoardWithHostPartnersAndCurrentMembers() throws Exception {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		Municipality partner = OrganisationFixtures.municipality(this.organisation);
		Board board = this.organisation.addBoard(OrganisationFixtures.boardCode(), "Gemensam API-nämnd",
				se.paragraf.people.BoardKind.JOINT, host.getId(), null, Set.of(partner.getId()));
		Person chair = OrganisationFixtures.person(this.organisation);
		Person former = OrganisationFixtures.person(this.organisation);
		this.organisation.addMembership(chair.getId(), board.getId(), MembershipRole.CHAIR, LocalDate.now(Sweden.ZONE).minusYears(1),
				LocalDate.now(Sweden.ZONE).plusYears(1));
		this.organisation.addMembership(former.getId(), board.getId(), MembershipRole.MEMBER,
				LocalDate.now(Sweden.ZONE).minusYears(5), LocalDate.now(Sweden.ZONE).minusYears(2));
		this.mvc.perform(get("/api/v1/boards").with(as(Role.MEMBER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(board.getCode())));
		this.mvc.perform(get("/api/v1/boards/" + board.getCode().toLowerCase()).with(as(Role.MEMBER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(board.getCode()))
			.andExpect(jsonPath("$.kind").value("JOINT"))
			.andExpect(jsonPath("$.hostMunicipality").value(host.getName()))
			.andExpect(jsonPath("$.partnerMunicipalities[0]").value(host.getName()))
			.andExpect(jsonPath("$.partnerMunicipalities[1]").value(partner.getName()))
			.andExpect(jsonPath("$.links.self").value("/api/v1/boards/" + board.getCode()))
			.andExpect(jsonPath("$.members.length()").value(1))
			.andExpect(jsonPath("$.members[0].name").value(chair.getFullName()))
			.andExpect(jsonPath("$.members[0].role").value("CHAIR"))
			.andExpect(jsonPath("$.members[0].term.start").exists());
	}

	@Test
	void answers404ForUnknownBoardsAndPersons() throws Exception {
		this.mvc.perform(get("/api/v1/boards/NOSUCHBOARDZ").with(as(Role.MEMBER)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		this.mvc.perform(get("/api/v1/persons/" + Long.MAX_VALUE).with(as(Role.MEMBER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(json(post("/api/v1/memberships"), "{\"personId\":" + Long.MAX_VALUE
				+ ",\"boardId\":1,\"role\":\"MEMBER\",\"termStart\":\"2024-01-01\",\"termEnd\":\"2024-12-31\"}")
			.with(as(Role.ADMIN))).andExpect(status().isNotFound());
	}

	@Test
	void createsAMunicipalityAndRefusesADuplicateCodeWith409() throws Exception {
		String code = OrganisationFixtures.municipalityCode(this.organisation);
		this.mvc.perform(json(post("/api/v1/municipalities"),
				"{\"name\":\"" + OrganisationFixtures.unique("Kommun") + "\",\"code\":\"" + code + "\"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/municipalities/" + code));
		long before = this.municipalities.count();
		this.mvc.perform(json(post("/api/v1/municipalities"),
				"{\"name\":\"" + OrganisationFixtures.unique("Kommun") + "\",\"code\":\"" + code + "\"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		this.mvc.perform(json(post("/api/v1/municipalities"), "{\"name\":\"\",\"code\":\"12\"}").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("Kommunkoden består av fyra siffror, till exempel 2085.")));
		assertThat(this.municipalities.count()).isEqualTo(before);
	}

	@Test
	void createsABoardInUpperCaseAndRefusesDuplicatesAndBadInput() throws Exception {
		Municipality host = OrganisationFixtures.municipality(this.organisation);
		Municipality partner = OrganisationFixtures.municipality(this.organisation);
		String code = OrganisationFixtures.boardCode();
		String body = "{\"code\":\"" + code.toLowerCase() + "\",\"name\":\"API-nämnd\",\"kind\":\"JOINT\","
				+ "\"hostMunicipalityId\":" + host.getId() + ",\"partnerMunicipalityIds\":[" + partner.getId() + "]}";
		this.mvc.perform(json(post("/api/v1/boards"), body).with(as(Role.ADMIN)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/boards/" + code))
			.andExpect(jsonPath("$.code").value(code));
		long before = this.boards.count();
		this.mvc.perform(json(post("/api/v1/boards"), body).with(as(Role.ADMIN))).andExpect(status().isConflict());
		this.mvc.perform(json(post("/api/v1/boards"), "{\"code\":\"X\",\"name\":\"N\",\"kind\":\"ORDINARY\","
				+ "\"hostMunicipalityId\":" + host.getId() + "}").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		this.mvc.perform(json(post("/api/v1/boards"), "{\"code\":\"" + OrganisationFixtures.boardCode()
				+ "\",\"name\":\"N\",\"kind\":\"JOINT\",\"hostMunicipalityId\":" + host.getId() + "}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("partnerMunicipalityIds"));
		this.mvc.perform(json(post("/api/v1/boards"), "{\"name\":\"\"}").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("hostMunicipalityId")));
		this.mvc.perform(json(post("/api/v1/boards"), "{not json").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest());
		assertThat(this.boards.count()).isEqualTo(before);
	}

	@Test
	void updatesABoardAndRefusesAStaleVersionWith409() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		String partners = board.getPartnerMunicipalityIds().stream().map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		String body = "{\"name\":\"Nytt API-namn\",\"kind\":\"JOINT\",\"hostMunicipalityId\":"
				+ board.getHostMunicipalityId() + ",\"partnerMunicipalityIds\":[" + partners + "],\"version\":"
				+ board.getVersion() + "}";
		this.mvc.perform(json(put("/api/v1/boards/" + board.getCode()), body).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Nytt API-namn"));
		this.mvc.perform(json(put("/api/v1/boards/" + board.getCode()), body.replace("Nytt API-namn", "Gammalt"))
			.with(as(Role.ADMIN))).andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		this.mvc.perform(json(put("/api/v1/boards/" + board.getCode()),
				body.replace(",\"version\":" + board.getVersion(), "")).with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		assertThat(this.organisation.board(board.getId()).getName()).isEqualTo("Nytt API-namn");
	}

	@Test
	void createsAndUpdatesPersonsAndRefusesBadEmailAndStaleVersions() throws Exception {
		String last = OrganisationFixtures.unique("Api");
		String location = this.mvc
			.perform(json(post("/api/v1/persons"), "{\"firstName\":\"Eva\",\"lastName\":\"" + last
					+ "\",\"email\":\"eva@example.se\"}").with(as(Role.ADMIN)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Eva " + last))
			.andReturn().getResponse().getHeader("Location");
		long before = this.persons.count();
		this.mvc.perform(json(post("/api/v1/persons"), "{\"firstName\":\"\",\"lastName\":\"X\",\"email\":\"nej\"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("firstName")));
		this.mvc.perform(json(post("/api/v1/persons"), "{\"firstName\":\"A\",\"lastName\":\"X\",\"email\":\"a@b\"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		assertThat(this.persons.count()).isEqualTo(before);
		this.mvc.perform(json(put(location), "{\"firstName\":\"Eva\",\"lastName\":\"Ny\",\"version\":0}")
			.with(as(Role.ADMIN))).andExpect(status().isOk());
		this.mvc.perform(json(put(location), "{\"firstName\":\"Eva\",\"lastName\":\"Gammal\",\"version\":0}")
			.with(as(Role.ADMIN))).andExpect(status().isConflict());
		this.mvc.perform(get(location).with(as(Role.SUBSTITUTE))).andExpect(jsonPath("$.lastName").value("Ny"));
	}

	@Test
	void createsMembershipsAndRefusesOverlapsAndASecondChair() throws Exception {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		Person first = OrganisationFixtures.person(this.organisation);
		Person second = OrganisationFixtures.person(this.organisation);
		String template = "{\"personId\":%d,\"boardId\":%d,\"role\":\"%s\",\"termStart\":\"%s\",\"termEnd\":\"%s\"}";
		this.mvc.perform(json(post("/api/v1/memberships"),
				template.formatted(first.getId(), board.getId(), "CHAIR", "2023-01-01", "2026-12-31"))
			.with(as(Role.ADMIN)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.board").value(board.getCode()));
		long before = this.memberships.count();
		this.mvc.perform(json(post("/api/v1/memberships"),
				template.formatted(second.getId(), board.getId(), "CHAIR", "2024-01-01", "2024-12-31"))
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		this.mvc.perform(json(post("/api/v1/memberships"),
				template.formatted(first.getId(), board.getId(), "MEMBER", "2026-01-01", "2027-12-31"))
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("personId"));
		this.mvc.perform(json(post("/api/v1/memberships"),
				template.formatted(second.getId(), board.getId(), "MEMBER", "2024-01-01", "2023-12-31"))
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("termEnd"));
		this.mvc.perform(json(post("/api/v1/memberships"), "{\"role\":\"MEMBER\"}").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("personId")));
		assertThat(this.memberships.count()).isEqualTo(before);
	}

	@Test
	void createsCaseOfficersAndRefusesAMissingTitle() throws Exception {
		Municipality municipality = OrganisationFixtures.municipality(this.organisation);
		var administration = this.organisation.addAdministration(OrganisationFixtures.unique("IT"), municipality.getId(),
				null);
		Person person = OrganisationFixtures.person(this.organisation);
		this.mvc.perform(json(post("/api/v1/case-officers"), "{\"personId\":" + person.getId()
				+ ",\"administrationId\":" + administration.getId() + ",\"title\":\"IT-chef\"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("IT-chef"));
		long before = this.caseOfficers.count();
		this.mvc.perform(json(post("/api/v1/case-officers"), "{\"personId\":" + person.getId()
				+ ",\"administrationId\":" + administration.getId() + ",\"title\":\" \"}")
			.with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		assertThat(this.caseOfficers.count()).isEqualTo(before);
	}

}
