package se.paragraf.shared.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes the OpenAPI document at {@code /v3/api-docs} say what the API really does, so that clients
 * generated from it work: HTTP Basic as the security scheme, the real success code (201 where a
 * handler is marked {@code @ResponseStatus(CREATED)}), the problem+json answers each operation can
 * give, concrete media types, and fields that may be null marked as such from jspecify's
 * {@code @Nullable} (everything else is required). Done once here rather than on a hundred handlers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BASIC_AUTH = "basicAuth";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String SCHEMAS = "#/components/schemas/";

	private static final String RESPONSES = "#/components/responses/";

	/** The answers a handler can give besides its success, by status code. */
	private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "BadRequest");
		PROBLEMS.put("401", "Unauthorized");
		PROBLEMS.put("403", "Forbidden");
		PROBLEMS.put("404", "NotFound");
		PROBLEMS.put("409", "Conflict");
		PROBLEMS.put("413", "ContentTooLarge");
	}

	@Bean
	OpenAPI paragrafOpenApi(@Value("${paragraf.api.version:unknown}") String version,
			@Value("${paragraf.api.license-name:CC0-1.0}") String licenseName,
			@Value("${paragraf.api.license-url:https://creativecommons.org/publicdomain/zero/1.0/}") String licenseUrl) {
		return new OpenAPI()
			.info(new Info().title("Paragraf API")
				.version(version)
				.description("""
						The JSON API of Paragraf: the organisation, the register, meetings and their \
						minutes, operations plans, budgets and internal control. Clients authenticate with \
						HTTP Basic over the same accounts as the pages; search is open to everyone. Errors \
						are application/problem+json: 400 with field errors (errors: [{field, message}]), \
						401, 403, 404 for an unknown id, 409 for a stale version or a broken rule, 413 for \
						an upload over the limit. Messages are in Swedish, English with Accept-Language: en.""")
				.license(new License().name(licenseName).url(licenseUrl)))
			.components(new Components().addSecuritySchemes(BASIC_AUTH,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
	}

	/** Per handler: who may call it, and which problems it can answer. */
	@Bean
	OperationCustomizer paragrafOperations() {
		return (operation, handler) -> {
			if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ApiController.class)) {
				return operation;
			}
			ApiResponses responses = operation.getResponses();
			List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
			boolean body = operation.getRequestBody() != null;
			boolean upload = body && operation.getRequestBody().getContent().containsKey("multipart/form-data");
			boolean read = httpMethods(handler).contains(RequestMethod.GET);
			if (body || !parameters.isEmpty()) {
				responses.addApiResponse("400", problem("400"));
			}
			if (isPublic(handler)) {
				// Anyone may call it; with credentials the answer is what the account may read.
				operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BASIC_AUTH)));
			}
			else {
				responses.addApiResponse("401", problem("401"));
				responses.addApiResponse("403", problem("403"));
			}
			if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
				responses.addApiResponse("404", problem("404"));
			}
			if (!read) {
				// A stale version, a taken key or a rule of the process (certified minutes are closed).
				responses.addApiResponse("409", problem("409"));
			}
			if (upload) {
				responses.addApiResponse("413", problem("413"));
			}
			if (byte[].class.equals(handlerBody(handler))) {
				binaryContent(responses);
			}
			return operation;
		};
	}

	/** Over the whole document: problem schemas, short schema names, nullability, no {@code *}{@code /*}. */
	@Bean
	OpenApiCustomizer paragrafDocument() {
		return openApi -> {
			Components components = openApi.getComponents();
			renameSchemas(openApi);
			components.getSchemas().forEach(OpenApiConfiguration::nullability);
			components.addSchemas(PROBLEM, problemSchema());
			components.addSchemas("FieldProblem", fieldProblemSchema());
			PROBLEMS.forEach((status, name) -> components.addResponses(name, new ApiResponse().description(description(status))
				.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM))))));
			components.setSchemas(new TreeMap<>(components.getSchemas()));
		};
	}

	private static ApiResponse problem(String status) {
		return new ApiResponse().$ref(RESPONSES + PROBLEMS.get(status));
	}

	private static String description(String status) {
		return switch (status) {
			case "400" -> "Bad input: errors names each field to correct";
			case "401" -> "No or wrong credentials";
			case "403" -> "The account may not do this";
			case "404" -> "Nothing under this id";
			case "409" -> "A stale version, a taken key or a rule the change would break";
			case "413" -> "The upload is over the limit";
			default -> throw new IllegalArgumentException(status);
		};
	}

	/** A download answers in the file's own type: the types the register accepts (MatterRegister.ACCEPTED_TYPES). */
	private static void binaryContent(ApiResponses responses) {
		ApiResponse ok = responses.get("200");
		Content content = new Content();
		for (String type : List.of("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg")) {
			content.addMediaType(type, new MediaType().schema(new StringSchema().format("binary")));
		}
		ok.setContent(content);
	}

	private static Schema<?> problemSchema() {
		Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem: what went wrong, in the client's language");
		problem.addProperty("type", new StringSchema().format("uri"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema().format("uri-reference"));
		problem.addProperty("errors", new ArraySchema().items(ref("FieldProblem"))
			.description("For 400: each input the client must correct"));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

	private static Schema<?> fieldProblemSchema() {
		Schema<?> field = new ObjectSchema().description("One input the client must correct");
		field.addProperty("field", new StringSchema());
		field.addProperty("message", new StringSchema());
		field.setRequired(List.of("field", "message"));
		return field;
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref(SCHEMAS + name);
	}

	private static Set<RequestMethod> httpMethods(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping == null ? Set.of() : Set.of(mapping.method());
	}

	private static boolean isPublic(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		return rule != null && "permitAll()".equals(rule.value().strip());
	}

	private static @Nullable Class<?> handlerBody(HandlerMethod handler) {
		var type = org.springframework.core.ResolvableType.forMethodReturnType(handler.getMethod());
		if (org.springframework.http.HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.getGeneric(0);
		}
		return type.resolve();
	}

	// Schema names: the short class name, the module's name before it where two modules use the same one.

	/**
	 * springdoc names the schemas by the fully qualified class name (springdoc.use-fqn), so that two
	 * records of the same simple name in two modules do not overwrite each other; here they get short
	 * names again, with the module's name in front only where the simple name is taken twice.
	 */
	private static void renameSchemas(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Map<String, List<String>> bySimpleName = new HashMap<>();
		for (String name : schemas.keySet()) {
			bySimpleName.computeIfAbsent(simpleName(name), n -> new ArrayList<>()).add(name);
		}
		Map<String, String> renames = new HashMap<>();
		for (String name : schemas.keySet()) {
			String simple = simpleName(name);
			renames.put(name, bySimpleName.get(simple).size() == 1 ? simple : moduleName(name) + simple);
		}
		Map<String, Schema> renamed = new LinkedHashMap<>();
		schemas.forEach((name, schema) -> {
			schema.addExtension(JAVA_CLASS, name);
			renamed.put(renames.get(name), schema);
		});
		openApi.getComponents().setSchemas(renamed);
		UnaryOperator<Schema<?>> rewrite = schema -> {
			if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
				String target = schema.get$ref().substring(SCHEMAS.length());
				schema.set$ref(SCHEMAS + renames.getOrDefault(target, target));
			}
			return schema;
		};
		Schemas.visit(openApi, rewrite);
	}

	/** Marks where a schema came from, for the nullability pass; removed again before the document is served. */
	private static final String JAVA_CLASS = "x-java-class";

	private static String simpleName(String qualified) {
		int cut = Math.max(qualified.lastIndexOf('.'), qualified.lastIndexOf('$'));
		return qualified.substring(cut + 1);
	}

	/**
	 * Schema names are part of the published API. The meeting API's records moved from meetings to
	 * proceedings when the module was split (issue 11); where their names carry a module's name, it
	 * stays the one clients know. (meetings itself has no API records since.)
	 */
	private static final Map<String, String> PUBLISHED_MODULE_NAMES = Map.of("proceedings", "meetings");

	/** {@code se.paragraf.people.web.X} → {@code People}. */
	private static String moduleName(String qualified) {
		String[] parts = qualified.split("\\.");
		String module = parts.length > 3 && "se".equals(parts[0]) && "paragraf".equals(parts[1]) ? parts[2] : parts[0];
		module = PUBLISHED_MODULE_NAMES.getOrDefault(module, module);
		return Character.toUpperCase(module.charAt(0)) + module.substring(1);
	}

	// Nullability: jspecify's @Nullable is a type-use annotation that swagger-core does not see.

	private static void nullability(String name, Schema<?> schema) {
		Map<String, Object> extensions = schema.getExtensions();
		Object className = extensions == null ? null : extensions.remove(JAVA_CLASS);
		if (extensions != null && extensions.isEmpty()) {
			schema.setExtensions(null);
		}
		Class<?> type = className == null ? null : load(className.toString());
		if (type == null || schema.getProperties() == null || !type.getName().startsWith("se.paragraf.")) {
			return;
		}
		// What bean validation requires (@NotNull, @NotBlank) is required whatever the Java type says: a
		// form keeps such fields @Nullable only to answer their absence as a field error.
		Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
		Map<String, Schema> properties = new LinkedHashMap<>();
		schema.getProperties().forEach((property, propertySchema) -> {
			localDateTime(type, property, propertySchema);
			if (!required.contains(property) && isNullable(type, property)) {
				properties.put(property, nullable(propertySchema));
			}
			else {
				properties.put(property, propertySchema);
				required.add(property);
			}
		});
		schema.setProperties(properties);
		schema.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
	}

	private static @Nullable Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, OpenApiConfiguration.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	static boolean isNullable(Class<?> type, String property) {
		java.lang.reflect.AnnotatedType member = member(type, property);
		return member != null && member.isAnnotationPresent(Nullable.class);
	}

	/** The declared type of a JSON property: record component, field or getter. */
	private static java.lang.reflect.@Nullable AnnotatedType member(Class<?> type, String property) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals(property)) {
					return component.getAnnotatedType();
				}
			}
		}
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (field.getName().equals(property)) {
					return field.getAnnotatedType();
				}
			}
		}
		String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() == 0
					&& (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix))) {
				return method.getAnnotatedReturnType();
			}
		}
		return null;
	}

	/**
	 * A LocalDateTime goes out without an offset (Swedish local time), which is not what OpenAPI's
	 * date-time (RFC 3339, offset required) promises: a client parsing it as one fails.
	 */
	private static Schema<?> localDateTime(Class<?> type, String property, Schema<?> schema) {
		java.lang.reflect.AnnotatedType member = member(type, property);
		if (member != null && member.getType() == LocalDateTime.class && "date-time".equals(schema.getFormat())) {
			schema.setFormat("local-date-time");
			schema.setPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
			schema.setDescription("Local time in Sweden, without an offset");
		}
		return schema;
	}

	/** OpenAPI 3.1: the type admits null; a reference becomes "the referenced schema or null". */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> nullable(Schema schema) {
		if (schema.get$ref() != null || schema.getAllOf() != null) {
			return new Schema<>().anyOf(List.of(schema, new Schema<>().types(Set.of("null"))));
		}
		Set<String> types = schema.getTypes() != null ? new LinkedHashSet<>(schema.getTypes())
				: schema.getType() != null ? new LinkedHashSet<>(Set.of(schema.getType())) : null;
		if (types == null) {
			return schema;
		}
		types.add("null");
		schema.setTypes(types);
		if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
			List values = new ArrayList<>(schema.getEnum());
			values.add(null);
			schema.setEnum(values);
		}
		return schema;
	}

	/** Walks every schema of a document. */
	static final class Schemas {

		private Schemas() {
		}

		static void visit(OpenAPI openApi, UnaryOperator<Schema<?>> visitor) {
			Components components = openApi.getComponents();
			if (components.getSchemas() != null) {
				components.getSchemas().values().forEach(s -> walk(s, visitor));
			}
			if (openApi.getPaths() == null) {
				return;
			}
			for (PathItem item : openApi.getPaths().values()) {
				for (Operation operation : item.readOperations()) {
					if (operation.getParameters() != null) {
						operation.getParameters().forEach(p -> walk(p.getSchema(), visitor));
					}
					if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
						operation.getRequestBody().getContent().values().forEach(m -> walk(m.getSchema(), visitor));
					}
					if (operation.getResponses() != null) {
						for (ApiResponse response : operation.getResponses().values()) {
							if (response.getContent() != null) {
								response.getContent().values().forEach(m -> walk(m.getSchema(), visitor));
							}
						}
					}
				}
			}
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		private static void walk(@Nullable Schema schema, UnaryOperator<Schema<?>> visitor) {
			if (schema == null) {
				return;
			}
			visitor.apply(schema);
			if (schema.getProperties() != null) {
				((Map<String, Schema>) schema.getProperties()).values().forEach(s -> walk(s, visitor));
			}
			walk(schema.getItems(), visitor);
			if (schema.getAdditionalProperties() instanceof Schema additional) {
				walk(additional, visitor);
			}
			for (List<Schema> list : new List[] { schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
					schema.getPrefixItems() }) {
				if (list != null) {
					list.forEach(s -> walk(s, visitor));
				}
			}
			walk(schema.getNot(), visitor);
		}

	}

}
