package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * Who reads what, signed in (issue 10): one rule for every page, API operation, file and search
 * result. Staff (admins, secretaries, case officers) read everything; the board's own members and
 * substitutes read its secret content too; economists and members or substitutes of another board
 * read internal content that is not secret. Each reader goes through every door to the
 * {@link SecretMatterFixtures} meeting (a secret matter, a secret attachment on a public matter, an
 * item behind closed doors, a secret minute section) and finds the secret words exactly where the
 * rule lets them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretReadingTests {

	/** Who reads: one account per role, and the members and substitutes of this board and of another. */
	enum Reader {

		ADMIN, SECRETARY, CASE_OFFICER, ECONOMIST, MEMBER, SUBSTITUTE, OTHER_BOARDS_MEMBER, OTHER_BOARDS_SUBSTITUTE

	}

	private static final Set<Reader> EVERYONE = EnumSet.allOf(Reader.class);

	private static final Set<Reader> STAFF = EnumSet.of(Reader.ADMIN, Reader.SECRETARY, Reader.CASE_OFFICER);

	private static final Set<Reader> SECRETARIES = EnumSet.of(Reader.ADMIN, Reader.SECRETARY);

	private static final Set<Reader> REGISTER_READERS = EnumSet.of(Reader.ADMIN, Reader.SECRETARY,
			Reader.CASE_OFFICER, Reader.ECONOMIST);

	/** Those the rule lets read this board's secrets. */
	private static final Set<Reader> THE_BOARDS_READERS = EnumSet.of(Reader.ADMIN, Reader.SECRETARY,
			Reader.CASE_OFFICER, Reader.MEMBER, Reader.SUBSTITUTE);

	private static final Set<Reader> OFFICIAL_READERS = EnumSet.complementOf(EnumSet.of(Reader.ECONOMIST));

	private static final String WITHHELD = "Sekretess enligt";

	private static final String PASSWORD = "secret-reading-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	SecretMeetings secretMeetings;

	SecretMatterFixtures f;

	final Map<Reader, String> usernames = new LinkedHashMap<>();

	@BeforeAll
	void secretMeetingAndItsReaders() throws Exception {
		this.f = this.secretMeetings.publishedAndCertified();
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		String suffix = "-" + this.f.board().code().toLowerCase();
		account(Reader.ADMIN, Role.ADMIN, null, suffix);
		account(Reader.SECRETARY, Role.SECRETARY, null, suffix);
		account(Reader.CASE_OFFICER, Role.CASE_OFFICER, null, suffix);
		account(Reader.ECONOMIST, Role.ECONOMIST, null, suffix);
		account(Reader.MEMBER, Role.MEMBER, this.f.member2(), suffix);
		account(Reader.SUBSTITUTE, Role.SUBSTITUTE, this.f.board().substitute().getId(), suffix);
		account(Reader.OTHER_BOARDS_MEMBER, Role.MEMBER, other.chair().getId(), suffix);
		account(Reader.OTHER_BOARDS_SUBSTITUTE, Role.SUBSTITUTE, other.substitute().getId(), suffix);
		awaitSearchIndexOfTheCertifiedMinutes();
	}

	/**
	 * Every door to the meeting's secrets: the path, the secret words behind it, who may knock (the
	 * endpoint's roles), who may read the secrets, and what a knocker who may not read them gets:
	 * 403 (null) or an answer holding this text in place of the secret.
	 */
	List<Door> doors() {
		Long m = this.f.meeting().getId();
		Long secret = this.f.secret().getId();
		Long open = this.f.open().getId();
		Long section = this.f.secretSection().getId();
		Long secretAttachment = this.f.secretAttachment().getId();
		Long secretMattersAttachment = this.f.secretMattersAttachment().getId();
		List<Door> doors = new ArrayList<>();
		// The meeting in the API: secret items' titles, a secret section's decision, and identity numbers
		// (masked as the public minutes mask them for those who may not read the official minutes).
		List<String> meetingWords = List.of("Zyxoplankton", "Flimmerkvarn", "Kvastrumla", "Upphandling av växeltjänst",
				"Knaggelbrus", "Trulsdimma", SecretMatterFixtures.IDENTITY_NUMBER);
		doors.add(new Door("/api/v1/meetings/" + m, meetingWords, EVERYONE, THE_BOARDS_READERS, WITHHELD));
		doors.add(new Door("/api/v1/meetings/" + m + "/conduct", meetingWords, EVERYONE, THE_BOARDS_READERS, WITHHELD));
		// The register in the API
		doors.add(new Door("/api/v1/boards/" + this.f.board().code() + "/matters", List.of("Zyxoplankton"),
				REGISTER_READERS, STAFF, WITHHELD));
		doors.add(new Door("/api/v1/matters/" + secret, List.of("Zyxoplankton", "Flimmerkvarn"), REGISTER_READERS,
				STAFF, WITHHELD));
		doors.add(new Door("/api/v1/matters/" + secret + "/report", List.of("Kvastrumla", "Grubbelmoj", "Vrålspinnare"),
				REGISTER_READERS, STAFF, null));
		doors.add(new Door("/api/v1/matters/" + secret + "/attachments", List.of("Snorkelbävern", "snorkelbavern.pdf"),
				REGISTER_READERS, STAFF, "undantagen"));
		doors.add(new Door("/api/v1/matters/" + open + "/attachments", List.of("Pimpelsnorre", "pimpelsnorre.pdf"),
				REGISTER_READERS, STAFF, "undantagen"));
		doors.add(new Door("/api/v1/attachments/" + secretAttachment, List.of("Pimpelsnorre", "pimpelsnorre.pdf"),
				REGISTER_READERS, STAFF, "undantagen"));
		doors.add(new Door("/api/v1/attachments/" + secretMattersAttachment, List.of("Snorkelbävern"),
				REGISTER_READERS, STAFF, "undantagen"));
		doors.add(new Door("/api/v1/attachments/" + secretAttachment + "/content", List.of("Pimpelsnorre"),
				REGISTER_READERS, STAFF, null));
		doors.add(new Door("/api/v1/attachments/" + secretMattersAttachment + "/content", List.of("Snorkelbävern"),
				REGISTER_READERS, STAFF, null));
		doors.add(new Door("/api/v1/matters/" + section + "/decisions", List.of("Trulsdimma"), REGISTER_READERS, STAFF,
				WITHHELD));
		// The pages of those who keep the register and the meetings
		doors.add(new Door("/meetings/" + m, List.of("Zyxoplankton", "Upphandling av växeltjänst"), SECRETARIES,
				SECRETARIES, null));
		doors.add(new Door("/meetings/" + m + "/conduct", List.of("Zyxoplankton", "Trulsdimma"), SECRETARIES,
				SECRETARIES, null));
		doors.add(new Door("/meetings/" + m + "/minutes/draft", List.of("Zyxoplankton", "Trulsdimma"), SECRETARIES,
				SECRETARIES, null));
		doors.add(new Door("/matters/" + secret, List.of("Zyxoplankton", "Kvastrumla", "Snorkelbävern"), STAFF, STAFF,
				null));
		doors.add(new Door("/matters/" + open + "/attachments/" + secretAttachment, List.of("Pimpelsnorre"), STAFF,
				STAFF, null));
		// The official documents
		doors.add(new Door("/meetings/" + m + "/official/notice", List.of("Zyxoplankton", "Kvastrumla"),
				OFFICIAL_READERS, THE_BOARDS_READERS, null));
		doors.add(new Door("/meetings/" + m + "/official/notice.pdf", List.of("Zyxoplankton", "Kvastrumla"),
				OFFICIAL_READERS, THE_BOARDS_READERS, null));
		doors.add(new Door("/meetings/" + m + "/official/minutes/1", List.of("Zyxoplankton", "Trulsdimma"),
				OFFICIAL_READERS, THE_BOARDS_READERS, null));
		doors.add(new Door("/meetings/" + m + "/official/attachments/" + secretAttachment, List.of("Pimpelsnorre"),
				OFFICIAL_READERS, THE_BOARDS_READERS, null));
		// Search, in the API and on the page
		for (String word : List.of("Zyxoplankton", "Kvastrumla", "Snorkelbävern", "Pimpelsnorre", "Trulsdimma")) {
			// MockMvc encodes the path it is given
			String q = word;
			doors.add(new Door("/api/v1/search?q=" + q, List.of(word), EVERYONE, THE_BOARDS_READERS, "\"total\":0"));
			// The page repeats the query in its search field; a hit marks the word.
			doors.add(new Door("/search?q=" + q, List.of("<mark>" + word), EVERYONE, THE_BOARDS_READERS, "0 träffar"));
		}
		return doors;
	}

	@Test
	void eachReaderFindsTheSecretWordsBehindEveryDoorExactlyWhereTheRuleLetsThem() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Door door : doors()) {
			for (Reader reader : Reader.values()) {
				check(door, reader, wrong);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aMemberOfAnotherBoardReadsTheMeetingAsThePublicVariantShowsIt() throws Exception {
		String body = body(read("/api/v1/meetings/" + this.f.meeting().getId(), Reader.OTHER_BOARDS_MEMBER));
		assertThat(body).contains("Sekretess enligt 21 kap. 1 § OSL")
			.contains("Sekretess enligt 19 kap. 3 § OSL")
			.contains(this.f.secret().getDiaryNumber().toString())
			.contains("Detaljbudget 2024")
			.contains("Personalärende IT-center")
			.doesNotContain("Trulsdimma")
			.doesNotContain(SecretMatterFixtures.IDENTITY_NUMBER);
	}

	@Test
	void anEconomistReadsTheReportOfAPublicMatterButNotItsSecretAttachment() throws Exception {
		assertThat(read("/api/v1/matters/" + this.f.open().getId() + "/report", Reader.ECONOMIST).getStatus())
			.isEqualTo(200);
		assertThat(read("/api/v1/attachments/" + this.f.openAttachment().getId() + "/content", Reader.ECONOMIST)
			.getStatus()).isEqualTo(200);
		assertThat(read("/api/v1/attachments/" + this.f.secretAttachment().getId() + "/content", Reader.ECONOMIST)
			.getStatus()).isEqualTo(403);
	}

	/**
	 * Internal is not secret: the report of a public matter handled behind closed doors never went out
	 * in public, but every signed-in reader finds it, a member of another board too.
	 */
	@Test
	void aMemberOfAnotherBoardFindsInternalContentThatIsNotSecret() throws Exception {
		String query = "/api/v1/search?q=utvärderats&board=" + this.f.board().code();
		assertThat(this.mvc.perform(get(query)).andReturn().getResponse().getContentAsString())
			.contains("\"total\":0");
		for (Reader reader : EnumSet.of(Reader.ECONOMIST, Reader.OTHER_BOARDS_MEMBER, Reader.OTHER_BOARDS_SUBSTITUTE)) {
			assertThat(read(query, reader).getContentAsString(StandardCharsets.UTF_8)).as(reader.name())
				.contains("\"total\":1")
				.contains("<mark>utvärderats</mark>");
		}
	}

	private void check(Door door, Reader reader, List<String> wrong) throws Exception {
		MockHttpServletResponse response = read(door.path(), reader);
		int status = response.getStatus();
		String body = status == 200 ? body(response) : response.getContentAsString(StandardCharsets.UTF_8);
		String who = door.path() + " as " + reader + ": ";
		if (status >= 500) {
			wrong.add(who + "failed with " + status);
			return;
		}
		if (door.readers().contains(reader)) {
			if (status != 200) {
				wrong.add(who + "refused with " + status);
			}
			for (String word : door.words()) {
				if (!body.contains(word)) {
					wrong.add(who + "missing " + word + " in " + body.substring(0, Math.min(body.length(), 400)));
				}
			}
			return;
		}
		for (String word : door.words()) {
			if (body.toLowerCase().contains(word.toLowerCase())) {
				wrong.add(who + "reads " + word);
			}
		}
		if (!door.knockers().contains(reader) || door.otherwise() == null) {
			if (status != 403) {
				wrong.add(who + "answered " + status + ", not 403");
			}
		}
		else if (status != 200 || !body.contains(door.otherwise())) {
			wrong.add(who + "answered " + status + " without \"" + door.otherwise() + "\"");
		}
	}

	private MockHttpServletResponse read(String path, Reader reader) throws Exception {
		return this.mvc.perform(get(path).with(user(this.accounts.loadUserByUsername(this.usernames.get(reader)))))
			.andReturn()
			.getResponse();
	}

	/** What a reader sees of an answer: a PDF's text, or the body as it is. */
	private static String body(MockHttpServletResponse response) throws IOException {
		if (String.valueOf(response.getContentType()).startsWith("application/pdf")) {
			try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
				return new PDFTextStripper().getText(pdf);
			}
		}
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private void account(Reader reader, Role role, @Nullable Long personId, String suffix) {
		String username = reader.name().toLowerCase().replace('_', '-') + suffix;
		this.accounts.create(username, PASSWORD, EnumSet.of(role), personId);
		this.usernames.put(reader, username);
	}

	/** The index is fed after commit, in order: once the minutes' last section is found, all is in. */
	private void awaitSearchIndexOfTheCertifiedMinutes() throws Exception {
		for (int attempt = 0; attempt < 300; attempt++) {
			String body = read("/api/v1/search?q=underfinansierad&board=" + this.f.board().code(), Reader.ADMIN)
				.getContentAsString();
			if (!body.contains("\"total\":0")) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the certified minutes never reached the search index");
	}

	/**
	 * A way in: its path, the secret words behind it, the readers the endpoint admits at all, the
	 * readers who may read the secret, and what the others it admits get instead (null: 403).
	 */
	record Door(String path, List<String> words, Set<Reader> knockers, Set<Reader> readers,
			@Nullable String otherwise) {
	}

}
