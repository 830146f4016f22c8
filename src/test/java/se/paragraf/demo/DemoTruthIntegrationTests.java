package se.paragraf.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.proceedings.Minutes;
import se.paragraf.publication.NoticeBoard;
import se.paragraf.publication.PublicNotice;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.security.AccountService;

/**
 * The demo as a visitor meets it: loaded under the {@code demo} profile into a database of its own,
 * dated as the board did its work in December 2023, with the seed's budget figures and the seed's
 * wording, and no year written "2 024" on any of its main pages.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:paragraf-demo-truth;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
		"paragraf.demo-password=demo-test-password", "paragraf.files.directory=target/test-files-demo" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoTruthIntegrationTests {

	/**
	 * A year of this century written with a thousands separator, "2 024", in text whose spaces are
	 * made plain. (The demo's amounts in tkr that look alike, such as -2 094, are not years 2000–2039.)
	 */
	private static final Pattern SPLIT_YEAR = Pattern.compile("\\b2 0[0-3]\\d\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	MailDelivery mail;

	@Autowired
	GreenMail demoSmtpServer;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	Certification certification;

	@Autowired
	DecisionDispatch dispatch;

	@Autowired
	NoticeBoard noticeBoard;

	@Autowired
	AccountService accounts;

	@Autowired
	Clock clock;

	@Test
	void theDemoMeetingIsNoticedCertifiedPostedAndAppealedInDecember2023() {
		Meeting meeting = december();

		assertThat(day(this.notices.latest(meeting.getId()).orElseThrow().getPublishedAt()))
			.isEqualTo(LocalDate.of(2023, 11, 28));
		Minutes minutes = this.certification.certified(meeting.getId()).orElseThrow();
		assertThat(day(minutes.getCertifiedAt())).isEqualTo(LocalDate.of(2023, 12, 12));
		assertThat(minutes.getSignatures()).extracting(s -> day(s.signedAt()))
			.containsOnly(LocalDate.of(2023, 12, 12));
		List<PublicNotice> postings = this.noticeBoard.notices(meeting.getId());
		assertThat(postings).extracting(PublicNotice::getMunicipalityName)
			.containsExactlyInAnyOrder("Ludvika", "Smedjebacken");
		assertThat(postings).allSatisfy(posting -> {
			assertThat(posting.getCertifiedOn()).isEqualTo(LocalDate.of(2023, 12, 12));
			assertThat(posting.getPostedOn()).isEqualTo(LocalDate.of(2023, 12, 12));
			assertThat(posting.getAppealEndsOn()).isEqualTo(LocalDate.of(2024, 1, 2));
		});
		assertThat(this.dispatch.dispatches(meeting.getId())).isNotEmpty()
			.allSatisfy(d -> assertThat(day(d.getDispatchedAt())).isEqualTo(LocalDate.of(2023, 12, 12)));
		// Once loaded, the demo runs on today's time again.
		assertThat(Duration.between(this.clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void theDemosMailIsDeliveredToItsOwnServerAndNoneIsLeftUndelivered() throws Exception {
		Meeting meeting = december();

		assertThat(this.mail.undelivered(meeting.getId())).isEmpty();
		assertThat(this.demoSmtpServer.getReceivedMessages()).extracting(m -> m.getSubject())
			.anySatisfy(subject -> assertThat(subject).startsWith("Kallelse publicerad"))
			.anySatisfy(subject -> assertThat(subject).containsIgnoringCase("justera"));
		assertThat(page("/meetings/" + meeting.getId(), as("sekreterare"))).doesNotContain("kunde inte levereras");
	}

	@Test
	void theNoticePdfShowsTheSeedsBudgetTotalsWithZeroNetsAndTheSeedsWording() throws Exception {
		Meeting meeting = december();
		byte[] pdf = this.mvc.perform(get("/public/meetings/{id}/notice.pdf", meeting.getId()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		// Kept for a look with the eyes: pdftoppm -png -r 50 target/demo-notice.pdf
		java.nio.file.Files.write(java.nio.file.Path.of("target/demo-notice.pdf"), pdf);
		String text = spaced(pdfText(pdf));

		assertThat(text).contains("Gemensamma servicenämnden 0 -37 841 -39 102 76 944 0 0 0")
			.contains("030 Administration 0 -2 901 -3 549 6 450 0 0 0")
			.contains("Budget 2024 22 470 0 3 658 1 127 49 689 -76 944 0")
			.contains("Avrundat så att summan stämmer")
			.contains("Val av justerare")
			.doesNotContain("justerande")
			.contains("5 december 2023");
		assertThat(text).doesNotContain(" -2 0 0").doesNotContain("-2 000,00 kr");
		assertSwedishYears("the notice PDF", text);
	}

	@Test
	void theBudgetPageShowsTheSeedsTotalsZeroNetsAndNoDeviation() throws Exception {
		String html = page("/budget/GSN/2024/versions/2", as("ekonom"));

		var doc = Jsoup.parse(html);
		assertThat(doc.select("table.budget-activities tr.total").first().text())
			.isEqualTo("Gemensamma servicenämnden 0 -37 841 -39 102 76 944 0 0 0");
		assertThat(doc.select("table.budget-activities tbody tr:not(.total)")).allSatisfy(
				row -> assertThat(row.select("td").get(4).text()).as(row.text()).isEqualTo("0"));
		assertThat(doc.select("table.budget-frame tbody").first().text()).isEqualTo("0 0 0");
		assertThat(doc.select("td.rounding-adjusted")).isNotEmpty();
		assertThat(doc.select("p.budget-note").first().text()).contains("* Avrundat så att summan stämmer");
	}

	@Test
	void noMainPageOfTheDemoWritesAYearWithAThousandsSeparator() throws Exception {
		Meeting meeting = december();
		Long id = meeting.getId();
		List<String> problems = new ArrayList<>();
		for (String path : List.of("/", "/public/meetings", "/public/meetings/" + id, "/public/meetings/" + id + "/notice",
				"/public/meetings/" + id + "/minutes", "/public/boards/GSN", "/public/register",
				"/public/notice-boards/2085", "/public/search?q=budget")) {
			check(problems, path, page(path, null));
		}
		for (String path : List.of("/", "/meetings", "/meetings/" + id, "/meetings/" + id + "/conduct",
				"/matters", "/search?q=budget",
				"/notice-boards", "/plans", "/internal-control")) {
			check(problems, path + " (sekreterare)", page(path, as("sekreterare")));
		}
		for (String path : List.of("/budget", "/budget/GSN/2024", "/budget/GSN/2024/versions/1",
				"/budget/GSN/2024/versions/2", "/budget/GSN/2024/compare?a=1&b=2")) {
			check(problems, path + " (ekonom)", page(path, as("ekonom")));
		}
		check(problems, "/my/meetings (ledamot)", page("/my/meetings", as("ledamot")));
		assertThat(problems).isEmpty();
		// The check itself finds what it looks for.
		List<String> planted = new ArrayList<>();
		check(planted, "planted", "<h1>Budget 2\u00a0024 – GSN</h1><td>-2\u00a0094</td>");
		assertThat(planted).hasSize(1);
	}

	private void check(List<String> problems, String path, String html) {
		String text = spaced(Jsoup.parse(html).text());
		Matcher split = SPLIT_YEAR.matcher(text);
		while (split.find()) {
			int from = Math.max(0, split.start() - 40);
			problems.add(path + ": …" + text.substring(from, Math.min(text.length(), split.end() + 20)) + "…");
		}
	}

	private static void assertSwedishYears(String where, String text) {
		Matcher split = SPLIT_YEAR.matcher(text);
		List<String> found = new ArrayList<>();
		while (split.find()) {
			found.add(text.substring(Math.max(0, split.start() - 40), Math.min(text.length(), split.end() + 20)));
		}
		assertThat(found).as(where).isEmpty();
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		var request = get(path);
		if (who != null) {
			request.with(who);
		}
		var response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	private Meeting december() {
		Long board = this.organisation.board("GSN").getId();
		return this.planning.meetings(board, 2023)
			.stream()
			.filter(m -> m.getStart().equals(LocalDateTime.of(2023, 12, 5, 10, 0)))
			.findFirst()
			.orElseThrow();
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, Sweden.ZONE);
	}

	/** Every kind of space as one plain space, so "76 944" reads the same from HTML and from a PDF. */
	private static String spaced(String text) {
		return text.replaceAll("[\\s\\u00a0\\u202f]+", " ");
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
