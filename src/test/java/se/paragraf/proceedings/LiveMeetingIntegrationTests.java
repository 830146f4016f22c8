package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.shared.security.Role;

/**
 * The live meeting room (issue 15 §1): check-in, the speakers list, live votes by name and members'
 * own conflicts of interest, each landing in the record the minutes are made from; who may enter
 * and who may act; the event stream and a reconnect.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LiveMeetingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConductMeetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	JdbcTemplate jdbc;

	ConductFixtures f;

	RequestPostProcessor chair;

	RequestPostProcessor member1;

	RequestPostProcessor member2;

	RequestPostProcessor substitute;

	RequestPostProcessor outsider;

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@BeforeEach
	void meeting() {
		this.f = this.meetings.noticeOut();
		this.chair = this.meetings.signedIn("ordf", Role.MEMBER, this.f.chair());
		this.member1 = this.meetings.signedIn("led1", Role.MEMBER, this.f.member1());
		this.member2 = this.meetings.signedIn("led2", Role.MEMBER, this.f.member2());
		this.substitute = this.meetings.signedIn("ers", Role.SUBSTITUTE, this.f.substitute());
		this.outsider = this.meetings.signedIn("annan", Role.MEMBER, this.meetings.personOfAnotherBoard());
	}

	Long id() {
		return this.f.meeting().getId();
	}

	Long budgetItem() {
		return this.meetings.matterItem(this.f, this.f.budget()).getId();
	}

	@Test
	void theRoomIsForTheBoardOnly() throws Exception {
		this.mvc.perform(get("/meetings/{id}/live", id()).with(this.member1))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Begär ordet")))
			.andExpect(content().string(containsString("Checka in")));
		this.mvc.perform(get("/meetings/{id}/live", id()).with(this.substitute)).andExpect(status().isOk());
		this.mvc.perform(get("/meetings/{id}/live", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nästa ärende")));
		this.mvc.perform(get("/meetings/{id}/live", id()).with(this.outsider)).andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/{id}/live/events", id()).with(this.outsider)).andExpect(status().isForbidden());
		this.mvc.perform(get("/meetings/{id}/live", id())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/meetings/{id}/live/check-in", id()).with(this.outsider).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Bara nämndens ledamöter")));
	}

	@Test
	void aMemberWhoChecksInIsRecordedPresentAtADistanceAsTheSecretaryWould() throws Exception {
		this.mvc.perform(post("/meetings/{id}/live/check-in", id()).with(this.member1).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Du checkade in")));
		this.mvc.perform(post("/meetings/{id}/live/check-in", id()).with(this.member1).with(csrf()))
			.andExpect(status().isOk());
		MeetingRecord record = this.conduct.record(id()).orElseThrow();
		assertThat(record.getAttendance()).containsExactly(new Attendance(this.f.member1(), Presence.REMOTE, null, null, null));
		assertThat(this.jdbc.queryForObject("select count(*) from check_in where meeting_id = ?", Integer.class, id()))
			.isEqualTo(1);
		this.mvc.perform(get("/meetings/{id}/conduct", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("incheckad")));
	}

	@Test
	void aMemberWhoChecksInLateIsPresentFromTheItemUnderDiscussion() throws Exception {
		this.conduct.recordAttendance(id(), 0, List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member2(), Presence.IN_PERSON, null, null, null)), null);
		this.mvc.perform(post("/meetings/{id}/live/item", id()).with(this.chair).with(csrf()).param("itemId",
				budgetItem().toString())).andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/check-in", id()).with(this.member1).with(csrf()))
			.andExpect(status().isOk());
		Attendance attendance = this.conduct.record(id()).orElseThrow().attendanceOf(this.f.member1()).orElseThrow();
		assertThat(attendance.presence()).isEqualTo(Presence.REMOTE);
		assertThat(attendance.fromItem()).isEqualTo(3);
	}

	@Test
	void allPresentRecordsEveryMemberWithoutAttendanceAndKeepsACheckIn() throws Exception {
		this.mvc.perform(post("/meetings/{id}/live/check-in", id()).with(this.member1).with(csrf()));
		long version = this.conduct.record(id()).orElseThrow().getVersion();
		this.mvc.perform(post("/meetings/{id}/conduct/attendance/all-present", id()).with(SECRETARY).with(csrf())
			.param("version", Long.toString(version))).andExpect(status().is3xxRedirection());
		MeetingRecord record = this.conduct.record(id()).orElseThrow();
		assertThat(record.getAttendance()).extracting(Attendance::personId, Attendance::presence)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(this.f.member1(), Presence.REMOTE),
					org.assertj.core.groups.Tuple.tuple(this.f.chair(), Presence.IN_PERSON),
					org.assertj.core.groups.Tuple.tuple(this.f.member2(), Presence.IN_PERSON));
		assertThat(record.attendanceOf(this.f.substitute())).isEmpty();
	}

	@Test
	void theChairGivesTheFloorInTurnAndClosesTheList() throws Exception {
		allPresent();
		takeUp(budgetItem());
		this.mvc.perform(post("/meetings/{id}/live/speakers", id()).with(this.member1).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/speakers", id()).with(this.member2).with(csrf()))
			.andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/speakers", id()).with(this.member1).with(csrf()))
			.andExpect(status().isNoContent());
		List<Long> requests = this.jdbc.queryForList(
				"select id from speaking_request where meeting_id = ? order by id", Long.class, id());
		assertThat(requests).as("asking twice while waiting is one request").hasSize(2);
		this.mvc.perform(post("/meetings/{id}/live/speakers/{r}/floor", id(), requests.get(0)).with(this.member2)
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings/{id}/live/speakers/{r}/floor", id(), requests.get(0)).with(this.chair)
			.with(csrf())).andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/speakers/{r}/floor", id(), requests.get(1)).with(SECRETARY)
			.with(csrf())).andExpect(status().isNoContent());
		assertThat(this.jdbc.queryForList("select given_at, finished_at from speaking_request where id = ?",
				requests.get(0)).get(0)).doesNotContainValue(null);
		this.mvc.perform(post("/meetings/{id}/live/speakers-list", id()).with(this.chair).with(csrf()).param("closed",
				"true")).andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/speakers", id()).with(this.member1).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Talarlistan är stängd")));
		this.mvc.perform(post("/meetings/{id}/live/speakers", id()).with(this.member1).with(csrf()).param("reply", "true"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/meetings/{id}/live/state", id()).with(this.member1))
			.andExpect(content().string(containsString("Ledamot2")))
			.andExpect(content().string(containsString("har ordet")))
			.andExpect(content().string(containsString("replik")));
	}

	@Test
	void aLiveVoteIsRecordedAsAVoteByNameAndAppearsInTheMinutes() throws Exception {
		holdUpToTheBudget();
		Long vote = openVote();
		cast(this.chair, vote, "YES").andExpect(status().isNoContent());
		cast(this.member1, vote, "NO").andExpect(status().isNoContent());
		cast(this.member2, vote, "YES").andExpect(status().isNoContent());
		this.mvc.perform(get("/meetings/{id}/live/state", id()).with(SECRETARY))
			.andExpect(content().string(containsString("2 ja, 1 nej, 0 avstår")))
			.andExpect(content().string(containsString("Avsluta omröstningen")));
		this.mvc.perform(post("/meetings/{id}/live/votes/{v}/closing", id(), vote).with(this.member1).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/meetings/{id}/live/votes/{v}/closing", id(), vote).with(this.chair).with(csrf()))
			.andExpect(status().isNoContent());
		Decision decision = this.conduct.record(id()).orElseThrow().decisionOn(budgetItem()).orElseThrow();
		assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.APPROVED);
		assertThat(decision.getVotes()).containsExactlyInAnyOrder(new Vote(this.f.chair(), VoteChoice.YES),
				new Vote(this.f.member1(), VoteChoice.NO), new Vote(this.f.member2(), VoteChoice.YES));
		cast(this.member2, vote, "NO").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Omröstningen är avslutad")));
		finishAndClose();
		String minutes = this.certification.draw(id()).getOfficialHtml();
		assertThat(minutes).contains("2 ja, 1 nej, 0 avstår", "Ledamot1", "förvaltningens förslag");
	}

	@Test
	void aVoteCastTwiceCountsOnceAndTheLastChoiceStands() throws Exception {
		holdUpToTheBudget();
		Long vote = openVote();
		cast(this.member1, vote, "YES").andExpect(status().isNoContent());
		cast(this.member1, vote, "YES").andExpect(status().isNoContent());
		cast(this.member1, vote, "NO").andExpect(status().isNoContent());
		assertThat(this.jdbc.queryForList("select choice from ballot where vote_id = ?", String.class, vote))
			.containsExactly("NO");
		// Two presses of the same button at once still make one ballot.
		CompletableFuture<?> a = CompletableFuture.runAsync(() -> quietly(() -> cast(this.member2, vote, "YES")));
		CompletableFuture<?> b = CompletableFuture.runAsync(() -> quietly(() -> cast(this.member2, vote, "YES")));
		CompletableFuture.allOf(a, b).get(20, TimeUnit.SECONDS);
		assertThat(this.jdbc.queryForObject("select count(*) from ballot where vote_id = ? and person_id = ?",
				Integer.class, vote, this.f.member2())).isEqualTo(1);
	}

	@Test
	void somebodyNotServingCannotVote() throws Exception {
		holdUpToTheBudget();
		Long vote = openVote();
		cast(this.substitute, vote, "YES").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Du tjänstgör inte i ärendet och kan inte rösta."));
		cast(this.outsider, vote, "YES").andExpect(status().isForbidden());
		cast(SECRETARY, vote, "YES").andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Integer.class, vote))
			.isZero();
	}

	@Test
	void aMemberWithADeclaredConflictCannotVoteAndDoesNotCountTowardsQuorum() throws Exception {
		allPresent();
		this.mvc.perform(post("/meetings/{id}/live/conflicts", id()).with(this.member1).with(csrf())
			.param("itemId", budgetItem().toString())).andExpect(status().isNoContent());
		assertThat(this.conduct.record(id()).orElseThrow().decisionOn(budgetItem()).orElseThrow().getConflicts())
			.containsExactly(this.f.member1());
		assertThat(this.conduct.quorum(id(), budgetItem()).serving()).isEqualTo(2);
		takeUp(budgetItem());
		this.mvc.perform(post("/meetings/{id}/live/conflicts", id()).with(this.member2).with(csrf())
			.param("itemId", budgetItem().toString()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("redan tagits upp")));
		Long vote = openVote();
		cast(this.member1, vote, "YES").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("jäv")));
		this.mvc.perform(get("/meetings/{id}/live/state", id()).with(this.member2))
			.andExpect(content().string(containsString("Jäv anmält: Ledamot1")));
	}

	@Test
	void aTieIsDecidedByTheChairsCastingVote() throws Exception {
		holdUpToTheBudget();
		Long vote = openVote();
		cast(this.chair, vote, "NO").andExpect(status().isNoContent());
		cast(this.member1, vote, "YES").andExpect(status().isNoContent());
		cast(this.member2, vote, "ABSTAIN").andExpect(status().isNoContent());
		this.mvc.perform(post("/meetings/{id}/live/votes/{v}/closing", id(), vote).with(this.chair).with(csrf()))
			.andExpect(status().isNoContent());
		Decision decision = this.conduct.record(id()).orElseThrow().decisionOn(budgetItem()).orElseThrow();
		assertThat(decision.getOutcome()).isEqualTo(DecisionOutcome.REJECTED);
		assertThat(decision.getPropositionOrder()).contains("utslagsröst");
	}

	@Test
	void badInputIsRefusedWithAFieldError() throws Exception {
		holdUpToTheBudget();
		Long vote = openVote();
		cast(this.member1, vote, "KANSKE").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("choice"))
			.andExpect(jsonPath("$.errors[0].message").value("Välj ja, nej eller avstår."));
		this.mvc.perform(post("/meetings/{id}/live/conflicts", id()).with(this.member1).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemId"));
		this.mvc.perform(post("/meetings/{id}/live/votes", id()).with(this.chair).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("En omröstning pågår")));
		this.mvc.perform(post("/meetings/{id}/live/votes/{v}/ballots", id(), vote).with(this.member1).param("choice", "YES"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from ballot where vote_id = ?", Integer.class, vote))
			.isZero();
	}

	@Test
	void theStreamSendsTheStateAtOnceAndEveryChangeAfter() throws Exception {
		allPresent();
		MvcResult stream = this.mvc.perform(get("/meetings/{id}/live/events", id()).with(this.member1))
			.andExpect(request().asyncStarted())
			.andReturn();
		MockHttpServletResponse response = stream.getResponse();
		awaitContent(response, "event:state");
		assertThat(response.getContentType()).startsWith("text/event-stream");
		assertThat(response.getContentAsString()).doesNotContain("live-current");
		takeUp(budgetItem());
		awaitContent(response, "live-current");
		long sequence = this.jdbc.queryForObject("select sequence from live_session where meeting_id = ?", Long.class, id());
		assertThat(response.getContentAsString()).contains("id:" + sequence);
		// A screen that comes back having seen the latest event gets no state; one that missed some gets it at once.
		MvcResult current = this.mvc.perform(get("/meetings/{id}/live/events", id()).with(this.member2)
			.header("Last-Event-ID", Long.toString(sequence))).andReturn();
		awaitContent(current.getResponse(), "up to date");
		assertThat(current.getResponse().getContentAsString()).doesNotContain("event:state");
		MvcResult behind = this.mvc.perform(get("/meetings/{id}/live/events", id()).with(this.member2)
			.header("Last-Event-ID", Long.toString(sequence - 1))).andReturn();
		awaitContent(behind.getResponse(), "live-current");
	}

	private void awaitContent(MockHttpServletResponse response, String text) throws Exception {
		long until = System.currentTimeMillis() + 10_000;
		while (!response.getContentAsString().contains(text)) {
			assertThat(System.currentTimeMillis()).as("waiting for " + text).isLessThan(until);
			Thread.sleep(20);
		}
	}

	private void allPresent() {
		long version = this.conduct.record(id()).map(MeetingRecord::getVersion).orElse(0L);
		this.conduct.recordAttendance(id(), version, this.f.allPresent(), null);
	}

	private void takeUp(Long itemId) throws Exception {
		this.mvc.perform(post("/meetings/{id}/live/item", id()).with(this.chair).with(csrf()).param("itemId",
				itemId.toString())).andExpect(status().isNoContent());
	}

	/** Roll call, checkers and the extra items done; the budget taken up. */
	private void holdUpToTheBudget() throws Exception {
		allPresent();
		long v = this.conduct.record(id()).orElseThrow().getVersion();
		v = this.conduct.electCheckers(id(), v, List.of(this.f.member1()), "Digitalt", LocalDateTime.of(2023, 12, 12, 9, 0))
			.getVersion();
		this.conduct.decide(id(), v, this.meetings.item(this.f, AgendaItemKind.EXTRA_ITEMS).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.NOTED));
		takeUp(budgetItem());
	}

	private void finishAndClose() {
		long v = this.conduct.record(id()).orElseThrow().getVersion();
		v = this.conduct.decide(id(), v, this.meetings.matterItem(this.f, this.f.schedule()).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED)).getVersion();
		v = this.conduct.decide(id(), v, this.meetings.item(this.f, AgendaItemKind.ORAL_INFORMATION).getId(),
				MeetingConduct.DecisionCommand.of(DecisionOutcome.NOTED)).getVersion();
		this.conduct.close(id(), v);
	}

	private Long openVote() throws Exception {
		this.mvc.perform(post("/meetings/{id}/live/votes", id()).with(this.chair).with(csrf()))
			.andExpect(status().isNoContent());
		return this.jdbc.queryForObject("select id from live_vote where meeting_id = ? and closed_at is null", Long.class,
				id());
	}

	private org.springframework.test.web.servlet.ResultActions cast(RequestPostProcessor who, Long vote, String choice)
			throws Exception {
		return this.mvc.perform(post("/meetings/{id}/live/votes/{v}/ballots", id(), vote).with(who).with(csrf())
			.param("choice", choice));
	}

	private static void quietly(ThrowingRunnable runnable) {
		try {
			runnable.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
