package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;
import static se.paragraf.documents.PdfFixtures.text;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A secretary builds the seed meeting of 5 December 2023 from an empty board through the pages,
 * publishes the notice, and the published PDF carries the agenda, the diary numbers and the real
 * page ranges; every page visited passes axe-core without serious or critical violations.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	BoardWithPeople board;

	String username;

	Chromium chromium;

	@BeforeEach
	void emptyBoardAndASecretary() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.username = "sek-" + this.board.code().toLowerCase();
		this.accounts.create(this.username, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aSecretaryBuildsTheSeedMeetingAndPublishesANoticeWithRealPageRanges() throws IOException {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);

		String budget = registerMatter(page, "Detaljbudget 2024");
		// The report's texts are Markdown here (the table has no place in the rich-text editor).
		page.getByLabel("Markdown", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Förslag till beslut").fill("""
				Gemensamma servicenämnden godkänner förvaltningens driftdetaljbudget för 2024.
				Gemensamma servicenämnden godkänner förvaltningens Verksamhetsplan 2024.""");
		page.locator("textarea#description").fill("""
				Förvaltningen har färdigställt driftdetaljbudgeten 2024.

				| Projektkod | Investeringsbudget 2024 |
				|---|--:|
				| O365 digital arbetsplats | 1 mSEK |
				| Säkerhet | 1 mSEK |
				""");
		page.locator("textarea#financialImplications").fill("Inga tillkommande ekonomiska konsekvenser.");
		page.getByLabel("Undertecknas av").selectOption(new SelectOption().setIndex(1));
		page.getByLabel("Beslut skickas till").fill("Kommunstyrelsen för kännedom\nAkten\nSamverkande kommuner");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara tjänsteskrivelsen")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("sparade");
		page.getByLabel("Fil", new Page.GetByLabelOptions().setExact(true))
			.setInputFiles(new FilePayload("budget-2024.pdf", "application/pdf", pdfWithPages(2, "BUDGETTABELL")));
		page.getByLabel("Rubrik på bilagan (valfri)").fill("Gemensamma Servicenämnden budget 2024");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ladda upp")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("budget-2024.pdf");
		this.chromium.checkAccessibility(page);

		String control = registerMatter(page, "Uppföljning av gemensamma servicenämndens plan för intern kontroll 2023");
		page.getByLabel("Markdown", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Rubrik (om den ska skilja sig från ärendemeningen)")
			.fill("Godkännande av uppföljning av plan för intern kontroll 2023");
		page.getByLabel("Förslag till beslut")
			.fill("Gemensamma servicenämnden godkänner uppföljning av plan för intern kontroll 2023.");
		page.locator("textarea#summary").fill("Förvaltningens uppföljning visar att det finns en anmärkning.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara tjänsteskrivelsen")).click();

		String schedule = registerMatter(page, "Sammanträdesplan 2024");
		page.getByLabel("Beslutsavsnitt").selectOption("DECISION");
		page.getByLabel("Förslag till beslut")
			.fill("Gemensamma servicenämnden hänskjuter ärendet till extra sammanträdet 3 oktober.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara tjänsteskrivelsen")).click();

		page.navigate("/meetings?board=" + this.board.code() + "&year=2023");
		this.chromium.checkAccessibility(page);
		page.getByLabel("Datum", new Page.GetByLabelOptions().setExact(true)).first().fill("2023-12-05");
		page.locator("form[action='/meetings'] input[name=from]").fill("10:00");
		page.locator("form[action='/meetings'] input[name=to]").fill("12:00");
		page.locator("form[action='/meetings'] input[name=digitalTool]").fill("Netpuplicator");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till sammanträde")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("stående punkterna");

		// Added out of order, then put right with the arrows, as a secretary would.
		addToAgenda(page, schedule);
		addToAgenda(page, budget);
		addToAgenda(page, control);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Flytta ned Sammanträdesplan 2024")).click();
		assertThat(page.locator("#agenda tbody tr").nth(3)).containsText("Sammanträdesplan 2024");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Flytta ned Sammanträdesplan 2024")).click();
		assertThat(page.locator("#agenda tbody tr").nth(4)).containsText("Sammanträdesplan 2024");
		this.chromium.checkAccessibility(page);

		// Publishing goes through the review: the PDF as it will be published, its pages, and a ticked confirmation.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Granska och publicera kallelsen")).click();
		assertThat(page.locator("#notice-page-count")).containsText("sidor som PDF");
		assertThat(page.locator("#notice-preview-agenda tbody tr").nth(4)).containsText("Sammanträdesplan 2024");
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicera kallelsen")).click();
		// Without the tick, the browser itself refuses (the field is required) and the page stays.
		assertThat(page.locator("#publish-confirmed")).isVisible();
		page.getByLabel("Jag har granskat kallelsen och ändringarna och vill publicera den.").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicera kallelsen")).click();
		// Publishing runs as a job: the page shows its progress, then reloads with the new version.
		assertThat(page.locator("#notice-job")).containsText(Pattern.compile("Kallelsen (publiceras|är publicerad)"));
		this.chromium.checkAccessibility(page);
		assertThat(page.locator("#notice-job [role=status]")).containsText("Kallelsen är publicerad",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		String pdfUrl = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF, version 1")).first().getAttribute("href");

		page.navigate(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webbsida, version 1")).first()
			.getAttribute("href"));
		assertThat(page.locator("h1").first()).containsText("Nämnd");
		this.chromium.checkAccessibility(page);
		page.navigate("/my/meetings");
		this.chromium.checkAccessibility(page);
		page.navigate("/public/meetings");
		this.chromium.checkAccessibility(page);

		APIResponse download = page.request().get(pdfUrl);
		assertThat(download.status()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(download.body())) {
			String cover = text(pdf, 1, 1);
			assertThat(cover).contains("Tisdag 5 december 2023, kl. 10:00", "Digitalt via Netpuplicator", budget, control,
					schedule, "Val av justerare", "Anmälan av extra ärenden", "Information från verksamheten");
			List<String> titles = List.of("Val av justerare", "Anmälan av extra ärenden", "Detaljbudget 2024",
					"Uppföljning av gemensamma servicenämndens plan för intern kontroll 2023", "Sammanträdesplan 2024",
					"Information från verksamheten");
			List<String> diaryNumbers = java.util.Arrays.asList(null, null, budget, control, schedule, null);
			int expected = 2;
			for (int number = 1; number <= titles.size(); number++) {
				int[] range = range(cover, number, diaryNumbers.get(number - 1));
				assertThat(range[0]).as("first page of item %d", number).isEqualTo(expected);
				expected = range[1] + 1;
			}
			assertThat(expected - 1).isEqualTo(pdf.getNumberOfPages());
			int[] budgetPages = range(cover, 3, budget);
			String budgetText = text(pdf, budgetPages[0], budgetPages[1]);
			assertThat(budgetText).contains("Förvaltningens förslag till beslut", "O365 digital arbetsplats",
					"BUDGETTABELL 2", "Kommunstyrelsen för kännedom");
			int[] schedulePages = range(cover, 5, schedule);
			assertThat(text(pdf, schedulePages[0], schedulePages[1])).contains("Beslut", "hänskjuter ärendet");
		}
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private String registerMatter(Page page, String title) {
		page.navigate("/matters?board=" + this.board.code());
		page.getByLabel("Ärendemening").fill(title);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("registrerat med diarienummer");
		return page.locator("h1 span").first().textContent().strip();
	}

	private static void addToAgenda(Page page, String diaryNumber) {
		int before = page.locator("#agenda tbody tr").count();
		page.getByLabel("Lägg till ärende").selectOption(new SelectOption().setLabel(
				page.locator("#matterId option", new Page.LocatorOptions().setHasText(diaryNumber + " ")).textContent()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till ärendet")).click();
		assertThat(page.locator("#agenda tbody tr")).hasCount(before + 1);
	}

	/**
	 * The page range the cover prints for an agenda item, "4 - 9" or "2": after its diary number
	 * (a long title wraps over lines before it), or at the end of its line.
	 */
	private static int[] range(String cover, int number, String diaryNumber) {
		Matcher m = (diaryNumber != null ? Pattern.compile(Pattern.quote(diaryNumber) + "\\s+(\\d+)(?: - (\\d+))?")
				: Pattern.compile("(?m)^" + number + " .*?(\\d+)(?: - (\\d+))?\\s*$"))
			.matcher(cover);
		assertThat(m.find()).as("agenda line %d on the cover:%n%s", number, cover).isTrue();
		int first = Integer.parseInt(m.group(1));
		return new int[] { first, m.group(2) == null ? first : Integer.parseInt(m.group(2)) };
	}



}
