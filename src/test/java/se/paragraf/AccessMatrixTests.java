package se.paragraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.paragraf.shared.security.Role;

/**
 * Every endpoint × every role, anonymous included: who may use it, who is refused (401 or the login
 * page for anonymous, 403 for a role without the right). An endpoint missing from the matrix fails
 * the build, so no endpoint goes out without a decision on who may use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

	private static final Set<Role> ANYONE_SIGNED_IN = EnumSet.allOf(Role.class);

	private static final Set<Role> REGISTER_READERS = EnumSet.of(Role.ADMIN, Role.SECRETARY, Role.CASE_OFFICER,
			Role.ECONOMIST);

	private static final Set<Role> REGISTER_WRITERS = EnumSet.of(Role.ADMIN, Role.SECRETARY, Role.CASE_OFFICER);

	private static final Set<Role> SECRETARIES = EnumSet.of(Role.ADMIN, Role.SECRETARY);

	/** The official documents (secret content included): staff, and members of the meeting's board. */
	private static final Set<Role> OFFICIAL_READERS = EnumSet.of(Role.ADMIN, Role.SECRETARY, Role.CASE_OFFICER,
			Role.MEMBER, Role.SUBSTITUTE);

	/** null: public, no login needed. */
	private static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

	static {
		// Public documents and pages
		allow(null, "GET /", "GET /login", "GET /public/meetings", "GET /public/boards/{code}",
				"GET /public/meetings/{id}/notice", "GET /public/meetings/{id}/notice.pdf",
				"GET /public/meetings/{id}/notices/{version}", "GET /public/meetings/{id}/notices/{version}.pdf",
				"GET /public/attachments/{id}", "GET /public/register", "GET /public/matters/{id}");
		// OParl 1.1: public, read-only
		allow(null, "GET /oparl/v1/system", "GET /oparl/v1/bodies", "GET /oparl/v1/body/{id}/{list}",
				"GET /oparl/v1/organization/{id}/meetings", "GET /oparl/v1/{type}/{key}",
				"GET /oparl/v1/file/{key}/access", "GET /oparl/v1/file/{key}/download",
				// any other path under the root: an OParl error object
				"GET /oparl/v1", "GET /oparl/v1/**");
		// Calendar feeds: public
		allow(null, "GET /public/calendar/boards/{code}.ics", "GET /public/calendar/persons/{id}.ics");
		// Accessibility statement and problem reports: public
		allow(null, "GET /public/accessibility", "POST /public/accessibility");
		// Full-text search: public (public entries only), internal by role; the index rebuilt by an administrator
		allow(null, "GET /public/search", "GET /api/v1/search");
		allow(ANYONE_SIGNED_IN, "GET /search");
		allow(EnumSet.of(Role.ADMIN), "POST /search/rebuild");
		// The register
		allow(REGISTER_READERS, "GET /api/v1/boards/{code}/matters", "GET /api/v1/matters/{id}",
				"GET /api/v1/matters/{id}/report", "GET /api/v1/matters/{id}/attachments", "GET /api/v1/attachments/{id}",
				"GET /api/v1/attachments/{id}/content");
		allow(REGISTER_WRITERS, "POST /api/v1/matters", "PUT /api/v1/matters/{id}", "PUT /api/v1/matters/{id}/report",
				"POST /api/v1/matters/{id}/attachments", "POST /api/v1/matters/{id}/text-attachments",
				"POST /api/v1/attachments/{id}/withdrawal", "POST /api/v1/attachments/{id}/restoration",
				"PUT /api/v1/matters/{id}/confidentiality",
				"PUT /api/v1/attachments/{id}/confidentiality", "POST /matters/{id}/confidentiality",
				"POST /matters/{id}/attachments/{attachmentId}/confidentiality", "GET /matters", "POST /matters", "GET /matters/{id}",
				"POST /matters/{id}/report", "POST /matters/{id}/attachments", "POST /matters/{id}/text-attachments",
				"POST /matters/{id}/attachments/{attachmentId}/withdrawal",
				"POST /matters/{id}/attachments/{attachmentId}/restoration", "GET /matters/{id}/attachments/{attachmentId}");
		// The officer report in and out of Word, and the editor's live-table previews: the register's writers
		allow(REGISTER_WRITERS, "POST /matters/{id}/report/import", "GET /matters/{id}/report.docx",
				"GET /matters/{id}/embeds/preview", "GET /matters/{id}/embeds", "GET /matters/{id}/history");
		// The minutes as .docx: the official record for the secretaries, the public variant for everyone
		allow(SECRETARIES, "GET /meetings/{id}/minutes.docx");
		allow(null, "GET /public/meetings/{id}/minutes.docx");
		// Meetings
		allow(ANYONE_SIGNED_IN, "GET /api/v1/boards/{code}/meetings", "GET /api/v1/meetings/{id}",
				"GET /api/v1/meetings/{id}/notices", "GET /my/meetings");
		allow(SECRETARIES, "POST /api/v1/boards/{code}/meetings", "POST /api/v1/boards/{code}/schedule",
				"PUT /api/v1/meetings/{id}", "POST /api/v1/meetings/{id}/agenda", "PUT /api/v1/meetings/{id}/agenda",
				"DELETE /api/v1/meetings/{id}/agenda/{itemId}", "POST /api/v1/meetings/{id}/notices", "GET /meetings",
				"POST /meetings", "POST /meetings/schedule", "GET /meetings/{id}", "POST /meetings/{id}",
				"POST /meetings/{id}/agenda", "POST /meetings/{id}/agenda/{itemId}/move",
				"POST /meetings/{id}/agenda/{itemId}/removal", "POST /meetings/{id}/agenda/{itemId}/restoration",
				"POST /meetings/{id}/agenda/order",
				"POST /meetings/{id}/notices", "GET /meetings/{id}/preview", "GET /meetings/{id}/notices/preview",
				"GET /meetings/{id}/notices/preview.pdf",
				"GET /meetings/{id}/notice-jobs/{jobId}", "GET /api/v1/meetings/{id}/notice-jobs/{jobId}");
		// Meeting conduct, minutes, certification and dispatch
		allow(null, "GET /public/meetings/{id}/minutes", "GET /public/meetings/{id}/minutes.pdf",
				"GET /public/meetings/{id}/minutes/{version}", "GET /public/meetings/{id}/minutes/{version}.pdf",
				"GET /public/meetings/{id}/minutes/sections/{section}.pdf", "GET /public/notice-boards/{code}", "GET /public/notice-boards/{code}/feed.atom",
				"GET /public/meetings/{id}");
		allow(ANYONE_SIGNED_IN, "GET /api/v1/meetings/{id}/conduct", "POST /api/v1/meetings/{id}/minutes/signatures",
				"GET /meetings/{id}/minutes/signing", "GET /meetings/{id}/minutes/signing/draft.pdf", "POST /meetings/{id}/minutes/signatures", "PUT /api/v1/me/notifications");
		allow(SECRETARIES, "PUT /api/v1/meetings/{id}/attendance", "PUT /api/v1/meetings/{id}/checkers",
				"POST /api/v1/meetings/{id}/extra-items", "PUT /api/v1/meetings/{id}/agenda/{itemId}/conflicts",
				"PUT /api/v1/meetings/{id}/agenda/{itemId}/decision",
				"PUT /api/v1/meetings/{id}/agenda/{itemId}/dissents/{personId}",
				"DELETE /api/v1/meetings/{id}/agenda/{itemId}/dissents/{personId}", "POST /api/v1/meetings/{id}/closing",
				"POST /api/v1/meetings/{id}/minutes", "POST /api/v1/meetings/{id}/minutes/corrections",
				"GET /api/v1/meetings/{id}/dispatches", "POST /api/v1/meetings/{id}/dispatches/{dispatchId}/manual",
				"GET /meetings/{id}/conduct", "POST /meetings/{id}/conduct/attendance", "POST /meetings/{id}/conduct/checkers",
				"POST /meetings/{id}/conduct/extra-items", "POST /meetings/{id}/conduct/items/{itemId}/conflicts",
				"POST /meetings/{id}/conduct/items/{itemId}/decision", "POST /meetings/{id}/conduct/items/{itemId}/dissents",
				"POST /meetings/{id}/conduct/closing", "POST /meetings/{id}/minutes", "POST /meetings/{id}/minutes/corrections",
				"POST /meetings/{id}/dispatches/{dispatchId}/manual", "GET /meetings/{id}/minutes/draft",
				"GET /meetings/{id}/minutes/draft.pdf", "GET /notice-boards", "PUT /api/v1/public-notices/{id}",
				"POST /api/v1/meetings/{id}/appeals", "POST /notice-boards/notices/{id}/posting",
				"POST /api/v1/meetings/{id}/agenda/{itemId}/immediate-certification",
				"POST /meetings/{id}/conduct/items/{itemId}/immediate-certification");
		// The live meeting room: anyone signed in at the role level; the room itself admits the board's
		// members, substitutes and secretaries only (403 for others, LiveMeetingIntegrationTests)
		allow(ANYONE_SIGNED_IN, "GET /meetings/{id}/live", "GET /meetings/{id}/live/events", "GET /meetings/{id}/live/state",
				"POST /meetings/{id}/live/check-in", "POST /meetings/{id}/live/item", "POST /meetings/{id}/live/speakers",
				"POST /meetings/{id}/live/speakers/{requestId}/withdrawal", "POST /meetings/{id}/live/speakers/{requestId}/floor",
				"POST /meetings/{id}/live/floor/end", "POST /meetings/{id}/live/speakers-list", "POST /meetings/{id}/live/votes",
				"POST /meetings/{id}/live/votes/{voteId}/ballots", "POST /meetings/{id}/live/votes/{voteId}/closing",
				"POST /meetings/{id}/live/conflicts");
		allow(SECRETARIES, "POST /meetings/{id}/conduct/attendance/all-present");
		// Mail that could not be delivered: listed with the meeting's dispatches, sent again by the secretaries
		allow(SECRETARIES, "GET /api/v1/meetings/{id}/failed-mails", "POST /api/v1/failed-mails/{id}/retry",
				"POST /failed-mails/{id}/retry");
		allow(REGISTER_READERS, "GET /api/v1/matters/{id}/decisions");
		// Secrecy marks on agenda items and minute sections: the secretaries
		allow(SECRETARIES, "POST /meetings/{id}/agenda/{itemId}/confidentiality",
				"PUT /api/v1/meetings/{id}/agenda/{itemId}/confidentiality",
				"POST /meetings/{id}/conduct/items/{itemId}/confidentiality",
				"PUT /api/v1/meetings/{id}/agenda/{itemId}/decision/confidentiality");
		// The official, complete notice and minutes (secret content included): members and staff only
		allow(OFFICIAL_READERS, "GET /meetings/{id}/official/notice", "GET /meetings/{id}/official/notice.pdf",
				"GET /meetings/{id}/official/notices/{version}", "GET /meetings/{id}/official/notices/{version}.pdf",
				"GET /meetings/{id}/official/minutes/{version}", "GET /meetings/{id}/official/minutes/{version}.pdf",
				"GET /meetings/{id}/official/attachments/{attachmentId}");
		// Reading with private notes: the readers of the official documents, each her own notes only
		allow(OFFICIAL_READERS, "GET /meetings/{id}/reading", "GET /meetings/{id}/reading/notes",
				"POST /meetings/{id}/reading/notes", "PUT /meetings/{id}/reading/notes/{noteId}",
				"DELETE /meetings/{id}/reading/notes/{noteId}", "GET /meetings/{id}/reading/notice-with-notes.pdf");
		// Allowances from the attendance: secretaries set rules and close payroll runs; economists read and export
		allow(EnumSet.of(Role.ADMIN, Role.SECRETARY, Role.ECONOMIST), "GET /allowances", "GET /allowances/runs/{runId}.csv",
				"GET /allowances/runs/{runId}.xlsx", "GET /api/v1/boards/{code}/allowance-rules",
				"GET /api/v1/boards/{code}/allowances/{month}", "GET /api/v1/payroll-runs/{id}");
		allow(SECRETARIES, "POST /allowances/boards/{code}/rules", "POST /allowances/boards/{code}/months/{month}/runs",
				"PUT /api/v1/boards/{code}/allowance-rules", "POST /api/v1/boards/{code}/allowances/{month}/payroll-runs");
		// Masking personal data before publication: the secretaries review
		allow(SECRETARIES, "GET /masking/{documentKey}", "POST /masking/{documentKey}/masks",
				"POST /masking/{documentKey}/masks/{maskId}/confirmation",
				"POST /masking/{documentKey}/masks/{maskId}/removal", "POST /masking/{documentKey}/review",
				"GET /api/v1/masking/{documentKey}", "POST /api/v1/masking/{documentKey}/masks",
				"POST /api/v1/masking/{documentKey}/masks/{maskId}/confirmation",
				"DELETE /api/v1/masking/{documentKey}/masks/{maskId}", "POST /api/v1/masking/{documentKey}/review");
		// Operations plans: everyone signed in reads, the register's writers build
		allow(ANYONE_SIGNED_IN, "GET /api/v1/plans", "GET /api/v1/plans/{id}", "GET /api/v1/goals/{id}",
				"GET /api/v1/indicators/{id}", "GET /api/v1/indicators/{id}/measurements", "GET /plans", "GET /plans/{id}");
		allow(REGISTER_WRITERS, "POST /api/v1/plans", "PUT /api/v1/plans/{id}", "POST /api/v1/plans/{id}/decision",
				"POST /api/v1/plans/{id}/sections", "POST /api/v1/plans/{id}/priorities", "POST /api/v1/plans/{id}/goals",
				"PUT /api/v1/goals/{id}", "POST /api/v1/goals/{id}/indicators", "PUT /api/v1/indicators/{id}",
				"POST /api/v1/indicators/{id}/measurements", "POST /api/v1/plans/{id}/measurements",
				"POST /api/v1/plans/{id}/kolada", "POST /api/v1/plans/{id}/units", "POST /plans", "POST /plans/{id}",
				"POST /plans/{id}/sections", "POST /plans/{id}/priorities", "POST /plans/{id}/goals",
				"POST /plans/{id}/indicators", "POST /plans/{id}/measurements", "POST /plans/{id}/units",
				"POST /plans/{id}/csv", "POST /plans/{id}/kolada");
		// Internal control: everyone signed in reads plans and follow-ups; evidence files only the writers
		allow(ANYONE_SIGNED_IN, "GET /api/v1/risk-matrices/{id}", "GET /api/v1/risk-analyses/{id}",
				"GET /api/v1/control-plans", "GET /api/v1/control-plans/{id}", "GET /api/v1/control-points/{id}",
				"GET /api/v1/follow-ups", "GET /api/v1/follow-ups/{id}", "GET /api/v1/follow-ups/dashboard",
				"GET /api/v1/follow-ups/report", "GET /internal-control", "GET /internal-control/dashboard",
				"GET /internal-control/report", "GET /internal-control/plans/{id}", "GET /internal-control/analyses/{id}",
				"GET /internal-control/boards/{code}/{year}", "GET /internal-control/follow-up");
		allow(REGISTER_WRITERS, "POST /api/v1/risk-matrices", "POST /api/v1/risk-analyses",
				"POST /api/v1/risk-analyses/{id}/risks", "POST /api/v1/risk-analyses/{id}/remap",
				"POST /api/v1/control-plans", "POST /api/v1/control-plans/{id}/points", "POST /api/v1/follow-ups",
				"POST /api/v1/follow-ups/{id}/submission", "POST /api/v1/follow-ups/{id}/corrections",
				"POST /api/v1/follow-ups/{id}/evidence", "POST /internal-control/plans", "POST /internal-control/matrices",
				"POST /internal-control/analyses", "POST /internal-control/plans/{id}/points",
				"POST /internal-control/analyses/{id}/risks", "POST /internal-control/analyses/{id}/remap",
				"POST /internal-control/follow-up", "POST /internal-control/follow-ups/{id}/correction",
				"POST /internal-control/follow-ups/{id}/evidence", "GET /internal-control/evidence/{id}");
		allow(SECRETARIES, "POST /internal-control/reminders");
		// Budget: economists write; secretaries and case officers read
		allow(REGISTER_READERS, "GET /api/v1/boards/{code}/budgets/{year}",
				"GET /api/v1/boards/{code}/budgets/{year}/versions/{number}", "GET /budget", "GET /budget/{board}/{year}",
				"GET /budget/{board}/{year}/versions/{number}", "GET /budget/{board}/{year}/compare",
				"GET /budget/{board}/{year}/versions/{number}/export.xlsx",
				"GET /budget/{board}/{year}/versions/{number}/datapackage.zip");
		allow(EnumSet.of(Role.ADMIN, Role.ECONOMIST), "POST /api/v1/boards/{code}/budgets/{year}/versions",
				"PUT /api/v1/boards/{code}/budgets/{year}/versions/{number}",
				"POST /api/v1/boards/{code}/budgets/{year}/versions/{number}/proposal",
				"POST /api/v1/boards/{code}/budgets/{year}/versions/{number}/decision",
				"POST /budget/{board}/{year}/versions/{number}/copy", "POST /budget/{board}/{year}/versions/{number}/proposal",
				"POST /budget/{board}/{year}/versions/{number}/decision", "GET /budget/import", "POST /budget/import",
				"POST /budget/import/save");
		// The organisation and accounts: everyone signed in reads, only admins change
		allow(ANYONE_SIGNED_IN, "GET /api/v1/municipalities", "GET /api/v1/municipalities/{code}", "GET /api/v1/boards",
				"GET /api/v1/boards/{code}", "GET /api/v1/persons", "GET /api/v1/persons/{id}",
				"GET /api/v1/memberships/{id}", "GET /api/v1/case-officers/{id}");
		allow(EnumSet.of(Role.ADMIN), "POST /api/v1/municipalities", "POST /api/v1/boards", "PUT /api/v1/boards/{code}",
				"POST /api/v1/persons", "PUT /api/v1/persons/{id}", "POST /api/v1/memberships",
				"POST /api/v1/case-officers", "GET /admin/organisation", "POST /admin/organisation/municipalities",
				"POST /admin/organisation/administrations", "POST /admin/organisation/units",
				"POST /admin/organisation/boards", "POST /admin/organisation/persons",
				"POST /admin/organisation/memberships", "POST /admin/organisation/case-officers",
				"GET /admin/organisation/persons/{id}", "POST /admin/organisation/persons/{id}",
				"GET /admin/organisation/boards/{code}", "POST /admin/organisation/boards/{code}", "GET /admin/accounts",
				"POST /admin/accounts", "GET /admin/accounts/{id}", "POST /admin/accounts/{id}/password",
				"POST /admin/accounts/{id}/enabled", "POST /admin/accounts/locks/{lockId}/removal");
		// Letterheads: everyone signed in reads them through the API, only admins set them
		allow(ANYONE_SIGNED_IN, "GET /api/v1/letterheads", "GET /api/v1/letterheads/{kind}/{id}",
				"GET /api/v1/letterheads/{kind}/{id}/logo");
		allow(EnumSet.of(Role.ADMIN), "PUT /api/v1/letterheads/{kind}/{id}", "DELETE /api/v1/letterheads/{kind}/{id}",
				"GET /admin/organisation/letterheads/{kind}/{id}", "POST /admin/organisation/letterheads/{kind}/{id}",
				"POST /admin/organisation/letterheads/{kind}/{id}/delete");
		// Event publications still to be handled, and their resubmission
		allow(EnumSet.of(Role.ADMIN), "GET /admin/events", "POST /admin/events/resubmission");
	}

	@Autowired
	MockMvc mvc;

	/** The media type an endpoint requires, where it names one (uploads take multipart). */
	private final Map<String, MediaType> consumes = new java.util.HashMap<>();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointHasADecisionOnWhoMayUseIt() {
		Set<String> undecided = new TreeSet<>(endpoints());
		undecided.removeAll(MATRIX.keySet());
		assertThat(undecided).as("endpoints missing from the access matrix").isEmpty();
	}

	@Test
	void everyRoleGetsExactlyTheAccessTheMatrixGrants() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints()) {
			if (!MATRIX.containsKey(endpoint)) {
				continue;
			}
			Set<Role> allowed = MATRIX.get(endpoint);
			check(endpoint, null, allowed == null, wrong);
			for (Role role : Role.values()) {
				check(endpoint, role, allowed == null || allowed.contains(role), wrong);
			}
		}
		assertThat(wrong).isEmpty();
	}

	private void check(String endpoint, Role role, boolean allowed, List<String> wrong) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = endpoint.substring(endpoint.indexOf(' ') + 1)
			.replace("{code}", "NOSUCHBOARD")
			.replace("{version}", "1")
			.replaceAll("\\{[a-zA-Z]+}", "999999");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(csrf());
		if (!method.equals("GET")) {
			MediaType type = this.consumes.getOrDefault(endpoint, MediaType.APPLICATION_JSON);
			request.contentType(type).content(type.equals(MediaType.APPLICATION_JSON) ? "{}" : "");
		}
		if (role != null) {
			request.with(user("matrix-" + role).roles(role.name()));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		int status = response.getStatus();
		boolean api = path.startsWith("/api/");
		boolean refused = status == 401 || status == 403
				|| (!api && status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login"));
		String who = role == null ? "anonymous" : role.name();
		if (allowed && refused) {
			wrong.add(endpoint + " refused " + who + " with " + status);
		}
		if (!allowed && !refused) {
			wrong.add(endpoint + " let " + who + " through with " + status);
		}
		if (!allowed && role == null && api && status != 401) {
			wrong.add(endpoint + " answered anonymous with " + status + ", not 401");
		}
		if (status >= 500) {
			wrong.add(endpoint + " failed for " + who + " with " + status);
		}
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error") || pattern.startsWith("/v3/api-docs")) {
					continue;
				}
				if (methods.isEmpty()) {
					endpoints.add("GET " + pattern);
				}
				methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
				info.getConsumesCondition()
					.getConsumableMediaTypes()
					.stream()
					.findFirst()
					.ifPresent(type -> methods.forEach(m -> this.consumes.put(m.name() + " " + pattern, type)));
			}
		}
		return endpoints;
	}

	private static void allow(Set<Role> roles, String... endpoints) {
		for (String endpoint : endpoints) {
			MATRIX.put(endpoint, roles);
		}
	}

}
