package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.TestClock;

/**
 * The register's rules against the real database: gapless, unique diary numbers also under
 * concurrent registration, migrated numbers, reports with optimistic locking.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatterRegisterIntegrationTests {

	@Autowired
	MatterRegister register;

	@Autowired
	Organisation organisation;

	@Autowired
	TestClock clock;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void aMatterRegisteredJustAfterMidnightOnNewYearsDayInSwedenGetsTheNewYearsNumber() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		this.clock.pin(Instant.parse("2023-12-31T23:30:00Z")); // 00:30 on 1 January in Sweden
		Matter matter = this.register.register(code, "Nyårsärende");
		assertThat(matter.getDiaryNumber()).isEqualTo(new DiaryNumber(code, 2024, 1));
		assertThat(matter.getDiaryNumber().toString()).isEqualTo(code + "2024/1");
		assertThat(matter.getRegisteredOn()).isEqualTo(LocalDate.of(2024, 1, 1));
	}

	@Test
	void aMatterRegisteredJustBeforeMidnightOnNewYearsEveInSwedenGetsTheOldYearsNumber() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		this.clock.pin(Instant.parse("2023-12-31T22:30:00Z")); // 23:30 on 31 December in Sweden
		Matter matter = this.register.register(code, "Årets sista ärende");
		assertThat(matter.getDiaryNumber()).isEqualTo(new DiaryNumber(code, 2023, 1));
		assertThat(matter.getRegisteredOn()).isEqualTo(LocalDate.of(2023, 12, 31));
	}

	@Test
	void twentyConcurrentRegistrationsGetTwentyConsecutiveNumbers() throws Exception {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		int registrations = 20;
		ExecutorService pool = Executors.newFixedThreadPool(registrations);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<DiaryNumber>> results = new ArrayList<>();
		try {
			for (int i = 0; i < registrations; i++) {
				int n = i;
				Callable<DiaryNumber> registration = () -> {
					start.await();
					return this.register.register(code, "Samtidigt ärende " + n).getDiaryNumber();
				};
				results.add(pool.submit(registration));
			}
			start.countDown();
			List<Integer> serials = new ArrayList<>();
			for (Future<DiaryNumber> result : results) {
				serials.add(result.get().serial());
			}
			assertThat(serials).doesNotHaveDuplicates();
			assertThat(serials).containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.rangeClosed(1, registrations).boxed().toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void numbersCountPerBoardAndCarryTheBoardPrefixAndYear() {
		String first = PeopleFixtures.jointBoard(this.organisation).code();
		String second = PeopleFixtures.jointBoard(this.organisation).code();
		DiaryNumber a = this.register.register(first, "Ett").getDiaryNumber();
		DiaryNumber b = this.register.register(second, "Ett").getDiaryNumber();
		DiaryNumber c = this.register.register(first, "Två").getDiaryNumber();
		int year = LocalDate.now(Sweden.ZONE).getYear();
		assertThat(a).isEqualTo(new DiaryNumber(first, year, 1));
		assertThat(b).isEqualTo(new DiaryNumber(second, year, 1));
		assertThat(c).isEqualTo(new DiaryNumber(first, year, 2));
	}

	@Test
	void migratedMatterKeepsItsNumberAndANewRegistrationSkipsIt() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		int year = LocalDate.now(Sweden.ZONE).getYear();
		this.register.registerMigrated(code, "Migrerat", new DiaryNumber(code, year, 1), LocalDate.of(year, 1, 2));
		assertThat(this.register.register(code, "Nytt").getDiaryNumber()).isEqualTo(new DiaryNumber(code, year, 2));
	}

	@Test
	void refusesAMigratedNumberThatIsTakenAndSavesNothing() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		Matter existing = this.register.register(code, "Först");
		Long boardId = existing.getBoardId();
		assertThatThrownBy(() -> this.register.registerMigrated(code, "Krock", existing.getDiaryNumber(), LocalDate.now(Sweden.ZONE)))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("matter.diaryNumber.taken"));
		assertThat(this.register.matters(boardId, null)).hasSize(1);
	}

	@Test
	void refusesAMigratedNumberWithAnotherBoardsPrefix() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		assertThatThrownBy(() -> this.register.registerMigrated(code, "Fel nämnd", new DiaryNumber("XYZ", 2020, 1),
				LocalDate.now(Sweden.ZONE)))
			.isInstanceOfSatisfying(RuleViolation.class,
					v -> assertThat(v.code()).isEqualTo("matter.diaryNumber.wrongBoard"));
	}

	@Test
	void aReportWrittenAgainstAnOldVersionIsRefusedAndTheNewerTextKept() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		Matter matter = this.register.register(code, "Rapport");
		ReportContent first = content("Första texten");
		this.register.writeReport(matter.getId(), first, 0);
		assertThatThrownBy(() -> this.register.writeReport(matter.getId(), content("Gammal flik"), 0))
			.isInstanceOf(StaleVersionException.class);
		assertThat(this.register.report(matter.getId()).getDescription()).isEqualTo("Första texten");
	}

	@Test
	void anAttachmentIsStoredWithItsChecksumAndAnExecutableDisguisedAsPdfIsRefused() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		Matter matter = this.register.register(code, "Bilagor");
		byte[] pdf = "%PDF-1.4\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		Attachment attachment = this.register.attachFile(matter.getId(), "Underlag", "underlag.pdf", "application/pdf",
				new java.io.ByteArrayInputStream(pdf));
		assertThat(attachment.getSha256()).isEqualTo(se.paragraf.shared.files.FileStore.sha256Hex(pdf));
		assertThat(this.register.content(attachment)).isEqualTo(pdf);
		assertThatThrownBy(() -> this.register.attachFile(matter.getId(), "Virus", "virus.pdf", "application/pdf",
				new java.io.ByteArrayInputStream(new byte[] { 'M', 'Z', 0, 0 })))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("attachment.type.mismatch"));
		assertThat(this.register.attachments(matter.getId())).hasSize(1);
	}

	@Test
	@org.springframework.security.test.context.support.WithMockUser(username = "handlaggare", roles = "CASE_OFFICER")
	void theHistoryRecordsWhoRegisteredTheMatterAndWhoWroteTheReport() {
		String code = PeopleFixtures.jointBoard(this.organisation).code();
		Matter matter = this.register.register(code, "Historik");
		this.register.writeReport(matter.getId(), content("Text"), 0);
		assertThat(this.register.history(matter.getId())).extracting(HistoryEntry::what, HistoryEntry::who)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("matter.history.registered", "handlaggare"),
					org.assertj.core.groups.Tuple.tuple("matter.history.reportWritten", "handlaggare"));
	}

	static ReportContent content(String description) {
		return new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL, List.of("Nämnden godkänner."), "",
				description, "", null, null, List.of(new DecisionRecipient("Akten", false, null)));
	}

}
