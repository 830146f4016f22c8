package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * Publishing a notice runs as a job: the secretary sees how far it has come, a failure leaves
 * nothing published, and a double click starts one job. A listener on the publication's event
 * holds the job at its very end (files stored, version not yet committed) or makes it fail there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoticePublishingIntegrationTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	private static final Pattern JOB = Pattern.compile("/notice-jobs/([0-9a-f-]{36})");

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	NoticePublishing publishing;

	@Autowired
	Gate gate;

	@Autowired
	MockMvc mvc;

	@Value("${paragraf.files.directory}")
	Path files;

	Meeting meeting;

	@BeforeEach
	void meetingWithThreeMattersAndAttachments() throws IOException {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2027, 12, 5, 10, 0),
				LocalDateTime.of(2027, 12, 5, 12, 0), null, "Netpuplicator");
		for (int m = 1; m <= 3; m++) {
			Matter matter = this.register.register(board.code(), "Ärende " + m);
			this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
					List.of("Nämnden godkänner förslaget."), "",
					"Förvaltningen har gått igenom underlaget.\n\n".repeat(60), "", board.caseOfficer().getId(),
					LocalDate.of(2027, 11, 21), List.of(new DecisionRecipient("Akten", false, null))), 0);
			this.register.attachFile(matter.getId(), "Underlag " + m, "underlag.pdf", "application/pdf",
					new ByteArrayInputStream(pdfWithPages(2, "UNDERLAG " + m)));
			this.planning.addMatter(this.meeting.getId(), version(), matter.getId());
		}
	}

	@AfterEach
	void openTheGate() {
		this.gate.reset();
	}

	@Test
	void compositionReportsEachStepAndThePagesRenderedUpToTheWholeNotice() {
		Recorder recorder = new Recorder();
		Notice notice = this.notices.publish(this.meeting.getId(), version(), recorder);
		assertThat(recorder.steps).containsExactly(NoticeProgress.Step.READING, NoticeProgress.Step.RENDERING,
				NoticeProgress.Step.ASSEMBLING, NoticeProgress.Step.SAVING);
		int items = notice.getEntries().size();
		// The items render a few to a document: the count rises by each document's items, never back.
		assertThat(recorder.items).as("items rendered").startsWith(0).doesNotHaveDuplicates().isSorted()
			.hasSizeGreaterThan(2);
		int last = recorder.items.size() - 1;
		assertThat(recorder.items.get(last)).isEqualTo(items);
		// Every page but the cover's is counted, attachments included; the last estimate is the real count.
		int cover = notice.getEntries().get(0).firstPage() - 1;
		assertThat(recorder.pages.get(last)).isEqualTo(notice.getPageCount() - cover);
		assertThat(recorder.estimates.get(last)).isEqualTo(notice.getPageCount() - cover + 1);
	}

	@Test
	void theSecretarySeesThePagesRenderedWhileTheNoticeIsPublishedAndTheVersionWhenDone() throws Exception {
		this.gate.hold();
		String started = this.mvc
			.perform(post("/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY).with(csrf()).param("confirmed", "true")
				.header("HX-Request", "true")
				.param("version", String.valueOf(version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kallelsen publiceras")))
			.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String job = jobId(started);
		this.gate.awaitHeld();
		this.mvc.perform(get("/meetings/{id}/notice-jobs/{job}", this.meeting.getId(), job).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Refresh"))
			.andExpect(content().string(matchesPattern("(?s).*Sida \\d+ av ~\\d+ renderad.*")))
			.andExpect(content().string(containsString("Ärende 6 av 6 klart")))
			.andExpect(content().string(containsString("Sparar den nya versionen")));
		// The meeting page shows the same while the job runs.
		this.mvc.perform(get("/meetings/{id}", this.meeting.getId()).with(SECRETARY))
			.andExpect(content().string(containsString("Sparar den nya versionen")));
		this.gate.release();
		awaitEnd(job);
		this.mvc.perform(get("/meetings/{id}/notice-jobs/{job}", this.meeting.getId(), job).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(containsString("Kallelsen är publicerad (version 1).")))
			.andExpect(content().string(containsString("/public/meetings/" + this.meeting.getId() + "/notices/1.pdf")));
		assertThat(this.notices.versions(this.meeting.getId())).hasSize(1);
	}

	@Test
	void aPublicationThatFailsLeavesNoVersionNoFileAndSaysSoInSwedish() throws Exception {
		long before = version();
		long storedFiles = fileCount();
		this.gate.failAtTheEnd();
		String started = this.mvc
			.perform(post("/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY).with(csrf()).param("confirmed", "true")
				.header("HX-Request", "true")
				.param("version", String.valueOf(before)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String job = jobId(started);
		awaitEnd(job);
		assertThat(this.gate.failed).as("the job got as far as storing its files").isTrue();
		this.mvc.perform(get("/meetings/{id}/notice-jobs/{job}", this.meeting.getId(), job).with(SECRETARY))
			.andExpect(content().string(containsString(
					"Kallelsen kunde inte publiceras: ett oväntat fel inträffade när kallelsen skapades. "
							+ "Ingenting har publicerats, försök igen.")));
		assertThat(this.notices.versions(this.meeting.getId())).isEmpty();
		assertThat(version()).as("the meeting is as it was").isEqualTo(before);
		assertThat(this.planning.meeting(this.meeting.getId()).getStatus()).isNotEqualTo(MeetingStatus.NOTICE_PUBLISHED);
		assertThat(fileCount()).as("no PDF left behind").isEqualTo(storedFiles);
		this.mvc.perform(get("/public/meetings/{id}/notice", this.meeting.getId())).andExpect(status().isNotFound());
		// The secretary can try again, and then it is published.
		this.gate.reset();
		String again = this.mvc
			.perform(post("/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY).with(csrf()).param("confirmed", "true")
				.header("HX-Request", "true")
				.param("version", String.valueOf(before)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(jobId(again)).isNotEqualTo(job);
		awaitEnd(jobId(again));
		assertThat(this.notices.versions(this.meeting.getId())).hasSize(1);
	}

	@Test
	void aDoubleClickOnPublishStartsOneJobAndPublishesOneVersion() throws Exception {
		this.gate.hold();
		long v = version();
		List<String> jobs = new ArrayList<>();
		for (int click = 0; click < 2; click++) {
			jobs.add(jobId(this.mvc
				.perform(post("/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY).with(csrf()).param("confirmed", "true")
					.header("HX-Request", "true")
					.param("version", String.valueOf(v)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()));
		}
		assertThat(jobs.get(1)).isEqualTo(jobs.get(0));
		this.gate.release();
		awaitEnd(jobs.get(0));
		// A third request for the same version, after the job ended, gets the same job too.
		this.mvc.perform(post("/api/v1/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + v + "}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(jobs.get(0)))
			.andExpect(jsonPath("$.state").value("DONE"));
		assertThat(this.notices.versions(this.meeting.getId())).hasSize(1);
	}

	@Test
	void theApiAnswers202WithAStatusResourceThatEndsWithTheVersionPublished() throws Exception {
		this.gate.hold();
		String location = this.mvc
			.perform(post("/api/v1/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": " + version() + "}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("RUNNING"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).matches("/api/v1/meetings/" + this.meeting.getId() + "/notice-jobs/[0-9a-f-]{36}");
		this.gate.awaitHeld();
		this.mvc.perform(get(location).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RUNNING"))
			.andExpect(jsonPath("$.step").value("SAVING"))
			.andExpect(jsonPath("$.items").value(6))
			.andExpect(jsonPath("$.itemsOf").value(6));
		this.gate.release();
		awaitEnd(jobId(location));
		this.mvc.perform(get(location).with(SECRETARY))
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.links.notice").value("/public/meetings/" + this.meeting.getId() + "/notices/1"));
		this.mvc.perform(get("/api/v1/meetings/{id}/notice-jobs/{job}", this.meeting.getId(),
				"00000000-0000-0000-0000-000000000000").with(SECRETARY))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/v1/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest());
	}

	private String jobId(String text) {
		Matcher matcher = JOB.matcher(text);
		assertThat(matcher.find()).as("a job link in %s", text).isTrue();
		return matcher.group(1);
	}

	private void awaitEnd(String job) throws InterruptedException {
		for (int i = 0; i < 1200 && this.publishing.job(this.meeting.getId(), job).isRunning(); i++) {
			Thread.sleep(50);
		}
		assertThat(this.publishing.job(this.meeting.getId(), job).isRunning()).as("job ended").isFalse();
	}

	private long fileCount() throws IOException {
		if (!Files.exists(this.files)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(this.files)) {
			return all.filter(Files::isRegularFile).count();
		}
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

	/** What a composition told its progress. */
	static class Recorder implements NoticeProgress {

		final List<Step> steps = new ArrayList<>();

		final List<Integer> items = new ArrayList<>();

		final List<Integer> pages = new ArrayList<>();

		final List<Integer> estimates = new ArrayList<>();

		@Override
		public void step(Step step) {
			this.steps.add(step);
		}

		@Override
		public synchronized void rendering(int items, int of, int pages, int estimatedPages) {
			this.items.add(items);
			this.pages.add(pages);
			this.estimates.add(estimatedPages);
		}

	}

	/**
	 * Holds a publication at its end, after its files are stored and before it commits, or makes it
	 * fail there.
	 */
	@TestConfiguration
	static class Gate {

		private volatile CountDownLatch held;

		private volatile CountDownLatch released;

		private volatile boolean fail;

		volatile boolean failed;

		@EventListener
		void atTheEnd(NoticePublished event) throws InterruptedException {
			CountDownLatch release = this.released;
			if (release != null) {
				this.held.countDown();
				release.await(60, TimeUnit.SECONDS);
			}
			if (this.fail) {
				this.failed = true;
				throw new IllegalStateException("Publication made to fail after its files were stored");
			}
		}

		void hold() {
			this.held = new CountDownLatch(1);
			this.released = new CountDownLatch(1);
		}

		void awaitHeld() throws InterruptedException {
			assertThat(this.held.await(120, TimeUnit.SECONDS)).as("the job reached its end").isTrue();
		}

		void release() {
			this.released.countDown();
		}

		void failAtTheEnd() {
			this.fail = true;
		}

		void reset() {
			if (this.released != null) {
				this.released.countDown();
			}
			this.released = null;
			this.fail = false;
			this.failed = false;
		}

	}

}
