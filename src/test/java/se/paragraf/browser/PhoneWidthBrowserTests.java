package se.paragraf.browser;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.Presence;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.security.SignedIn;

/**
 * Every page kind a resident, a member or a substitute opens, at a phone's width (390 × 844): none
 * scrolls sideways, and each passes axe-core and HTML_CodeSniffer there (issue 13 §6). The content is
 * made to be awkward on a phone: long Swedish compound words, a long file name, a diary number. A
 * failure names the elements that stick out past the right edge of the screen.
 * <p>
 * With {@code -Dparagraf.phone.screenshots=true} every page is also shot at 390 and 1280 px into
 * {@code target/screenshots/phone/}, to look at.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneWidthBrowserTests {

	private static final String PASSWORD = "browser-phone-password";

	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	private static final boolean SCREENSHOTS = Boolean.getBoolean("paragraf.phone.screenshots");

	private static final Path SHOTS = Path.of("target", "screenshots", "phone");

	/**
	 * The elements whose right edge is past the viewport and that no scrolling container of their
	 * own holds; of those, the innermost (those with no such child), which are what pushes the page
	 * wider. Each described by tag, id, classes and the start of its text.
	 */
	private static final String STICKING_OUT = """
			() => {
			  const width = window.innerWidth;
			  const scrollsOrClips = el => {
			    const s = getComputedStyle(el);
			    return el !== document.body && el !== document.documentElement
			      && ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX);
			  };
			  const held = el => {
			    for (let p = el.parentElement; p; p = p.parentElement) { if (scrollsOrClips(p)) return true; }
			    return false;
			  };
			  const out = el => {
			    const r = el.getBoundingClientRect();
			    return (r.width > 0 || r.height > 0) && r.right > width + 0.5 && !held(el);
			  };
			  const offenders = [...document.body.querySelectorAll('*')].filter(out);
			  const innermost = offenders.filter(el => ![...el.children].some(out));
			  // A word wider than its box sticks out of it while the box itself fits: find its text.
			  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			  const range = document.createRange();
			  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			    const parent = node.parentElement;
			    if (!parent || !node.textContent.trim() || innermost.includes(parent) || held(parent)) continue;
			    range.selectNodeContents(node);
			    if (range.getBoundingClientRect().right > width + 0.5) innermost.push(parent);
			  }
			  const describe = el => {
			    let d = el.tagName.toLowerCase();
			    if (el.id) d += '#' + el.id;
			    if (el.classList.length) d += '.' + [...el.classList].join('.');
			    const parent = el.parentElement;
			    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').substring(0, 50);
			    return d + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px'
			      + (parent ? ', in ' + parent.tagName.toLowerCase() + (parent.className ? '.' + String(parent.className).split(' ').join('.') : '') : '')
			      + (text ? ', "' + text + '"' : '') + ')';
			  };
			  return innermost.slice(0, 8).map(describe);
			}
			""";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	NoticePublication notices;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	AccountService accounts;

	BoardWithPeople board;

	/** Held and certified, its minutes public. */
	Meeting certified;

	/** Held and closed, its minutes drawn and waiting for the chair's and the checker's signatures. */
	Meeting held;

	/** Next week, its notice published. */
	Meeting planned;

	/** Decided at the certified meeting. */
	Matter matter;

	/** On the planned meeting's published agenda, with its attachment public. */
	Matter onAgenda;

	String member;

	String substitute;

	String officer;

	Chromium chromium;

	final List<String> failures = new ArrayList<>();

	@BeforeEach
	void threeMeetingsOfABoardWithAwkwardlyLongWords() throws Exception {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		String code = this.board.code();
		String suffix = code.toLowerCase();
		Long checker = this.organisation.seats(this.board.board().getId(), LocalDate.of(2023, 12, 5))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.filter(id -> !id.equals(this.board.chair().getId()))
			.findFirst()
			.orElseThrow();
		this.member = "tel-ordf-" + suffix;
		this.substitute = "tel-ers-" + suffix;
		String checkerUser = "tel-just-" + suffix;
		this.officer = "tel-hand-" + suffix;
		this.accounts.create(this.officer, PASSWORD, EnumSet.of(Role.CASE_OFFICER), this.board.caseOfficer().getPersonId());
		this.accounts.create(this.member, PASSWORD, EnumSet.of(Role.MEMBER), this.board.chair().getId());
		this.accounts.create(this.substitute, PASSWORD, EnumSet.of(Role.SUBSTITUTE), this.board.substitute().getId());
		this.accounts.create(checkerUser, PASSWORD, EnumSet.of(Role.MEMBER), checker);

		this.matter = awkwardMatter("Informationssäkerhetsklassningsunderlag för verksamhetssystemsupphandlingen 2024");

		this.certified = heldMeeting(LocalDateTime.of(2023, 12, 5, 10, 0), checker, this.matter);
		this.certification.draw(this.certified.getId());
		SignedIn.as(this.accounts, this.member);
		this.certification.sign(this.certified.getId(), PASSWORD, null);
		SignedIn.as(this.accounts, checkerUser);
		this.certification.sign(this.certified.getId(), PASSWORD, null);
		SignedIn.out();

		this.held = heldMeeting(LocalDateTime.of(2023, 12, 12, 10, 0), checker,
				awkwardMatter("Verksamhetssystemsinformationssäkerhetsklassning, uppföljning"));
		this.certification.draw(this.held.getId());

		// Next week, so that it is among the member's upcoming meetings.
		LocalDateTime start = LocalDate.now(Sweden.ZONE).plusDays(7).atTime(13, 0);
		this.planned = this.planning.schedule(code, MeetingKind.ORDINARY, start, start.plusHours(3),
				"Sammanträdesrum Tranan, Kommunhuset, Fabriksgatan 1", null);
		this.onAgenda = awkwardMatter("Upphandlingsdokumentationsunderlag för kommunikationsinfrastrukturen");
		this.planning.addMatter(this.planned.getId(), version(this.planned), this.onAgenda.getId());
		this.notices.publish(this.planned.getId(), version(this.planned));
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void everyPublicPageAndEveryPageAMemberSeesFitsAPhoneWithoutScrollingSideways() throws Exception {
		Files.createDirectories(SHOTS);
		String municipality = this.organisation.municipality(this.board.board().getHostMunicipalityId()).getCode();
		String code = this.board.code();

		Page resident = this.chromium.newPage();
		resident.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		visit(resident, "public-start", "/");
		visit(resident, "public-meetings", "/public/meetings");
		visit(resident, "public-board", "/public/boards/" + code);
		visit(resident, "public-meeting-certified", "/public/meetings/" + this.certified.getId());
		visit(resident, "public-meeting-held", "/public/meetings/" + this.held.getId());
		visit(resident, "public-meeting-planned", "/public/meetings/" + this.planned.getId());
		visit(resident, "public-notice", "/public/meetings/" + this.planned.getId() + "/notice");
		visit(resident, "public-minutes", "/public/meetings/" + this.certified.getId() + "/minutes");
		visit(resident, "public-register",
				"/public/register?board=" + code + "&year=" + LocalDate.now(Sweden.ZONE).getYear() + "&q=informationss%C3%A4kerhetsklassningsunderlag");
		visit(resident, "public-matter", "/public/matters/" + this.onAgenda.getId());
		visitUntil(resident, "public-search", "/public/search?q=informationss%C3%A4kerhetsklassningsunderlag", ".hit");
		visit(resident, "public-notice-board", "/public/notice-boards/" + municipality);
		visit(resident, "public-accessibility", "/public/accessibility");
		visit(resident, "not-found", "/public/meetings/999999999");
		visit(resident, "login", "/login");

		Page member = this.chromium.newPerson();
		member.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		signIn(member, this.member);
		visit(member, "member-start", "/");
		visit(member, "member-meetings", "/my/meetings");
		visit(member, "member-notice", "/meetings/" + this.planned.getId() + "/official/notice");
		visitUntil(member, "member-reading", "/meetings/" + this.planned.getId() + "/reading",
				"section.reader-page canvas");
		visitUntil(member, "member-live", "/meetings/" + this.planned.getId() + "/live", "#live-state");
		visit(member, "member-minutes", "/meetings/" + this.certified.getId() + "/official/minutes/1");
		visit(member, "member-signing", "/meetings/" + this.held.getId() + "/minutes/signing");
		visitUntil(member, "member-search", "/search?q=informationss%C3%A4kerhetsklassningsunderlag", ".hit");
		visit(member, "member-not-found", "/meetings/999999999/live");

		Page substitute = this.chromium.newPerson();
		substitute.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		signIn(substitute, this.substitute);
		visit(substitute, "substitute-start", "/");
		visit(substitute, "substitute-meetings", "/my/meetings");
		visitUntil(substitute, "substitute-live", "/meetings/" + this.planned.getId() + "/live", "#live-state");

		// The case officer's matter page, whose attachments table used to push it wide.
		Page officer = this.chromium.newPerson();
		officer.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		signIn(officer, this.officer);
		visit(officer, "officer-matter", "/matters/" + this.matter.getId());
		if (SCREENSHOTS) {
			officer.locator("#attachments").screenshot(
					new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(SHOTS.resolve("officer-matter-attachments-390.png")));
		}

		org.assertj.core.api.SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(this.failures).as("pages wider than a phone (390 px)").isEmpty();
			softly.check(() -> this.chromium.assertNoSeriousAccessibilityViolations());
		});
	}

	private void signIn(Page page, String username) {
		this.chromium.signIn(page, username, PASSWORD);
		page.waitForURL(url -> !url.contains("/login"));
	}

	private void visit(Page page, String name, String path) {
		page.navigate(path);
		check(page, name, path);
	}

	/** For a page that fills in after loading (the reader, the live room) or a search index that catches up. */
	private void visitUntil(Page page, String name, String path, String selector) {
		for (int attempt = 0; attempt < 20; attempt++) {
			page.navigate(path);
			try {
				page.locator(selector).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(1500));
				break;
			}
			catch (com.microsoft.playwright.TimeoutError notYet) {
				// try again
			}
		}
		check(page, name, path);
	}

	private void check(Page page, String name, String path) {
		int scrollWidth = (Integer) page.evaluate("() => document.documentElement.scrollWidth");
		if (scrollWidth > PHONE_WIDTH) {
			@SuppressWarnings("unchecked")
			List<String> sticking = (List<String>) page.evaluate(STICKING_OUT);
			this.failures.add(path + " is " + scrollWidth + " px wide; sticking out: " + String.join("; ", sticking));
			shoot(page, name + "-390-failed");
		}
		this.chromium.checkAccessibility(page);
		if (SCREENSHOTS) {
			shoot(page, name + "-390");
			page.setViewportSize(1280, 900);
			shoot(page, name + "-1280");
			page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
		}
	}

	private static void shoot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** A meeting with the matter on its agenda, everyone present, every item decided, closed. */
	private Meeting heldMeeting(LocalDateTime start, Long checker, Matter matter) throws Exception {
		Meeting meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, start, start.plusHours(2),
				null, "Digitalt via Netpublicator och i Sammanträdesrum Tranan");
		Long id = meeting.getId();
		this.planning.addMatter(id, version(meeting), matter.getId());
		Meeting published = this.planning.meeting(id);
		MeetingFixtures.noticePublished(published);
		this.meetings.saveAndFlush(published);
		List<Attendance> everyone = this.organisation.seats(this.board.board().getId(), start.toLocalDate())
			.stream()
			.filter(s -> s.membership().getRole() != MembershipRole.SECRETARY)
			.map(s -> new Attendance(s.person().getId(), Presence.IN_PERSON, null, null, null))
			.toList();
		long v = this.conduct.recordAttendance(id, 0, everyone, "Anna Källsved, IT-chef").getVersion();
		v = this.conduct.electCheckers(id, v, List.of(checker), "Digitalt", start.plusDays(7)).getVersion();
		for (AgendaItem item : this.planning.meeting(id).getAgenda()) {
			v = this.conduct.decide(id, v, item.getId(), MeetingConduct.DecisionCommand.of(
					item.getKind() == AgendaItemKind.MATTER ? DecisionOutcome.APPROVED : DecisionOutcome.NOTED))
				.getVersion();
		}
		this.conduct.close(id, v);
		return this.planning.meeting(id);
	}

	/** A matter with a report and a PDF attachment, its words and file name as long as they come. */
	private Matter awkwardMatter(String title) throws Exception {
		Matter matter = this.register.register(this.board.code(), title);
		this.register.writeReport(matter.getId(),
				new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
						List.of("Nämnden godkänner informationssäkerhetsklassningsunderlaget.",
								"Se https://www.ludvika.se/kommun-och-politik/namnder-och-styrelser/gemensam-it-namnd/protokoll-och-handlingar-2024"),
						"", "Verksamhetssystemsupphandlingsdokumentationen har tagits fram.", "Inga.",
						this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
						List.of(new DecisionRecipient("Kommunstyrelseförvaltningens upphandlingsenhet", false, null))),
				0);
		this.register.attachFile(matter.getId(), "Förfrågningsunderlag verksamhetssystemsupphandling",
				"forfragningsunderlag-verksamhetssystemsupphandling-informationssakerhetsklassning-slutversion-2023-11-21.pdf",
				"application/pdf", new ByteArrayInputStream(PdfFixtures.pdfWithPages(1, "Underlag")));
		return this.register.matter(matter.getId());
	}

	private long version(Meeting meeting) {
		return this.planning.meeting(meeting.getId()).getVersion();
	}

}
