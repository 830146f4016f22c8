package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * Removing an attachment is recorded and can be undone: it leaves the report and the next notice,
 * the page offers "Ångra" at once and lists removed attachments to restore; restoring records who
 * and when, and the restored attachment is back in the next notice. Nothing is deleted.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentUndoIntegrationTests {

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

	BoardWithPeople board;

	Meeting meeting;

	Matter budget;

	Attachment underlag;

	@BeforeEach
	void meetingWithAnAttachedReport() {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.board = board;
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.budget = this.register.register(board.code(), "Detaljbudget 2024");
		this.register.writeReport(this.budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden beslutar enligt förslaget."), "", "Beskrivning.", "Inga.", board.caseOfficer().getId(),
				LocalDate.of(2023, 11, 21), List.of()), 0);
		this.underlag = this.register.attachFile(this.budget.getId(), "Budgetunderlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(pdf()));
		this.planning.addMatter(this.meeting.getId(), version(), this.budget.getId());
	}

	@Test
	void aRemovedAttachmentIsListedWithUndoAndRestoringPutsItBackRecordingWhoAndWhen() throws Exception {
		MvcResult removed = this.mvc
			.perform(post("/matters/{id}/attachments/{a}/withdrawal", this.budget.getId(), this.underlag.getId())
				.with(SECRETARY)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(this.register.basis(this.budget.getId()).attachments()).as("no longer with the report").isEmpty();
		Attachment withdrawn = this.register.attachment(this.underlag.getId());
		assertThat(withdrawn.getWithdrawnBy()).isEqualTo("sekreterare");
		assertThat(withdrawn.getWithdrawnAt()).isNotNull();
		assertThat(this.jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class,
				this.underlag.getId()))
			.as("nothing is deleted")
			.isEqualTo(1);

		// The page the secretary lands on says what was removed, with "Ångra" right there and the list,
		// also when sessions are kept in the database (several nodes).
		AgendaRemovalIntegrationTests.assertSerializable(removed.getFlashMap());
		this.mvc.perform(get("/matters/{id}", this.budget.getId()).with(SECRETARY).flashAttrs(removed.getFlashMap()))
			.andExpect(content().string(containsString("Bilagan Budgetunderlag är borttagen.")))
			.andExpect(content().string(containsString("Ångra borttagningen av bilagan Budgetunderlag")))
			.andExpect(content().string(containsString("Borttagna bilagor (1)")));
		// The history, read when its section is opened, says who removed it.
		this.mvc.perform(get("/matters/{id}/history", this.budget.getId()).with(SECRETARY))
			.andExpect(content().string(containsString("Bilagan Budgetunderlag togs bort")));

		this.mvc
			.perform(post("/matters/{id}/attachments/{a}/restoration", this.budget.getId(), this.underlag.getId())
				.with(user("handlaggare").roles("CASE_OFFICER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message",
					"Bilagan Budgetunderlag är återställd och följer med tjänsteskrivelsen igen."));
		Attachment restored = this.register.attachment(this.underlag.getId());
		assertThat(restored.isWithdrawn()).isFalse();
		assertThat(restored.getRestoredBy()).isEqualTo("handlaggare");
		assertThat(restored.getRestoredAt()).isNotNull();
		assertThat(this.register.basis(this.budget.getId()).attachments()).extracting(a -> a.title())
			.containsExactly("Budgetunderlag");
		this.mvc.perform(get("/matters/{id}", this.budget.getId()).with(SECRETARY))
			.andExpect(content().string(not(containsString("Borttagna bilagor"))));
		this.mvc.perform(get("/matters/{id}/history", this.budget.getId()).with(SECRETARY))
			.andExpect(content().string(containsString("Bilagan Budgetunderlag återställdes")));
	}

	@Test
	void thePublishedNoticeIsOutOfDateWhileAnAttachmentItCarriedIsRemovedAndTheNextNoticeCarriesItWhenRestored() {
		Notice first = this.notices.publish(this.meeting.getId(), version());
		assertThat(first.getHtml()).contains("Budgetunderlag");
		assertThat(this.notices.isOutOfDate(this.meeting.getId())).isFalse();

		this.register.withdrawAttachment(this.underlag.getId());
		assertThat(this.notices.isOutOfDate(this.meeting.getId())).as("the notice carries a removed attachment").isTrue();
		assertThat(this.notices.previewHtml(this.meeting.getId(), true)).doesNotContain("Budgetunderlag");

		this.register.restoreAttachment(this.underlag.getId());
		assertThat(this.notices.isOutOfDate(this.meeting.getId())).as("back as it was published").isFalse();
		this.register.withdrawAttachment(this.underlag.getId());
		Notice second = this.notices.publish(this.meeting.getId(), version());
		assertThat(second.getHtml()).doesNotContain("Budgetunderlag");
		this.register.restoreAttachment(this.underlag.getId());
		assertThat(this.notices.isOutOfDate(this.meeting.getId())).as("the restored attachment is not in it").isTrue();
		Notice third = this.notices.publish(this.meeting.getId(), version());
		assertThat(third.getHtml()).contains("Budgetunderlag");
	}

	@Test
	void theApiRestoresAWithdrawnAttachmentAndRefusesAnUnknownOrNotWithdrawnOne() throws Exception {
		this.mvc.perform(post("/api/v1/attachments/{id}/withdrawal", this.underlag.getId()).with(SECRETARY).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/attachments/{id}/restoration", this.underlag.getId()).with(SECRETARY).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawn").value(false))
			.andExpect(jsonPath("$.title").value("Budgetunderlag"));
		this.mvc.perform(post("/api/v1/attachments/{id}/restoration", this.underlag.getId()).with(SECRETARY).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Bilagan Budgetunderlag är inte borttagen och kan inte återställas."));
		this.mvc.perform(post("/api/v1/attachments/{id}/restoration", 987654321L).with(SECRETARY).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// The web form: a restore of an attachment that is not removed says so in Swedish, and one of
		// another matter is not found.
		this.mvc
			.perform(post("/matters/{id}/attachments/{a}/restoration", this.budget.getId(), this.underlag.getId())
				.with(SECRETARY)
				.with(csrf()))
			.andExpect(flash().attribute("error", "Bilagan Budgetunderlag är inte borttagen och kan inte återställas."));
		Matter other = this.register.register(this.board.code(), "Annat");
		this.register.withdrawAttachment(this.underlag.getId());
		this.mvc
			.perform(post("/matters/{id}/attachments/{a}/restoration", other.getId(), this.underlag.getId())
				.with(SECRETARY)
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.register.attachment(this.underlag.getId()).isWithdrawn()).isTrue();
	}

	@Test
	void onlyTheRegistersWritersMayRestore() throws Exception {
		this.register.withdrawAttachment(this.underlag.getId());
		this.mvc
			.perform(post("/matters/{id}/attachments/{a}/restoration", this.budget.getId(), this.underlag.getId())
				.with(user("ledamot").roles("MEMBER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/attachments/{id}/restoration", this.underlag.getId())
			.with(user("ekonom").roles("ECONOMIST"))
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/matters/{id}/attachments/{a}/restoration", this.budget.getId(), this.underlag.getId())
				.with(SECRETARY))
			.andExpect(status().isForbidden());
		assertThat(this.register.attachment(this.underlag.getId()).isWithdrawn()).isTrue();
	}

	private static byte[] pdf() {
		try {
			return pdfWithPages(1, "BUDGETUNDERLAG");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
