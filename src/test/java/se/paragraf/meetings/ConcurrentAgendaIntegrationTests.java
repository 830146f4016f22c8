package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * Two secretaries adding to the same agenda at once, both naming the version they saw: one addition
 * is saved (201), the other is refused as stale (409), never a server error, and the agenda gains
 * exactly one item.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentAgendaIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	PlatformTransactionManager transactions;

	Meeting meeting;

	ExecutorService pool = Executors.newFixedThreadPool(2);

	@BeforeEach
	void meeting() {
		String board = PeopleFixtures.jointBoard(this.organisation).code();
		this.meeting = this.planning.schedule(board, MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpublicator");
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void anAdditionWhileAnotherIsBeingSavedIsRefusedAsStale() throws Exception {
		long version = version();
		int before = agendaSize();
		CountDownLatch firstHoldsTheMeeting = new CountDownLatch(1);
		CountDownLatch secondStarted = new CountDownLatch(1);
		// The first addition stays uncommitted until the second request has read the meeting and waits.
		Future<?> first = this.pool.submit(() -> new TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			this.planning.addOralInformation(this.meeting.getId(), version, "Först");
			firstHoldsTheMeeting.countDown();
			try {
				secondStarted.await();
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		firstHoldsTheMeeting.await();
		Future<MvcResult> second = this.pool.submit(() -> {
			secondStarted.countDown();
			return add(version, "Samtidigt");
		});
		first.get();
		assertThat(second.get().getResponse().getStatus()).isEqualTo(409);
		assertThat(second.get().getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(agendaSize()).isEqualTo(before + 1);
		assertThat(this.planning.meeting(this.meeting.getId()).getAgenda()).anyMatch(i -> i.getTitle().equals("Först"))
			.noneMatch(i -> i.getTitle().equals("Samtidigt"));
	}

	@Test
	void ofTwoConcurrentAdditionsNamingTheSameVersionOneIsRefusedAsStale() throws Exception {
		for (int round = 0; round < 5; round++) {
			long version = version();
			int before = agendaSize();
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MvcResult>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String title = "Punkt " + round + "." + i;
				results.add(this.pool.submit(() -> {
					start.await();
					return add(version, title);
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<MvcResult> result : results) {
				statuses.add(result.get().getResponse().getStatus());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
			assertThat(agendaSize()).isEqualTo(before + 1);
		}
	}

	private MvcResult add(long version, String title) throws Exception {
		return this.mvc.perform(post("/api/v1/meetings/{id}/agenda", this.meeting.getId())
			.with(user("sekreterare").roles("SECRETARY"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"oralInformation\": \"" + title + "\", \"version\": " + version + "}"))
			.andReturn();
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

	private int agendaSize() {
		return this.planning.meeting(this.meeting.getId()).getAgenda().size();
	}

}
