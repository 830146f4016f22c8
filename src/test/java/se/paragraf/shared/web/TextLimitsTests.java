package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.paragraf.budget.BudgetManagement;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.NotFoundException;

/**
 * Every text a page or API client can send has an upper bound, stated in its message, so that no
 * request can store a megabyte in a title or overflow a column.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TextLimitsTests {

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final RequestPostProcessor ECONOMIST = user("ekonom").roles("ECONOMIST");

	/** One character more than a report part may hold. */
	private static final String TOO_LONG_REPORT_TEXT = "a".repeat(100_001);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	BudgetManagement budgets;

	String board;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
	}

	@Test
	void aCouncilDecisionLongerThanItsColumnIsAFieldErrorNotAServerError() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"api\", \"councilDecision\": \"" + "b".repeat(501) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("councilDecision"))
			.andExpect(jsonPath("$.errors[0].message").value("Högst 500 tecken."));
		assertThat(savedVersions()).isZero();
	}

	@Test
	void anActivityNameLongerThanItsColumnIsNamedByItsRow() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"label": "api", "activities": [{"code": "030", "name": "%s", "externalRevenue": 0,
					 "internalRevenue": 0, "cost": 1}]}""".formatted("n".repeat(201))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("activities[0].name"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("högst 200 tecken")));
	}

	@Test
	void aReportTextOverItsLimitIsRefusedThroughTheApiWithTheLimitInTheMessage() throws Exception {
		Matter matter = this.register.register(this.board, "Detaljbudget 2024");
		// Over the anonymous body limit: the size filter must see a signed-in caller, as it does a session.
		this.mvc.perform(put("/api/v1/matters/{id}/report", matter.getId()).with(OFFICER)
			.session(signedInSession("handlaggare", "ROLE_CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"proposedResolution\": [], \"decisionRecipients\": [], \"version\": 0, \"summary\": \""
					+ TOO_LONG_REPORT_TEXT + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Högst 100")));
		assertThat(this.register.report(matter.getId()).getSummary()).isEmpty();
	}

	@Test
	void aReportTextOverItsLimitIsShownBesideTheInputOnThePage() throws Exception {
		Matter matter = this.register.register(this.board, "Detaljbudget 2024");
		this.mvc.perform(post("/matters/{id}/report", matter.getId()).with(OFFICER).with(csrf())
			.param("proposalKind", "ADMINISTRATION_PROPOSAL")
			.param("description", TOO_LONG_REPORT_TEXT)
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Högst 100")));
		assertThat(this.register.report(matter.getId()).getDescription()).isEmpty();
	}

	@Test
	void everyTextOfEveryFormAndRequestBodyHasAnUpperBound() {
		List<String> unbounded = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		for (HandlerMethod handler : this.mappings.getHandlerMethods().values()) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				boolean bound = parameter.hasParameterAnnotation(RequestBody.class)
						|| parameter.hasParameterAnnotation(ModelAttribute.class);
				if (bound) {
					collect(parameter.getParameterType(), seen, unbounded);
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

	private int savedVersions() {
		try {
			return this.budgets.versions(this.board, 2024).size();
		}
		catch (NotFoundException none) {
			return 0;
		}
	}

	private static void collect(Class<?> type, Set<Class<?>> seen, List<String> unbounded) {
		if (!type.getName().startsWith("se.paragraf.") || type.isEnum() || !seen.add(type)) {
			return;
		}
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			for (Field field : each.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				check(type, field.getName(), field.getAnnotatedType(), field.getType(), sizeOf(type, field),
						seen, unbounded);
			}
		}
	}

	private static void check(Class<?> owner, String name, AnnotatedType annotated, Class<?> type,
			Size size, Set<Class<?>> seen, List<String> unbounded) {
		if (type == String.class) {
			if (size == null || size.max() == Integer.MAX_VALUE) {
				unbounded.add(owner.getName() + "." + name);
			}
		}
		else if (Collection.class.isAssignableFrom(type)
				&& annotated instanceof java.lang.reflect.AnnotatedParameterizedType parameterized) {
			AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
			Class<?> elementType = element.getType() instanceof ParameterizedType p ? (Class<?>) p.getRawType()
					: (Class<?>) element.getType();
			check(owner, name + "[]", element, elementType, element.getAnnotation(Size.class), seen, unbounded);
		}
		else {
			collect(type, seen, unbounded);
		}
	}

	/** The constraint on a field, or on the record component it belongs to. */
	private static Size sizeOf(Class<?> owner, Field field) {
		Size size = field.getAnnotation(Size.class);
		if (size == null && owner.isRecord()) {
			for (var component : owner.getRecordComponents()) {
				if (component.getName().equals(field.getName())) {
					size = component.getAccessor().getAnnotation(Size.class);
				}
			}
		}
		return size;
	}

	private static MockHttpSession signedInSession(String username, String role) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				AuthorityUtils.createAuthorityList(role)));
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		return session;
	}

}
