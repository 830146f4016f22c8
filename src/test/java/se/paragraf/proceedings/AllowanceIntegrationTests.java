package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.Organisation;
import se.paragraf.proceedings.allowances.AllowanceLine;
import se.paragraf.proceedings.allowances.Allowances;
import se.paragraf.proceedings.allowances.PayrollLine;
import se.paragraf.proceedings.allowances.PayrollRun;
import se.paragraf.proceedings.allowances.Rate;
import se.paragraf.proceedings.allowances.RulesInput;
import se.paragraf.shared.RuleViolation;

/**
 * Allowances from the recorded attendance (issue 15 §3): the monthly list follows who was there
 * for which items and the board's rules; payroll runs are closed and exported as CSV and .xlsx;
 * a change to the attendance after a run reaches payroll as correction lines, never as a changed run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "sekreterare", roles = "SECRETARY")
class AllowanceIntegrationTests {

	private static final org.springframework.test.web.servlet.request.RequestPostProcessor SECRETARY = user("sekreterare")
		.roles("SECRETARY");

	private static final YearMonth DECEMBER = YearMonth.of(2023, 12);

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Allowances allowances;

	ConductFixtures f;

	int items;

	@BeforeEach
	void meetingOfTwoHours() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		this.items = this.planning.meeting(this.f.meeting().getId()).getAgenda().size();
	}

	@Test
	void theMonthlyListCountsEachPersonsShareOfTheItemsAtTheMeetingsLength() {
		// The chair all along, member 1 at a distance for the first half of the items, member 2
		// absent and the substitute serving for her.
		record(List.of(new Attendance(this.f.chair(), Presence.IN_PERSON, null, null, null),
				new Attendance(this.f.member1(), Presence.REMOTE, null, null, this.items / 2),
				new Attendance(this.f.member2(), Presence.ABSENT, null, null, null),
				new Attendance(this.f.substitute(), Presence.IN_PERSON, this.f.member2(), null, null)));
		this.allowances.setRules(this.f.board().code(), new RulesInput(30, 120, true));
		List<AllowanceLine> lines = this.allowances.lines(this.f.board().code(), DECEMBER);
		assertThat(lines).extracting(AllowanceLine::personId)
			.containsExactlyInAnyOrder(this.f.chair(), this.f.member1(), this.f.substitute());
		AllowanceLine chair = line(lines, this.f.chair());
		assertThat(chair.minutes()).isEqualTo(120);
		assertThat(chair.rate()).isEqualTo(Rate.FULL_DAY);
		assertThat(chair.remote()).isFalse();
		AllowanceLine member1 = line(lines, this.f.member1());
		assertThat(member1.minutes()).isEqualTo(Math.round(120.0 * (this.items / 2) / this.items));
		assertThat(member1.rate()).isEqualTo(Rate.HALF_DAY);
		assertThat(member1.remote()).isTrue();
		assertThat(line(lines, this.f.substitute()).serving()).isTrue();
		// Another month has none of it.
		assertThat(this.allowances.lines(this.f.board().code(), YearMonth.of(2023, 11))).isEmpty();
	}

	@Test
	void aSubstitutePresentWithoutServingCountsOnlyWhereTheBoardSaysSo() {
		record(this.f.allPresent());
		assertThat(line(this.allowances.lines(this.f.board().code(), DECEMBER), this.f.substitute()).serving()).isFalse();
		this.allowances.setRules(this.f.board().code(), new RulesInput(0, 240, false));
		assertThat(this.allowances.lines(this.f.board().code(), DECEMBER)).extracting(AllowanceLine::personId)
			.doesNotContain(this.f.substitute())
			.contains(this.f.chair());
	}

	@Test
	void attendanceBelowTheMinimumGivesNothingAndAnEmptyMonthCannotBeClosed() {
		record(this.f.allPresent());
		this.allowances.setRules(this.f.board().code(), new RulesInput(121, 240, true));
		assertThat(this.allowances.lines(this.f.board().code(), DECEMBER)).isEmpty();
		assertThatThrownBy(() -> this.allowances.close(this.f.board().code(), DECEMBER)).isInstanceOf(RuleViolation.class)
			.hasMessage("allowances.nothingToPay");
	}

	@Test
	void aMeetingStillBeingRecordedGivesNoAllowanceYet() {
		this.conduct.recordAttendance(this.f.meeting().getId(), 0, this.f.allPresent(), null);
		assertThat(this.allowances.lines(this.f.board().code(), DECEMBER)).isEmpty();
	}

	@Test
	void aChangeToTheAttendanceAfterPayrollBecomesCorrectionLinesAndTheClosedRunStaysAsItWas() throws Exception {
		MeetingRecord held = record(this.f.allPresent());
		PayrollRun first = this.allowances.close(this.f.board().code(), DECEMBER);
		assertThat(first.getRunNumber()).isEqualTo(1);
		assertThat(first.getLines()).hasSize(4).allMatch(l -> l.getQuantity() == 1);
		assertThatThrownBy(() -> this.allowances.close(this.f.board().code(), DECEMBER))
			.hasMessage("allowances.nothingChanged");
		// The secretary corrects the record: member 1 in fact left after the first item.
		List<Attendance> corrected = new ArrayList<>(this.f.allPresent());
		corrected.set(1, new Attendance(this.f.member1(), Presence.REMOTE, null, null, 1));
		this.conduct.recordAttendance(this.f.meeting().getId(), held.getVersion(), corrected, null);
		assertThat(this.allowances.pending(this.f.board().code(), DECEMBER)).extracting(PayrollLine::getPersonId,
				PayrollLine::getQuantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.f.member1(), -1),
					org.assertj.core.groups.Tuple.tuple(this.f.member1(), 1));
		PayrollRun second = this.allowances.close(this.f.board().code(), DECEMBER);
		assertThat(second.getRunNumber()).isEqualTo(2);
		assertThat(second.getLines()).extracting(PayrollLine::getMinutes)
			.containsExactly(120, (int) Math.round(120.0 / this.items));
		assertThat(this.allowances.run(first.getId()).getLines()).hasSize(4)
			.allMatch(l -> l.getQuantity() == 1 && l.getMinutes() == 120);

		// The .xlsx, read back with POI: a header and one row per line, numbers as numbers.
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				bytes(get("/allowances/runs/" + second.getId() + ".xlsx"))))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			DataFormatter formatter = new DataFormatter();
			Row header = sheet.getRow(0);
			assertThat(formatter.formatCellValue(header.getCell(4))).isEqualTo("Namn");
			Row reversal = sheet.getRow(1);
			assertThat(reversal.getCell(12).getNumericCellValue()).isEqualTo(-1);
			assertThat(reversal.getCell(9).getNumericCellValue()).isEqualTo(120);
			assertThat(reversal.getCell(13).getStringCellValue()).isEqualTo("Rättelse");
			assertThat(reversal.getCell(7).getStringCellValue()).isEqualTo("På distans");
			assertThat(sheet.getRow(2).getCell(12).getNumericCellValue()).isEqualTo(1);
			assertThat(reversal.getCell(4).getStringCellValue())
				.isEqualTo(this.organisation.person(this.f.member1()).getFullName());
		}
		// The CSV as Swedish Excel reads it: BOM, semicolons, decimal commas.
		String csv = new String(bytes(get("/allowances/runs/" + first.getId() + ".csv")), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFNämnd;Månad;Körning;Person-id;Namn;");
		assertThat(csv.lines()).hasSize(5);
		assertThat(csv).contains(";120;2,00;Halvdag;1;Utbetalning");
	}

	@Test
	void badRulesAreRefusedWithSwedishFieldErrorsAndNothingIsSaved() throws Exception {
		String code = this.f.board().code();
		String body = answer(put("/api/v1/boards/" + code + "/allowance-rules").contentType(MediaType.APPLICATION_JSON)
			.content("{\"minimumMinutes\":300,\"fullDayMinutes\":200}"), 400);
		assertThat(body).contains("Heldagsgränsen kan inte vara lägre än minimitiden.");
		body = answer(put("/api/v1/boards/" + code + "/allowance-rules").contentType(MediaType.APPLICATION_JSON)
			.content("{\"minimumMinutes\":-5}"), 400);
		assertThat(body).contains("\"field\":\"minimumMinutes\"").contains("från 0 till 1440")
			.contains("\"field\":\"fullDayMinutes\"");
		answer(get("/api/v1/boards/" + code + "/allowances/2023-13"), 400);
		assertThat(this.allowances.rules(code).getFullDayMinutes()).isEqualTo(240);
		// The form re-renders with the errors at the fields, in Swedish.
		String page = answer(post("/allowances/boards/" + code + "/rules").with(csrf())
			.param("minimumMinutes", "abc")
			.param("fullDayMinutes", "2000"), 200);
		assertThat(page).contains("aria-invalid=\"true\"").contains("Ange minimitiden som ett helt antal minuter.");
		page = answer(post("/allowances/boards/" + code + "/rules").with(csrf())
			.param("minimumMinutes", "10")
			.param("fullDayMinutes", "2000"), 200);
		assertThat(page).contains("aria-invalid=\"true\"").contains("från 1 till 1440");
		assertThat(this.allowances.rules(code).getFullDayMinutes()).isEqualTo(240);
		answer(put("/api/v1/boards/" + code + "/allowance-rules").contentType(MediaType.APPLICATION_JSON)
			.content("{\"minimumMinutes\":15,\"fullDayMinutes\":180,\"substitutesNotServingCount\":true}"), 200);
		assertThat(this.allowances.rules(code).getFullDayMinutes()).isEqualTo(180);
	}

	@Test
	void anEconomistReadsAndExportsButNeitherSetsRulesNorClosesAndAMemberSeesNothing() throws Exception {
		record(this.f.allPresent());
		PayrollRun run = this.allowances.close(this.f.board().code(), DECEMBER);
		String code = this.f.board().code();
		assertThat(status(get("/allowances").param("board", code).param("month", "2023-12"), "ECONOMIST")).isEqualTo(200);
		assertThat(status(get("/allowances/runs/" + run.getId() + ".xlsx"), "ECONOMIST")).isEqualTo(200);
		assertThat(status(post("/allowances/boards/" + code + "/months/2023-12/runs").with(csrf()), "ECONOMIST"))
			.isEqualTo(403);
		assertThat(status(get("/allowances/runs/" + run.getId() + ".csv"), "MEMBER")).isEqualTo(403);
		assertThat(status(get("/api/v1/boards/" + code + "/allowances/2023-12"), "MEMBER")).isEqualTo(403);
	}

	private MeetingRecord record(List<Attendance> attendance) {
		MeetingRecord record = this.f.holdMeeting(this.conduct, this.planning, attendance, this.f.member1());
		assertThat(record.getState()).isEqualTo(se.paragraf.meetings.RecordState.CLOSED);
		return record;
	}

	private static AllowanceLine line(List<AllowanceLine> lines, Long personId) {
		return lines.stream().filter(l -> l.personId().equals(personId)).findFirst().orElseThrow();
	}

	private byte[] bytes(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(SECRETARY)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(SECRETARY)).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}

	private int status(MockHttpServletRequestBuilder request, String role) throws Exception {
		return this.mvc.perform(request.with(user("someone-" + role).roles(role))).andReturn().getResponse().getStatus();
	}

}
