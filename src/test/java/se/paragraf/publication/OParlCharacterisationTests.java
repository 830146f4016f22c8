package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OParl clients see, pinned: every object of every kind served for a certified meeting with a
 * secret matter, a vote and a dissent, a cancelled meeting and a withdrawn file, compared (as JSON
 * trees, field order included) with {@value #GOLDEN}, recorded before OParl objects became records.
 * Ids, codes, today's dates, hashes and ledger stamps vary per run and are replaced by placeholders.
 * Also pins the ledger's fingerprint: the same content must keep the same fingerprint across
 * releases, or every object's {@code modified} date moves on deploy.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OParlCharacterisationTests {

	static final String GOLDEN = "src/test/resources/oparl/characterisation.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final String ORIGIN = "http://localhost";

	private static final List<String> LISTS = List.of("organization", "person", "meeting", "paper", "agendaItem",
			"consultation", "file", "locationList", "legislativeTermList", "membership");

	/** Where ids stand in URLs and file names, and which kind of id each is. */
	private static final List<Pattern> ID_PATTERNS = List.of(
			Pattern.compile("/oparl/v1/(?<kind>body|organization|person|membership|meeting|paper|location)/(?<id>\\d+)"),
			Pattern.compile("/oparl/v1/(?:agendaitem|consultation)/(?<meeting>\\d+)-"),
			Pattern.compile("/oparl/v1/file/(?:notice|minutes)-(?<meeting>\\d+)-v"),
			Pattern.compile("/oparl/v1/file/attachment-(?<attachment>\\d+)"),
			Pattern.compile("/oparl/v1/legislativeterm/(?<body>\\d+)-"),
			Pattern.compile("/public/meetings/(?<meeting>\\d+)"), Pattern.compile("/public/matters/(?<paper>\\d+)"),
			Pattern.compile("/public/attachments/(?<attachment>\\d+)"),
			Pattern.compile("^(?:kallelse|protokoll)-(?<meeting>\\d+)-v"));

	private static final List<String> ID_GROUPS = List.of("id", "meeting", "attachment", "body", "paper");

	@Autowired
	MockMvc mvc;

	@Autowired
	SecretMeetings secretMeetings;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	MatterRegister register;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyOParlObjectIsServedAsBeforeAndKeepsItsFingerprint() throws Exception {
		SecretMatterFixtures f = this.secretMeetings.publishedAndCertified();
		Meeting cancelled = this.planning.schedule(f.board().code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 4, 9, 9, 0), LocalDateTime.of(2024, 4, 9, 11, 0), "Kommunhuset", "Lokal 3");
		this.planning.cancel(cancelled.getId(), this.planning.meeting(cancelled.getId()).getVersion());
		long bodyId = f.board().board().getHostMunicipalityId();

		Map<String, JsonNode> served = new HashMap<>();
		collect(served, json("/oparl/v1/system"));
		JsonNode body = json("/oparl/v1/body/" + bodyId);
		collect(served, body);
		for (String list : LISTS) {
			for (JsonNode object : all(body.path(list).asString())) {
				collect(served, object);
				assertThat(json(object.path("id").asString())).isEqualTo(object);
			}
		}
		assertFingerprints(served);

		// A withdrawn file answers as a deleted object.
		this.register.withdrawAttachment(f.openAttachment().getId());
		String withdrawn = ORIGIN + "/oparl/v1/file/attachment-" + f.openAttachment().getId();
		collect(served, json(withdrawn));
		collect(served, json("/oparl/v1/paper/" + f.open().getId()));

		ObjectNode actual = normalise(served, f);
		Path golden = Path.of(GOLDEN);
		if (!Files.exists(golden) || Boolean.getBoolean("oparl.golden.write")) {
			Files.createDirectories(golden.getParent());
			Files.writeString(golden, JSON.writeValueAsString(actual) + "\n");
		}
		JsonNode expected = JSON.readTree(Files.readString(golden));
		assertThat(actual).isEqualTo(expected);
		// Tree equality ignores the order of fields; clients and the fingerprint do not.
		assertThat(fieldOrder(actual)).isEqualTo(fieldOrder(expected));
	}

	/**
	 * The ledger's fingerprint of each current object is the SHA-256 of the object without its stamps,
	 * written as {@code java.util.Map#toString} writes it, as it was when objects were maps.
	 */
	private void assertFingerprints(Map<String, JsonNode> served) throws Exception {
		Map<String, String> stored = new HashMap<>();
		this.jdbc.query("select kind, object_key, fingerprint from oparl_stamp",
				(java.sql.ResultSet rs) -> {
					stored.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
				});
		for (JsonNode object : served.values()) {
			String id = object.path("id").asString();
			String type = object.path("type").asString().substring("https://schema.oparl.org/1.1/".length());
			String kind = type.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
			String key = kind.equals("SYSTEM") ? "system" : id.substring(id.lastIndexOf('/') + 1);
			ObjectNode content = ((ObjectNode) object).deepCopy();
			content.remove(List.of("created", "modified"));
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(mapNotation(content).getBytes(StandardCharsets.UTF_8));
			assertThat(HexFormat.of().formatHex(hash)).as("fingerprint of %s", id).isEqualTo(stored.get(kind + " " + key));
		}
	}

	private static String mapNotation(JsonNode node) {
		if (node.isObject()) {
			List<String> entries = new ArrayList<>();
			node.properties().forEach(e -> entries.add(e.getKey() + "=" + mapNotation(e.getValue())));
			return "{" + String.join(", ", entries) + "}";
		}
		if (node.isArray()) {
			List<String> entries = new ArrayList<>();
			node.forEach(e -> entries.add(mapNotation(e)));
			return "[" + String.join(", ", entries) + "]";
		}
		return node.isNull() ? "null" : node.asString();
	}

	private static void collect(Map<String, JsonNode> served, JsonNode object) {
		served.put(object.path("id").asString(), object);
	}

	/** The served objects by id, with what varies per run replaced by placeholders. */
	private static ObjectNode normalise(Map<String, JsonNode> served, SecretMatterFixtures f) {
		Map<String, TreeSet<Long>> ids = new HashMap<>();
		String all = served.toString();
		for (Pattern pattern : ID_PATTERNS) {
			Matcher m = pattern.matcher(all);
			while (m.find()) {
				for (String group : ID_GROUPS) {
					if (pattern.pattern().contains("<" + group + ">")) {
						String kind = group.equals("id") ? m.group("kind") : group;
						ids.computeIfAbsent(kind, k -> new TreeSet<>()).add(Long.valueOf(m.group(group)));
					}
				}
			}
		}
		String code = f.board().code();
		String today = LocalDate.now(se.paragraf.shared.Sweden.ZONE).toString();
		Map<String, String> literal = new HashMap<>();
		for (var matter : List.of(f.secret(), f.open(), f.closedDoors(), f.secretSection())) {
			literal.put(matter.getDiaryNumber().toString(), "{dnr:" + matter.getTitle().split(" ")[0] + "}");
		}
		UnaryOperator<String> text = s -> {
			String result = s;
			for (Pattern pattern : ID_PATTERNS) {
				Matcher m = pattern.matcher(result);
				StringBuilder out = new StringBuilder();
				while (m.find()) {
					String replaced = m.group();
					for (String group : ID_GROUPS) {
						if (pattern.pattern().contains("<" + group + ">")) {
							String kind = group.equals("id") ? m.group("kind") : group;
							int label = new ArrayList<>(ids.get(kind)).indexOf(Long.valueOf(m.group(group))) + 1;
							replaced = replaced.substring(0, m.start(group) - m.start()) + "{" + kind + label + "}"
									+ replaced.substring(m.end(group) - m.start());
						}
					}
					m.appendReplacement(out, Matcher.quoteReplacement(replaced));
				}
				m.appendTail(out);
				result = out.toString();
			}
			for (Map.Entry<String, String> e : literal.entrySet()) {
				result = result.replace(e.getKey(), e.getValue());
			}
			return result.replace(code, "{CODE}").replace(code.toLowerCase(Locale.ROOT), "{code}").replace(today, "{today}");
		};
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		TreeMap<String, JsonNode> sorted = new TreeMap<>();
		served.forEach((id, object) -> sorted.put(text.apply(id), normalise(object, null, text)));
		sorted.forEach(result::set);
		return result;
	}

	private static JsonNode normalise(JsonNode node, String field, UnaryOperator<String> text) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach(e -> copy.set(e.getKey(), normalise(e.getValue(), e.getKey(), text)));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach(e -> copy.add(normalise(e, field, text)));
			return copy;
		}
		if (node.isString()) {
			if ("created".equals(field) || "modified".equals(field)) {
				return JsonNodeFactory.instance.stringNode("{stamp}");
			}
			if ("Paragraf:sha256".equals(field) || "Paragraf:municipalityCode".equals(field)) {
				return JsonNodeFactory.instance.stringNode("{" + field + "}");
			}
			return JsonNodeFactory.instance.stringNode(text.apply(node.asString()));
		}
		return node;
	}

	private static List<String> fieldOrder(JsonNode node) {
		List<String> order = new ArrayList<>();
		if (node.isObject()) {
			node.properties().forEach(e -> {
				order.add(e.getKey());
				// Map.of gave the vote count no fixed order; only its content is pinned.
				if (!e.getKey().equals("Paragraf:voteResult")) {
					order.addAll(fieldOrder(e.getValue()).stream().map(k -> e.getKey() + "." + k).toList());
				}
			});
		}
		else if (node.isArray()) {
			node.forEach(e -> order.addAll(fieldOrder(e)));
		}
		return order;
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
		String path = url.startsWith(ORIGIN) ? url.substring(ORIGIN.length()) : url;
		MockHttpServletResponse response = this.mvc.perform(get(java.net.URI.create(path))).andReturn().getResponse();
		assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

}
