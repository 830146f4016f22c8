package se.paragraf.shared.web;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import paragraf.client.ApiClient;
import paragraf.client.ApiException;
import paragraf.client.ApiResponse;
import paragraf.client.api.MatterApiControllerApi;
import paragraf.client.api.MeetingApiControllerApi;
import paragraf.client.api.OrganisationApiControllerApi;
import paragraf.client.model.FieldProblem;
import paragraf.client.model.MatterJson;
import paragraf.client.model.MatterUpdate;
import paragraf.client.model.MeetingJson;
import paragraf.client.model.NewMatter;
import paragraf.client.model.NewMeeting;
import paragraf.client.model.PeopleBoardJson;
import paragraf.client.model.Problem;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A client generated from the OpenAPI document (openapi-generator, Java, built from the checked-in
 * copy that {@link OpenApiDocumentTests} keeps equal to the served one) calls the running API over
 * HTTP Basic and gets typed answers, problems included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GeneratedClientTests {

	private static final String PASSWORD = "ett-langt-testlosenord";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	String board;

	ApiClient secretary;

	ApiClient officer;

	@BeforeEach
	void accounts() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
		this.secretary = client("sekr-" + this.board, Role.SECRETARY);
		this.officer = client("handl-" + this.board, Role.CASE_OFFICER);
	}

	@Test
	void aSecretaryListsTheBoardsAndReadsAMeetingSheScheduled() throws ApiException {
		var boards = new OrganisationApiControllerApi(this.secretary).boards();
		assertThat(boards).extracting(PeopleBoardJson::getCode).contains(this.board);

		MeetingApiControllerApi meetings = new MeetingApiControllerApi(this.secretary);
		int year = LocalDate.now(Sweden.ZONE).getYear() + 1;
		ApiResponse<MeetingJson> scheduled = meetings.scheduleWithHttpInfo(this.board, new NewMeeting()
			.start(year + "-03-10T13:00:00").end(year + "-03-10T16:00:00").place("Sammanträdesrum 1"));
		assertThat(scheduled.getStatusCode()).isEqualTo(201);

		MeetingJson meeting = meetings.meeting(scheduled.getData().getId());
		assertThat(meeting.getBoard()).isEqualTo(this.board);
		assertThat(meeting.getPlace()).isEqualTo("Sammanträdesrum 1");
		assertThat(LocalDateTime.parse(meeting.getStart())).isEqualTo(LocalDateTime.of(year, 3, 10, 13, 0));
		assertThat(meeting.getAgenda()).allSatisfy(item -> assertThat(item.getTitle()).isNotBlank());
	}

	@Test
	void aCaseOfficerRegistersAMatterAndIsAnswered201WithTheMatter() throws ApiException {
		ApiResponse<MatterJson> registered = new MatterApiControllerApi(this.officer)
			.registerWithHttpInfo(new NewMatter().board(this.board).title("Detaljbudget"));

		assertThat(registered.getStatusCode()).isEqualTo(201);
		assertThat(registered.getHeaders().get("Location")).isNotEmpty();
		MatterJson matter = registered.getData();
		assertThat(matter.getTitle()).isEqualTo("Detaljbudget");
		assertThat(matter.getDiaryNumber()).startsWith(this.board + LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear() + "/");
		assertThat(matter.getRegisteredOn()).isEqualTo(LocalDate.now(se.paragraf.shared.Sweden.ZONE));
	}

	@Test
	void badInputIsATyped400ProblemNamingTheField() {
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> new MatterApiControllerApi(this.officer).register(new NewMatter().board(this.board).title(" ")));

		assertThat(refused.getCode()).isEqualTo(400);
		Problem problem = problem(refused);
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getErrors()).extracting(FieldProblem::getField).containsExactly("title");
		assertThat(problem.getErrors().get(0).getMessage()).isNotBlank();
	}

	@Test
	void aStaleVersionIsATyped409Problem() throws ApiException {
		MatterApiControllerApi matters = new MatterApiControllerApi(this.officer);
		MatterJson matter = matters.register(new NewMatter().board(this.board).title("Första titeln"));
		matters.retitle(matter.getId(), new MatterUpdate().title("Andra titeln").version(matter.getVersion()));

		ApiException refused = catchThrowableOfType(ApiException.class, () -> matters.retitle(matter.getId(),
				new MatterUpdate().title("Tredje titeln").version(matter.getVersion())));

		assertThat(refused.getCode()).isEqualTo(409);
		Problem problem = problem(refused);
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getDetail()).isNotBlank();
		assertThat(matters.matter(matter.getId()).getTitle()).isEqualTo("Andra titeln");
	}

	private ApiClient client(String username, Role role) {
		this.accounts.create(username, PASSWORD, Set.of(role), null);
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + this.port);
		client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
		return client;
	}

	private static Problem problem(ApiException refused) {
		assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
		try {
			return paragraf.client.JSON.getDefault().getMapper().readValue(refused.getResponseBody(), Problem.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new AssertionError(refused.getResponseBody(), ex);
		}
	}

}
