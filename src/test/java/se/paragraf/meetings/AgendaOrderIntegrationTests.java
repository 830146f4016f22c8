package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The agenda reorders by drag and drop (the whole order sent at once) as well as by the up and
 * down buttons; the standing items stay first, and an order from an older page is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgendaOrderIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	MockMvc mvc;

	Meeting meeting;

	@BeforeEach
	void meetingWithTwoMatters() {
		String board = PeopleFixtures.jointBoard(this.organisation).code();
		this.meeting = this.planning.schedule(board, MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		for (String title : List.of("Detaljbudget 2024", "Sammanträdesplan 2024")) {
			Matter matter = this.register.register(board, title);
			this.planning.addMatter(id(), version(), matter.getId());
		}
	}

	@Test
	void aDroppedRowSavesTheWholeNewOrder() throws Exception {
		List<Long> ids = ids();
		this.mvc.perform(order(version(), ids.get(0), ids.get(1), ids.get(3), ids.get(2), ids.get(4)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeCount(0));
		assertThat(titles()).containsExactly("Val av justerare", "Anmälan av extra ärenden", "Sammanträdesplan 2024",
				"Detaljbudget 2024", "Information från verksamheten");
	}

	@Test
	void withHtmxTheAgendaAnswersInItsNewOrder() throws Exception {
		List<Long> ids = ids();
		this.mvc.perform(order(version(), ids.get(0), ids.get(1), ids.get(4), ids.get(2), ids.get(3))
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"agenda-rows\"")));
		assertThat(titles().get(2)).isEqualTo("Information från verksamheten");
	}

	@Test
	void anOrderMissingAnItemOrMovingAStandingItemIsRefusedInSwedishAndChangesNothing() throws Exception {
		List<Long> ids = ids();
		List<String> before = titles();
		this.mvc.perform(order(version(), ids.get(0), ids.get(1), ids.get(2)))
			.andExpect(flash().attribute("error", "Ordningen måste innehålla varje punkt på föredragningslistan en gång."));
		this.mvc.perform(order(version(), ids.get(2), ids.get(0), ids.get(1), ids.get(3), ids.get(4)))
			.andExpect(flash().attribute("error", containsString("kan inte flyttas")));
		this.mvc.perform(post("/meetings/{id}/agenda/order", id()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(flash().attribute("error", containsString("Ordningen måste innehålla")));
		assertThat(titles()).isEqualTo(before);
	}

	@Test
	void anOrderFromAnOlderPageIsRefusedAsStale() throws Exception {
		long seen = version();
		List<Long> ids = ids();
		this.planning.moveItem(id(), seen, ids.get(3), 3);
		this.mvc.perform(order(seen, ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(3)))
			.andExpect(flash().attribute("error", containsString("Någon annan har ändrat")));
		assertThat(titles().get(2)).isEqualTo("Sammanträdesplan 2024");
	}

	@Test
	void thePageOffersDragAndDropBesideTheButtonsAndHidesTheSecrecyFormInADisclosure() throws Exception {
		String page = this.mvc.perform(get("/meetings/{id}", id()).with(SECRETARY))
			.andExpect(content().string(containsString("class=\"drag-handle\"")))
			.andExpect(content().string(containsString("id=\"agenda-order-form\"")))
			.andExpect(content().string(containsString("Flytta upp Sammanträdesplan 2024")))
			.andExpect(content().string(containsString("<summary aria-label=\"Ändra sekretess för Detaljbudget 2024\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/webjars/sortablejs/[^\"]*Sortable\\.min[^\"]*\\.js)\"")
			.matcher(page);
		assertThat(script.find()).as("SortableJS is linked from the page").isTrue();
		this.mvc.perform(get(script.group(1))).andExpect(status().isOk());
	}

	@Test
	void onlySecretariesMayReorder() throws Exception {
		List<Long> ids = ids();
		this.mvc.perform(post("/meetings/{id}/agenda/order", id()).with(user("ledamot").roles("MEMBER")).with(csrf())
			.param("version", String.valueOf(version()))
			.param("itemIds", ids.stream().map(String::valueOf).toArray(String[]::new)))
			.andExpect(status().isForbidden());
	}

	MockHttpServletRequestBuilder order(long version, Long... itemIds) {
		return post("/meetings/{id}/agenda/order", id()).with(SECRETARY)
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("itemIds", java.util.Arrays.stream(itemIds).map(String::valueOf).toArray(String[]::new));
	}

	List<Long> ids() {
		return this.planning.meeting(id()).getAgenda().stream().map(AgendaItem::getId).toList();
	}

	List<String> titles() {
		return this.planning.meeting(id()).getAgenda().stream().map(AgendaItem::getTitle).toList();
	}

	Long id() {
		return this.meeting.getId();
	}

	long version() {
		return this.planning.meeting(id()).getVersion();
	}

}
