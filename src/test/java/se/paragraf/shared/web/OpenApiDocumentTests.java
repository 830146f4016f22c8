package se.paragraf.shared.web;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document says what the API does, as other people's tools read it: HTTP Basic and bearer tokens, the real
 * success codes, the problems each operation can answer, concrete media types, nullable fields, and
 * real answers that validate against the documented schemas. The checked-in copy that the generated
 * client is built from is the served one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	static final String SNAPSHOT = "src/test/resources/openapi/paragraf.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	JsonNode document;

	String documentText;

	@BeforeEach
	void fetch() throws Exception {
		this.documentText = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		this.document = JSON.readTree(this.documentText);
	}

	@Test
	void theDocumentNamesTheApiItsVersionAndLicence() {
		JsonNode info = this.document.path("info");
		assertThat(info.path("title").asString()).isEqualTo("Paragraf API");
		assertThat(info.path("version").asString()).isNotBlank().doesNotStartWith("@").isNotEqualTo("v0");
		assertThat(info.path("description").asString()).contains("problem+json");
		assertThat(info.path("license").path("name").asString()).isNotBlank();
	}

	@Test
	void noAnswerOrRequestIsDocumentedAsAnyMediaType() {
		List<String> anyType = new ArrayList<>();
		operations((path, method, operation) -> {
			operation.path("responses").properties().forEach(response -> {
				if (response.getValue().path("content").has("*/*")) {
					anyType.add(method + " " + path + " " + response.getKey());
				}
			});
			if (operation.path("requestBody").path("content").has("*/*")) {
				anyType.add(method + " " + path + " request");
			}
		});
		assertThat(anyType).isEmpty();
		assertThat(this.documentText).doesNotContain("*/*");
	}

	@Test
	void httpBasicAndBearerTokensAreTheSecuritySchemesAndSearchNeedsNoLogin() {
		JsonNode schemes = this.document.path("components").path("securitySchemes");
		JsonNode basic = schemes.path(OpenApiConfiguration.BASIC_AUTH);
		assertThat(basic.path("type").asString()).isEqualTo("http");
		assertThat(basic.path("scheme").asString()).isEqualTo("basic");
		JsonNode bearer = schemes.path(OpenApiConfiguration.BEARER_AUTH);
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(this.document.path("security").toString()).isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
		JsonNode search = this.document.path("paths").path("/api/v1/search").path("get");
		assertThat(search.path("security").toString()).isEqualTo("[{},{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
		assertThat(search.path("responses").has("401")).isFalse();
	}

	/** An anonymous call is refused with 401 exactly where the document says a login is needed. */
	@Test
	void everyOperationThatNeedsALoginDocuments401And403() throws Exception {
		List<String> wrong = new ArrayList<>();
		int[] count = { 0 };
		List<Object[]> calls = new ArrayList<>();
		operations((path, method, operation) -> calls.add(new Object[] { path, method, operation }));
		for (Object[] call : calls) {
			String path = (String) call[0];
			String method = (String) call[1];
			JsonNode responses = ((JsonNode) call[2]).path("responses");
			MockHttpServletRequestBuilder anonymous = request(HttpMethod.valueOf(method.toUpperCase()),
					path.replaceAll("\\{[^}]+}", "1"));
			if (((JsonNode) call[2]).has("requestBody")) {
				anonymous.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			int status = this.mvc.perform(anonymous).andReturn().getResponse().getStatus();
			boolean needsLogin = status == 401;
			if (needsLogin != responses.has("401") || needsLogin != responses.has("403")) {
				wrong.add(method + " " + path + " answers " + status + " anonymously, documents " + responses.propertyNames());
			}
			count[0]++;
		}
		assertThat(wrong).isEmpty();
		assertThat(count[0]).isGreaterThan(100);
	}

	/**
	 * Handlers that answer {@code ResponseEntity.created(...)} carry {@code @ResponseStatus(CREATED)}
	 * (which is what documents the 201), and the others do not: read from the handlers' bytecode.
	 */
	@Test
	void handlersThatCreateDocument201AndNoOthers() throws IOException {
		List<String> wrong = new ArrayList<>();
		int created = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.handlers.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ApiController.class)) {
				continue;
			}
			Set<String> calls = responseEntityCalls(handler.getMethod());
			String answers = calls.contains("created") ? "201" : calls.contains("accepted") ? "202"
					: calls.contains("noContent") ? "204" : "200";
			for (String path : entry.getKey().getPatternValues()) {
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					JsonNode responses = this.document.path("paths").path(path).path(method.name().toLowerCase()).path("responses");
					Set<String> documented = new TreeSet<>();
					responses.propertyNames().forEach(code -> {
						if (code.startsWith("2")) {
							documented.add(code);
						}
					});
					if (!documented.equals(Set.of(answers))) {
						wrong.add(method + " " + path + " answers " + answers + ", documents " + documented);
					}
					created += "201".equals(answers) ? 1 : 0;
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(created).isGreaterThanOrEqualTo(20);
	}

	@Test
	void problemsAreDocumentedAsProblemJsonWithFieldErrors() {
		JsonNode components = this.document.path("components");
		for (String name : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "ContentTooLarge")) {
			assertThat(components.path("responses").path(name).path("content").path("application/problem+json")
				.path("schema").path("$ref").asString()).as(name).isEqualTo("#/components/schemas/Problem");
		}
		JsonNode errors = components.path("schemas").path("Problem").path("properties").path("errors");
		assertThat(errors.path("items").path("$ref").asString()).isEqualTo("#/components/schemas/FieldProblem");
		JsonNode register = operation("post", "/api/v1/matters").path("responses");
		assertThat(register.propertyNames()).contains("201", "400", "401", "403", "409");
		JsonNode upload = operation("post", "/api/v1/matters/{id}/attachments").path("responses");
		assertThat(upload.propertyNames()).contains("201", "400", "401", "403", "404", "409", "413");
		JsonNode read = operation("get", "/api/v1/matters/{id}").path("responses");
		assertThat(read.propertyNames()).contains("200", "400", "401", "403", "404").doesNotContain("409", "413");
		JsonNode download = operation("get", "/api/v1/attachments/{id}/content").path("responses").path("200").path("content");
		assertThat(download.propertyNames()).contains("application/pdf").doesNotContain("application/json");
	}

	@Test
	void searchIsDocumentedAsItsQueryParameters() {
		List<String> parameters = new ArrayList<>();
		operation("get", "/api/v1/search").path("parameters").forEach(p -> {
			assertThat(p.path("in").asString()).isEqualTo("query");
			parameters.add(p.path("name").asString());
		});
		assertThat(parameters).containsExactlyInAnyOrder("q", "board", "year", "kind", "from", "to", "page");
	}

	@Test
	void nullableFieldsAdmitNullAndTheOthersAreRequired() {
		JsonNode schemas = this.document.path("components").path("schemas");
		JsonNode hit = schemas.path("HitJson");
		assertThat(hit.path("properties").path("board").path("anyOf").toString()).contains("{\"type\":\"null\"}");
		assertThat(hit.path("required").toString()).contains("\"title\"", "\"url\"").doesNotContain("\"board\"");
		JsonNode agendaItem = schemas.path("AgendaItemJson").path("properties");
		assertThat(agendaItem.path("matterId").path("type").toString()).contains("null");
		assertThat(agendaItem.path("title").path("type").toString()).isEqualTo("\"string\"");
		// A required field never admits null, and every object of ours says which fields it always has.
		List<String> contradictions = new ArrayList<>();
		int nullable = 0;
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			Set<String> required = new HashSet<>();
			schema.getValue().path("required").forEach(r -> required.add(r.asString()));
			for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
				boolean admitsNull = property.getValue().toString().contains("\"null\"");
				nullable += admitsNull ? 1 : 0;
				if (admitsNull && required.contains(property.getKey())) {
					contradictions.add(schema.getKey() + "." + property.getKey());
				}
			}
		}
		assertThat(contradictions).isEmpty();
		assertThat(nullable).isGreaterThan(100);
	}

	/** Real answers of representative operations, success and problem, validate against the document. */
	@Test
	void realAnswersConformToTheDocumentedSchemas() throws Exception {
		String board = PeopleFixtures.jointBoard(this.organisation).code();
		Conformance check = new Conformance(this.document, this.documentText);
		// The register
		MockHttpServletResponse registered = check.call(this.mvc, "post", "/api/v1/matters", OFFICER,
				"{\"board\": \"" + board + "\", \"title\": \"Detaljbudget\"}", 201);
		long matter = JSON.readTree(registered.getContentAsString()).path("id").asLong();
		check.call(this.mvc, "get", "/api/v1/matters/{id}", OFFICER, null, 200, matter);
		check.call(this.mvc, "get", "/api/v1/boards/{code}/matters", OFFICER, null, 200, board);
		check.call(this.mvc, "get", "/api/v1/matters/{id}/report", OFFICER, null, 200, matter);
		check.call(this.mvc, "get", "/api/v1/matters/{id}/attachments", OFFICER, null, 200, matter);
		check.call(this.mvc, "get", "/api/v1/matters/{id}/decisions", OFFICER, null, 200, matter);
		check.call(this.mvc, "post", "/api/v1/matters/{id}/text-attachments", OFFICER,
				"{\"title\": \"Yttrande\", \"body\": \"Text\"}", 201, matter);
		// The organisation
		check.call(this.mvc, "get", "/api/v1/boards", OFFICER, null, 200);
		check.call(this.mvc, "get", "/api/v1/boards/{code}", OFFICER, null, 200, board);
		check.call(this.mvc, "get", "/api/v1/persons", OFFICER, null, 200);
		check.call(this.mvc, "get", "/api/v1/municipalities", OFFICER, null, 200);
		// A meeting with an agenda item about the matter and one of oral information
		int year = LocalDate.now(Sweden.ZONE).getYear() + 1;
		MockHttpServletResponse scheduled = check.call(this.mvc, "post", "/api/v1/boards/{code}/meetings", SECRETARY,
				"{\"start\": \"" + year + "-03-10T13:00:00\", \"end\": \"" + year + "-03-10T16:00:00\", \"place\": \"Rum 1\"}",
				201, board);
		JsonNode meeting = JSON.readTree(scheduled.getContentAsString());
		long id = meeting.path("id").asLong();
		MockHttpServletResponse withItem = check.call(this.mvc, "post", "/api/v1/meetings/{id}/agenda", SECRETARY,
				"{\"matterId\": " + matter + ", \"version\": " + meeting.path("version").asLong() + "}", 201, id);
		MockHttpServletResponse withOral = check.call(this.mvc, "post", "/api/v1/meetings/{id}/agenda", SECRETARY,
				"{\"oralInformation\": \"Förvaltningen informerar\", \"version\": "
						+ JSON.readTree(withItem.getContentAsString()).path("version").asLong() + "}", 201, id);
		// Publishing the notice: 202 and a status resource
		MockHttpServletResponse publishing = check.call(this.mvc, "post", "/api/v1/meetings/{id}/notices", SECRETARY,
				"{\"version\": " + JSON.readTree(withOral.getContentAsString()).path("version").asLong() + "}", 202, id);
		check.call(this.mvc, "get", "/api/v1/meetings/{id}/notice-jobs/{jobId}", SECRETARY, null, 200, id,
				JSON.readTree(publishing.getContentAsString()).path("id").asText());
		check.call(this.mvc, "get", "/api/v1/meetings/{id}", SECRETARY, null, 200, id);
		check.call(this.mvc, "get", "/api/v1/meetings/{id}/conduct", SECRETARY, null, 200, id);
		check.call(this.mvc, "get", "/api/v1/meetings/{id}/notices", SECRETARY, null, 200, id);
		check.call(this.mvc, "get", "/api/v1/boards/{code}/meetings?year=" + year, SECRETARY, null, 200, board);
		// Plans, internal control, search
		check.call(this.mvc, "get", "/api/v1/plans", OFFICER, null, 200);
		check.call(this.mvc, "get", "/api/v1/control-plans", OFFICER, null, 200);
		check.call(this.mvc, "get", "/api/v1/search?q=Detaljbudget", OFFICER, null, 200);
		check.call(this.mvc, "get", "/api/v1/search?q=Detaljbudget", null, null, 200);
		// Problems
		check.call(this.mvc, "post", "/api/v1/matters", OFFICER, "{\"board\": \"" + board + "\", \"title\": \"\"}", 400);
		check.call(this.mvc, "get", "/api/v1/matters/{id}", OFFICER, null, 404, 999_999_999L);
		check.call(this.mvc, "get", "/api/v1/matters/{id}", null, null, 401, matter);
		check.call(this.mvc, "post", "/api/v1/boards", OFFICER, "{}", 403);
		check.call(this.mvc, "put", "/api/v1/matters/{id}", OFFICER, "{\"title\": \"Ny titel\", \"version\": 99}", 409, matter);
		check.call(this.mvc, "get", "/api/v1/search", null, null, 400);
		assertThat(check.problems).isEmpty();
		assertThat(check.checked).isGreaterThan(25);
		// The validator does see a null where the document says there is none.
		assertThat(check.errors("#/components/schemas/SearchBoardJson", "{\"code\": null, \"name\": null}")).hasSize(1);
	}

	/**
	 * The copy the generated client is built from (src/test/resources/openapi/paragraf.json) is the
	 * served document, but for the build's version. To bring it up to date after changing the API:
	 * {@code mvn -o test -Dtest=OpenApiDocumentTests -Dparagraf.openapi.update=true}, then commit it.
	 */
	@Test
	void theCheckedInDocumentIsTheServedOne() throws IOException {
		ObjectNode served = (ObjectNode) this.document.deepCopy();
		Path snapshot = Path.of(SNAPSHOT);
		if (Boolean.getBoolean("paragraf.openapi.update")) {
			Files.writeString(snapshot, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
					StandardCharsets.UTF_8);
		}
		ObjectNode checkedIn = (ObjectNode) JSON.readTree(Files.readString(snapshot, StandardCharsets.UTF_8));
		((ObjectNode) served.path("info")).remove("version");
		((ObjectNode) checkedIn.path("info")).remove("version");
		assertThat(checkedIn).as("""
				%s differs from /v3/api-docs: the API changed. Bring the copy up to date with
				  mvn -o test -Dtest=OpenApiDocumentTests -Dparagraf.openapi.update=true
				and commit it (the generated client in GeneratedClientTests is built from it).""", SNAPSHOT)
			.isEqualTo(served);
	}

	private JsonNode operation(String method, String path) {
		return this.document.path("paths").path(path).path(method);
	}

	private void operations(OperationVisitor visitor) {
		for (Map.Entry<String, JsonNode> path : this.document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				visitor.visit(path.getKey(), method.getKey(), method.getValue());
			}
		}
	}

	interface OperationVisitor {

		void visit(String path, String method, JsonNode operation);

	}

	/** The static methods of ResponseEntity a handler calls ({@code created}, {@code noContent}, ...). */
	private static Set<String> responseEntityCalls(Method method) throws IOException {
		Class<?> type = ClassUtils.getUserClass(method.getDeclaringClass());
		String descriptor = Type.getMethodDescriptor(method);
		Set<String> calls = new HashSet<>();
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
				@Override
				public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
					if (!name.equals(method.getName()) || !desc.equals(descriptor)) {
						return null;
					}
					return new MethodVisitor(Opcodes.ASM9) {
						@Override
						public void visitMethodInsn(int opcode, String owner, String called, String calledDesc, boolean itf) {
							if ("org/springframework/http/ResponseEntity".equals(owner)) {
								calls.add(called);
							}
						}
					};
				}
			}, ClassReader.SKIP_DEBUG);
		}
		return calls;
	}

	/** Calls an operation and validates its answer against the schema the document gives for it. */
	static final class Conformance {

		private static final String BASE = "https://paragraf.invalid/openapi.json";

		final List<String> problems = new ArrayList<>();

		int checked;

		private final JsonNode document;

		private final SchemaRegistry registry;

		Conformance(JsonNode document, String text) {
			this.document = document;
			this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
					builder -> builder.schemas(Map.of(BASE, text)));
		}

		MockHttpServletResponse call(MockMvc mvc, String method, String template, RequestPostProcessor as,
				String body, int expected, Object... variables) throws Exception {
			String path = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
			MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.toUpperCase()), template, variables)
				.header("Accept-Language", "sv");
			if (as != null) {
				request.with(as);
			}
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).content(body);
			}
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			String where = method.toUpperCase() + " " + path + " " + response.getStatus();
			if (response.getStatus() != expected) {
				this.problems.add(where + ": expected " + expected + ", body " + response.getContentAsString());
				return response;
			}
			JsonNode documented = this.document.path("paths").path(path).path(method).path("responses")
				.path(String.valueOf(expected));
			String pointer = "#/paths/" + escape(path) + "/" + method + "/responses/" + expected;
			if (documented.has("$ref")) {
				pointer = documented.path("$ref").asString();
				documented = this.document.at(pointer.substring(1));
			}
			if (documented.isMissingNode()) {
				this.problems.add(where + ": not documented");
				return response;
			}
			String contentType = MediaType.parseMediaType(response.getContentType()).getType() + "/"
					+ MediaType.parseMediaType(response.getContentType()).getSubtype();
			if (!documented.path("content").has(contentType)) {
				this.problems.add(where + ": answered " + contentType + ", documents " + documented.path("content").propertyNames());
				return response;
			}
			List<Error> errors = this.registry
				.getSchema(SchemaLocation.of(BASE + pointer + "/content/" + escape(contentType) + "/schema"))
				.validate(response.getContentAsString(StandardCharsets.UTF_8), InputFormat.JSON);
			errors.forEach(error -> this.problems.add(where + ": " + error));
			this.checked++;
			return response;
		}

		List<Error> errors(String pointer, String json) {
			return this.registry.getSchema(SchemaLocation.of(BASE + pointer)).validate(json, InputFormat.JSON);
		}

		private static String escape(String segment) {
			return segment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
		}

	}

}
