package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The secretary's meeting pages: planning, the agenda by htmx and without, and bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingControllerTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublishing publishing;

	@Autowired
	MatterRegister register;

	String board;

	Meeting meeting;

	@BeforeEach
	void meeting() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
		this.meeting = this.planning.schedule(this.board, MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
	}

	@Test
	void anHtmxAgendaEditAnswersWithTheAgendaFragmentAndAPlainOneWithARedirect() throws Exception {
		Matter matter = this.register.register(this.board, "Detaljbudget 2024");
		this.mvc.perform(post("/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY).with(csrf())
			.header("HX-Request", "true")
			.param("version", String.valueOf(version()))
			.param("matterId", String.valueOf(matter.getId())))
			.andExpect(status().isOk())
			.andExpect(view().name("meetings/detail :: agenda"))
			.andExpect(content().string(containsString("Detaljbudget 2024")));
		this.mvc.perform(post("/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("oralInformation", "Information om nätet"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.planning.meeting(this.meeting.getId()).getAgenda()).extracting(AgendaItem::getTitle)
			.containsExactly("Val av justerare", "Anmälan av extra ärenden", "Detaljbudget 2024",
					"Information från verksamheten", "Information om nätet");
		this.mvc.perform(get("/meetings/{id}", this.meeting.getId()).with(SECRETARY).header("HX-Request", "true"))
			.andExpect(view().name("meetings/detail :: agenda"));
		this.mvc.perform(get("/meetings/{id}", this.meeting.getId()).with(SECRETARY))
			.andExpect(view().name("meetings/detail"));
	}

	@Test
	void aStaleAgendaEditShowsTheConflictInTheFragmentAndChangesNothing() throws Exception {
		long stale = version();
		this.planning.addOralInformation(this.meeting.getId(), stale, "Först");
		this.mvc.perform(post("/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY).with(csrf())
			.header("HX-Request", "true")
			.param("version", String.valueOf(stale))
			.param("oralInformation", "Sen"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Någon annan har ändrat")));
		assertThat(this.planning.meeting(this.meeting.getId()).getAgenda()).hasSize(4);
	}

	@Test
	void aScheduleWithANonDateLineNamesTheLineAndPlansNothing() throws Exception {
		Long boardId = this.organisation.board(this.board).getId();
		this.mvc.perform(post("/meetings/schedule").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("dates", "2024-02-07\n7 mars\n2024-05-08")
			.param("from", "10:00")
			.param("to", "12:00")
			.param("digitalTool", "Netpuplicator"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("7 mars")))
			.andExpect(content().string(containsString("är inte ett datum")));
		assertThat(this.planning.meetings(boardId, 2024)).isEmpty();
	}

	/**
	 * The new-meeting form and the schedule form ask for the same fields: each label must name its own
	 * form's field, which needs ids unique on the page (WCAG 1.3.1, 4.1.2).
	 */
	@Test
	void everyLabelOnTheMeetingsPageNamesItsOwnFormsField() throws Exception {
		String html = this.mvc.perform(get("/meetings").param("board", this.board).param("year", "2023").with(SECRETARY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Document page = Jsoup.parse(html);

		assertThat(page.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
		for (Element label : page.select("label[for]")) {
			Element field = page.getElementById(label.attr("for"));
			assertThat(field).as(label.outerHtml()).isNotNull();
			assertThat(field.closest("form")).as(label.outerHtml()).isSameAs(label.closest("form"));
		}
		assertThat(page.select("form[action$=/meetings/schedule] label[for]").eachText()).contains("Från klockan", "Till klockan");
	}

	@Test
	void aMeetingWithoutPlaceOrToolIsRefusedBesideThePlaceField() throws Exception {
		this.mvc.perform(post("/meetings").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("kind", "EXTRA")
			.param("date", "2024-10-03")
			.param("from", "10:00")
			.param("to", "09:00")
			.param("place", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sluttiden måste vara efter starttiden.")));
		this.mvc.perform(post("/meetings").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("kind", "EXTRA")
			.param("date", "inte ett datum")
			.param("from", "10:00")
			.param("to", "12:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ange ett datum som ÅÅÅÅ-MM-DD.")));
	}

	@Test
	void publishingFromThePageMakesTheNoticePublic() throws Exception {
		this.mvc.perform(post("/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY).with(csrf()).param("confirmed", "true")
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection());
		// Publishing runs as a job; the meeting page shows it until it has ended.
		while (this.publishing.current(this.meeting.getId()).orElseThrow().isRunning()) {
			Thread.sleep(50);
		}
		this.mvc.perform(get("/meetings/{id}", this.meeting.getId()).with(SECRETARY))
			.andExpect(content().string(containsString("Kallelsen är publicerad (version 1).")));
		this.mvc.perform(get("/public/meetings/{id}/notice", this.meeting.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Digitalt via Netpuplicator")));
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
