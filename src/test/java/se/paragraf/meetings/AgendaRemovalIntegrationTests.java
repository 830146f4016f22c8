package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * Removing an agenda item is recorded and can be undone: the item leaves the agenda, its numbering
 * and the notice, the page offers "Ångra" at once and lists removed items to restore; nothing is
 * deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgendaRemovalIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	Meeting meeting;

	Matter budget;

	Matter schedule;

	@BeforeEach
	void meetingWithTwoMatters() {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.budget = this.register.register(board.code(), "Detaljbudget 2024");
		this.schedule = this.register.register(board.code(), "Sammanträdesplan 2024");
		for (Matter matter : List.of(this.budget, this.schedule)) {
			this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
					List.of("Nämnden beslutar enligt förslaget."), "", "Beskrivning.", "Inga.", board.caseOfficer().getId(),
					LocalDate.of(2023, 11, 21), List.of()), 0);
			this.planning.addMatter(id(), version(), matter.getId());
		}
	}

	@Test
	void aRemovedItemLeavesTheAgendaAndItsNumberingAndTheUndoRightAfterPutsItBack() throws Exception {
		Long itemId = itemOf(this.budget).getId();
		MvcResult removed = this.mvc
			.perform(post("/meetings/{id}/agenda/{item}/removal", id(), itemId).with(SECRETARY).with(csrf())
				.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Meeting after = this.planning.meeting(id());
		assertThat(after.getAgenda()).extracting(AgendaItem::getTitle)
			.containsExactly("Val av justerare", "Anmälan av extra ärenden", "Sammanträdesplan 2024",
					"Information från verksamheten");
		assertThat(after.numberOf(after.item(itemOf(this.schedule).getId()))).as("the next item moves up").isEqualTo(3);
		assertThat(after.getRemovedItems()).singleElement().satisfies(item -> {
			assertThat(item.getTitle()).isEqualTo("Detaljbudget 2024");
			assertThat(item.getRemovedBy()).isEqualTo("sekreterare");
			assertThat(item.getRemovedAt()).isNotNull();
		});
		assertThat(this.jdbc.queryForObject("select count(*) from agenda_item where id = ?", Integer.class, itemId))
			.as("nothing is deleted")
			.isEqualTo(1);

		// The page the secretary lands on says what was removed, with "Ångra" right there, also when
		// sessions are kept in the database (several nodes).
		assertSerializable(removed.getFlashMap());
		this.mvc.perform(get("/meetings/{id}", id()).with(SECRETARY).flashAttrs(removed.getFlashMap()))
			.andExpect(content().string(containsString("Punkt 3, Detaljbudget 2024, är borttagen från föredragningslistan.")))
			.andExpect(content().string(containsString("Ångra borttagningen av Detaljbudget 2024")))
			.andExpect(content().string(containsString("Borttagna punkter (1)")));

		this.mvc.perform(post("/meetings/{id}/agenda/{item}/restoration", id(), itemId).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "Detaljbudget 2024 är tillbaka på föredragningslistan som punkt 3."));
		Meeting restored = this.planning.meeting(id());
		assertThat(restored.getAgenda()).extracting(AgendaItem::getTitle)
			.containsExactly("Val av justerare", "Anmälan av extra ärenden", "Detaljbudget 2024", "Sammanträdesplan 2024",
					"Information från verksamheten");
		assertThat(restored.getRemovedItems()).isEmpty();
	}

	@Test
	void aRemovedItemIsNotInTheNoticeNorOnThePublicPage() throws Exception {
		this.planning.removeItem(id(), version(), itemOf(this.budget).getId());
		Notice notice = this.notices.publish(id(), version());
		assertThat(notice.getEntries()).extracting(NoticeEntry::title).doesNotContain("Detaljbudget 2024");
		assertThat(notice.getEntries()).extracting(NoticeEntry::number).containsExactly(1, 2, 3, 4);
		assertThat(this.notices.isPublished(this.budget.getId())).isFalse();
		this.mvc.perform(get("/public/meetings/{id}/notice", id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Detaljbudget 2024"))))
			.andExpect(content().string(containsString("Sammanträdesplan 2024")));
	}

	@Test
	void withHtmxTheAgendaAnswersWithTheUndoButton() throws Exception {
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/removal", id(), itemOf(this.schedule).getId()).with(SECRETARY)
			.with(csrf())
			.header("HX-Request", "true")
			.param("version", String.valueOf(version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Punkt 4, Sammanträdesplan 2024, är borttagen")))
			.andExpect(content().string(containsString("/restoration")));
	}

	@Test
	void aRemovedItemCannotBeChangedAndAMatterBackOnTheAgendaIsNotRestoredTwice() {
		Long itemId = itemOf(this.budget).getId();
		this.planning.removeItem(id(), version(), itemId);
		assertThatThrownBy(() -> this.planning.retitleItem(id(), version(), itemId, "Annan rubrik"))
			.isInstanceOf(NotFoundException.class);
		this.planning.addMatter(id(), version(), this.budget.getId());
		assertThatThrownBy(() -> this.planning.restoreItem(id(), version(), itemId)).isInstanceOf(RuleViolation.class)
			.extracting("code")
			.isEqualTo("agenda.restore.alreadyOnAgenda");
		assertThat(this.planning.meeting(id()).getRemovedItems()).hasSize(1);
	}

	@Test
	void aStaleUndoIsRefusedInSwedishAndChangesNothing() throws Exception {
		long seen = version();
		this.planning.removeItem(id(), seen, itemOf(this.budget).getId());
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/restoration", id(), itemOf(this.schedule).getId())
			.with(SECRETARY)
			.with(csrf())
			.param("version", String.valueOf(seen)))
			.andExpect(flash().attribute("error", containsString("Någon annan har ändrat")));
		assertThat(this.planning.meeting(id()).getRemovedItems()).hasSize(1);
	}

	@Test
	void onlySecretariesMayRestore() throws Exception {
		Long itemId = itemOf(this.budget).getId();
		this.planning.removeItem(id(), version(), itemId);
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/restoration", id(), itemId)
			.with(user("ledamot").roles("MEMBER"))
			.with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/restoration", id(), itemId).with(SECRETARY)
			.param("version", String.valueOf(version())))
			.andExpect(status().isForbidden());
		assertThat(this.planning.meeting(id()).getRemovedItems()).hasSize(1);
	}

	AgendaItem itemOf(Matter matter) {
		return this.planning.meeting(id())
			.getAgenda()
			.stream()
			.filter(i -> matter.getId().equals(i.getMatterId()))
			.findFirst()
			.orElseThrow();
	}

	Long id() {
		return this.meeting.getId();
	}

	/** What a redirect carries to the next page must survive a session kept in the database (Java serialization). */
	static void assertSerializable(Object flash) throws java.io.IOException {
		try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
			out.writeObject(flash);
		}
	}

	long version() {
		return this.planning.meeting(id()).getVersion();
	}

}
