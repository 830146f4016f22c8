package se.paragraf.publication.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;
import tools.jackson.databind.JsonNode;

/**
 * The OParl interface as a client sees it, without login: every object type validates against the
 * OParl 1.1 schema, lists page with their filters kept, and a change, a deletion included, shows in
 * a {@code modified_since} list.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OParlIntegrationTests {

	private static final String ORIGIN = "http://localhost";

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	final OParlSchemas schemas = new OParlSchemas();

	BoardWithPeople board;

	Meeting published;

	Meeting cancelled;

	Meeting draft;

	Matter matter;

	Matter unpublishedMatter;

	Attachment attachment;

	long bodyId;

	@BeforeEach
	void publishedMeetingWithAMatterAndAnAttachment() throws IOException {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.bodyId = this.board.board().getHostMunicipalityId();
		this.published = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2023, 12, 5, 10, 0), LocalDateTime.of(2023, 12, 5, 12, 0), "Sammanträdesrum Tranan", null);
		this.matter = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.register.writeReport(this.matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "", "Förvaltningen har färdigställt budgeten.",
				"Inga tillkommande kostnader.", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Akten", false, null))), 0);
		this.attachment = this.register.attachFile(this.matter.getId(), "Budgetunderlag", "underlag.pdf",
				"application/pdf", new ByteArrayInputStream(onePagePdf()));
		this.planning.addMatter(this.published.getId(), version(this.published), this.matter.getId());
		this.notices.publish(this.published.getId(), version(this.published));
		this.unpublishedMatter = this.register.register(this.board.code(), "Utkast som ingen sett");
		this.cancelled = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 2, 6, 10, 0), LocalDateTime.of(2024, 2, 6, 12, 0), null, "Netpublicator");
		this.planning.cancel(this.cancelled.getId(), version(this.cancelled));
		this.draft = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 3, 5, 10, 0),
				LocalDateTime.of(2024, 3, 5, 12, 0), "Sammanträdesrum Tranan", null);
		this.planning.addMatter(this.draft.getId(), version(this.draft), this.unpublishedMatter.getId());
	}

	@Test
	void everyObjectTypeValidatesAgainstItsSchemaInListsAndAlone() throws Exception {
		Set<String> types = new LinkedHashSet<>();
		JsonNode system = json("/oparl/v1/system");
		this.schemas.assertValid(system);
		types.add(system.path("type").asString());
		assertThat(system.path("body").asString()).isEqualTo(ORIGIN + "/oparl/v1/bodies");
		JsonNode body = json("/oparl/v1/body/" + this.bodyId);
		this.schemas.assertValid(body);
		types.add(body.path("type").asString());
		assertThat(json("/oparl/v1/bodies?limit=1000").path("data")).isNotEmpty();
		for (String list : List.of("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
				"locationList", "legislativeTermList", "membership")) {
			List<JsonNode> objects = all(body.path(list).asString());
			assertThat(objects).as(list).isNotEmpty();
			for (JsonNode object : objects) {
				this.schemas.assertValid(object);
				types.add(object.path("type").asString());
				JsonNode alone = json(object.path("id").asString());
				this.schemas.assertValid(alone);
				assertThat(alone).isEqualTo(object);
			}
		}
		assertThat(types).hasSize(12);
	}

	@Test
	void theMeetingEmbedsItsPublishedAgendaNoticeAndPlace() throws Exception {
		JsonNode meeting = json("/oparl/v1/meeting/" + this.published.getId());
		assertThat(meeting.path("start").asString()).isEqualTo("2023-12-05T10:00:00+01:00");
		assertThat(meeting.path("location").path("description").asString()).isEqualTo("Sammanträdesrum Tranan");
		assertThat(meeting.path("invitation").path("mimeType").asString()).isEqualTo("application/pdf");
		List<String> titles = new ArrayList<>();
		meeting.path("agendaItem").forEach(item -> titles.add(item.path("name").asString()));
		assertThat(titles).contains("Val av justerare", "Detaljbudget 2024");
		JsonNode paper = json("/oparl/v1/paper/" + this.matter.getId());
		assertThat(paper.path("reference").asString()).isEqualTo(this.matter.getDiaryNumber().toString());
		assertThat(paper.path("consultation").get(0).path("meeting").asString())
			.isEqualTo(ORIGIN + "/oparl/v1/meeting/" + this.published.getId());
		assertThat(paper.path("auxiliaryFile").get(0).path("downloadUrl").asString())
			.isEqualTo(ORIGIN + "/public/attachments/" + this.attachment.getId());
		MockHttpServletResponse access = this.mvc
			.perform(get(paper.path("auxiliaryFile").get(0).path("accessUrl").asString()))
			.andReturn()
			.getResponse();
		assertThat(access.getStatus()).isEqualTo(200);
		assertThat(access.getHeader("Content-Disposition")).startsWith("inline");
		String download = meeting.path("invitation").path("downloadUrl").asString();
		MockHttpServletResponse pdf = this.mvc.perform(get(download)).andReturn().getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment").contains("filename");
		assertThat(this.mvc.perform(get(download).header("If-None-Match", pdf.getHeader("ETag")))
			.andReturn()
			.getResponse()
			.getStatus()).as("conditional GET").isEqualTo(304);
	}

	@Test
	void aMeetingsStartAndEndCarryTheSwedishOffsetOfTheirDay() throws Exception {
		Meeting spring = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 3, 31, 10, 0),
				LocalDateTime.of(2024, 3, 31, 12, 0), "Sammanträdesrum Tranan", null);
		this.notices.publish(spring.getId(), version(spring));
		Meeting autumn = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2024, 10, 27, 10, 0),
				LocalDateTime.of(2024, 10, 27, 12, 0), "Sammanträdesrum Tranan", null);
		this.notices.publish(autumn.getId(), version(autumn));

		JsonNode summer = json("/oparl/v1/meeting/" + spring.getId());
		assertThat(summer.path("start").asString()).isEqualTo("2024-03-31T10:00:00+02:00");
		assertThat(summer.path("end").asString()).isEqualTo("2024-03-31T12:00:00+02:00");
		JsonNode winter = json("/oparl/v1/meeting/" + autumn.getId());
		assertThat(winter.path("start").asString()).isEqualTo("2024-10-27T10:00:00+01:00");
		assertThat(winter.path("end").asString()).isEqualTo("2024-10-27T12:00:00+01:00");
	}

	@Test
	void onlyWhatIsPublicIsServed() throws Exception {
		JsonNode draft = json("/oparl/v1/meeting/" + this.draft.getId());
		assertThat(draft.has("agendaItem")).as("a draft agenda is not public").isFalse();
		assertThat(draft.has("invitation")).isFalse();
		JsonNode registered = json("/oparl/v1/paper/" + this.unpublishedMatter.getId());
		assertThat(registered.has("consultation")).as("a draft agenda is not a consultation").isFalse();
		JsonNode chair = json("/oparl/v1/person/" + this.board.chair().getId());
		assertThat(chair.path("name").asString()).isEqualTo(this.board.chair().getFullName());
		assertThat(chair.has("email")).isFalse();
		assertThat(chair.has("phone")).isFalse();
		assertThat(chair.path("membership").get(0).path("role").asString()).isEqualTo("Ordförande");
		JsonNode cancelled = json("/oparl/v1/meeting/" + this.cancelled.getId());
		assertThat(cancelled.path("cancelled").asBoolean()).isTrue();
		assertThat(status("/oparl/v1/person/" + this.board.caseOfficer().getPersonId()))
			.as("an official without a seat is not published as a person")
			.isEqualTo(404);
	}

	@Test
	void pagesWalkTheWholeListAndKeepTheFilters() throws Exception {
		String first = "/oparl/v1/body/" + this.bodyId + "/memberships?limit=2&created_since="
				+ URLEncoder.encode("2000-01-01T00:00:00+01:00", StandardCharsets.UTF_8);
		JsonNode page = json(first);
		assertThat(page.path("pagination").path("totalElements").asInt()).isEqualTo(5);
		assertThat(page.path("pagination").path("totalPages").asInt()).isEqualTo(3);
		assertThat(page.path("links").has("prev")).isFalse();
		List<String> ids = new ArrayList<>();
		int pages = 0;
		while (true) {
			pages++;
			page.path("data").forEach(m -> ids.add(m.path("id").asString()));
			assertThat(page.path("links").path("self").asString()).contains("created_since="
					+ URLEncoder.encode("2000-01-01T00:00:00+01:00", StandardCharsets.UTF_8));
			if (!page.path("links").has("next")) {
				break;
			}
			assertThat(page.path("links").path("next").asString()).contains("limit=2", "created_since=");
			page = json(page.path("links").path("next").asString());
		}
		assertThat(pages).isEqualTo(3);
		assertThat(ids).hasSize(5).doesNotHaveDuplicates();
		List<String> unpaged = new ArrayList<>();
		json("/oparl/v1/body/" + this.bodyId + "/memberships").path("data")
			.forEach(m -> unpaged.add(m.path("id").asString()));
		assertThat(ids).containsExactlyElementsOf(unpaged);
		assertThat(status("/oparl/v1/body/" + this.bodyId + "/memberships?created_since=yesterday")).isEqualTo(400);
	}

	@Test
	void modifiedSinceRoundTripIncludesAWithdrawnFileAsDeletedUntilItIsRestored() throws Exception {
		String files = "/oparl/v1/body/" + this.bodyId + "/files";
		String fileId = ORIGIN + "/oparl/v1/file/attachment-" + this.attachment.getId();
		assertThat(ids(json(files))).contains(fileId);
		json("/oparl/v1/body/" + this.bodyId + "/papers");
		String since = OParlSnapshot.dateTime(Instant.now().truncatedTo(ChronoUnit.SECONDS));

		this.register.withdrawAttachment(this.attachment.getId());

		JsonNode changed = json(files + "?modified_since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
		JsonNode deleted = null;
		for (JsonNode file : changed.path("data")) {
			if (file.path("id").asString().equals(fileId)) {
				deleted = file;
			}
		}
		assertThat(deleted).as("the withdrawn file in the modified_since list").isNotNull();
		assertThat(deleted.path("deleted").asBoolean()).isTrue();
		this.schemas.assertValid(deleted);
		assertThat(ids(json(files))).as("without modified_since deleted objects are left out").doesNotContain(fileId);
		JsonNode alone = json(fileId);
		assertThat(alone.path("deleted").asBoolean()).isTrue();
		assertThat(status(fileId + "/access")).isEqualTo(410);
		JsonNode papers = json("/oparl/v1/body/" + this.bodyId + "/papers?modified_since="
				+ URLEncoder.encode(since, StandardCharsets.UTF_8));
		assertThat(ids(papers)).as("the paper changed with its file").contains(ORIGIN + "/oparl/v1/paper/" + this.matter.getId());
		JsonNode paper = json("/oparl/v1/paper/" + this.matter.getId());
		assertThat(paper.has("auxiliaryFile")).as("deleted objects are never embedded").isFalse();

		// Restored (the removal undone), the file is back, no longer deleted.
		this.register.restoreAttachment(this.attachment.getId());
		assertThat(ids(json(files))).as("a restored file is listed again").contains(fileId);
		assertThat(json(fileId).path("deleted").asBoolean()).isFalse();
		assertThat(status(fileId + "/access")).isEqualTo(200);
	}

	@Test
	void answersAnyoneWithCorsJsonAndNoCookieAndErrorsAsOParlErrors() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/oparl/v1/system")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getCookies()).isEmpty();
		assertThat(response.getHeader("Set-Cookie")).isNull();
		MockHttpServletResponse missing = this.mvc.perform(get("/oparl/v1/meeting/99999999")).andReturn().getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
		JsonNode error = OParlSchemas.JSON.readTree(missing.getContentAsString(StandardCharsets.UTF_8));
		assertThat(error.path("type").asString()).isEqualTo("https://schema.oparl.org/1.1/Error");
		assertThat(status("/oparl/v1/body/" + this.bodyId + "/nonsense")).isEqualTo(404);
	}

	@Test
	void everyMatterInThePublicRegisterIsAPaperWithItsDiaryNumber() throws Exception {
		Matter secret = this.register.register(this.board.code(), "Hemlig personalutredning");
		this.register.classify(secret.getId(), Confidentiality.confidential("39 kap. 3 §"),
				this.register.matter(secret.getId()).getVersion());
		List<String> listed = new ArrayList<>();
		String next = "/public/register?board=" + this.board.code();
		while (next != null) {
			Document page = Jsoup.parse(this.mvc.perform(get(next)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
			page.select("tbody a[href^=/public/matters/]").forEach(a -> listed.add(a.text()));
			Element more = page.selectFirst("a[rel=next]");
			next = more == null ? null : more.attr("href");
		}
		assertThat(listed).contains(this.matter.getDiaryNumber().toString(),
				this.unpublishedMatter.getDiaryNumber().toString(), secret.getDiaryNumber().toString());
		Map<String, JsonNode> papers = new HashMap<>();
		for (JsonNode paper : all("/oparl/v1/body/" + this.bodyId + "/papers")) {
			papers.put(paper.path("reference").asString(), paper);
			this.schemas.assertValid(paper);
		}
		assertThat(papers.keySet()).containsAll(listed);
		JsonNode withheld = papers.get(secret.getDiaryNumber().toString());
		assertThat(withheld.path("name").asString()).startsWith("Uppgift undantagen").doesNotContain("personalutredning");
		assertThat(withheld.path("Paragraf:withheld").asString()).isEqualTo("39 kap. 3 § OSL");
	}

	@Test
	void everyObjectCarriesTheLicenceOfTheData() throws Exception {
		String cc0 = "https://creativecommons.org/publicdomain/zero/1.0/";
		List<JsonNode> objects = new ArrayList<>(List.of(json("/oparl/v1/system")));
		JsonNode body = json("/oparl/v1/body/" + this.bodyId);
		objects.add(body);
		for (String list : List.of("organization", "person", "meeting", "paper", "agendaItem", "consultation", "file",
				"locationList", "legislativeTermList", "membership")) {
			objects.addAll(all(body.path(list).asString()));
		}
		Set<String> types = new LinkedHashSet<>();
		for (JsonNode object : objects) {
			// Embedded objects too: every node with an OParl type.
			for (JsonNode typed : object.findParents("type")) {
				if (typed.path("type").asString("").startsWith(Kind.SCHEMA)) {
					types.add(typed.path("type").asString());
					assertThat(typed.path("license").asString()).as("license of %s", typed.path("id").asString())
						.isEqualTo(cc0);
				}
			}
		}
		assertThat(types).hasSize(12);
	}

	@Test
	void unknownPathsAndObjectsAnswerAnOParlErrorObjectWith404() throws Exception {
		for (String path : List.of("/oparl/v1/nonsense", "/oparl/v1/body/" + this.bodyId + "/papers/extra",
				"/oparl/v1/body/" + this.bodyId + "/nonsense", "/oparl/v1/a/b/c/d", "/oparl/v1",
				"/oparl/v1/meeting/99999999", "/oparl/v1/paper/99999999", "/oparl/v1/system/extra")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentType()).as(path).startsWith("application/json");
			assertThat(response.getHeader("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
			JsonNode error = OParlSchemas.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(error.path("type").asString()).as(path).isEqualTo("https://schema.oparl.org/1.1/Error");
			assertThat(error.path("message").asString()).as(path).isNotBlank();
			assertThat(error.has("status") || error.has("title")).as("%s is not a problem body", path).isFalse();
		}
	}

	private List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("data").forEach(o -> ids.add(o.path("id").asString()));
		return ids;
	}

	private List<JsonNode> all(String listUrl) throws Exception {
		List<JsonNode> objects = new ArrayList<>();
		String next = listUrl;
		while (next != null) {
			JsonNode page = json(next);
			page.path("data").forEach(objects::add);
			next = page.path("links").has("next") ? page.path("links").path("next").asString() : null;
		}
		return objects;
	}

	private JsonNode json(String url) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(local(url))).andReturn().getResponse();
		assertThat(response.getStatus()).as("GET %s: %s", url, response.getContentAsString()).isEqualTo(200);
		return OParlSchemas.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private int status(String url) throws Exception {
		return this.mvc.perform(get(local(url))).andReturn().getResponse().getStatus();
	}

	private static java.net.URI local(String url) {
		return java.net.URI.create(url.startsWith(ORIGIN) ? url.substring(ORIGIN.length()) : url);
	}

	private long version(Meeting meeting) {
		return this.planning.meeting(meeting.getId()).getVersion();
	}

	private static byte[] onePagePdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

}
