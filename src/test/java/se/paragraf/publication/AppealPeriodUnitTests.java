package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link AppealPeriod} and {@link SwedishCalendar}: three weeks from the last
 * posting, moved past weekends, public holidays and the eves a time limit cannot end on.
 */
class AppealPeriodUnitTests {

	static Stream<Arguments> appealPeriods() {
		return Stream.of(
				// postings, last day of the appeal period, why
				Arguments.of(List.of("2023-12-12"), "2024-01-02", "an ordinary Tuesday over the year end"),
				Arguments.of(List.of("2023-12-13"), "2024-01-03", "three weeks to the day"),
				Arguments.of(List.of("2023-12-12", "2023-12-14"), "2024-01-04", "two municipalities: from the last posting"),
				Arguments.of(List.of("2023-12-14", "2023-12-12"), "2024-01-04", "order of postings does not matter"),
				Arguments.of(List.of("2023-12-03"), "2023-12-27", "Christmas Eve on a Sunday, then two holidays"),
				Arguments.of(List.of("2024-12-03"), "2024-12-27", "Christmas Eve on a Tuesday"),
				Arguments.of(List.of("2023-12-10"), "2024-01-02", "New Year's Eve on a Sunday, then New Year's Day"),
				Arguments.of(List.of("2024-12-10"), "2025-01-02", "New Year's Eve on a Tuesday"),
				Arguments.of(List.of("2023-12-16"), "2024-01-08", "Epiphany on a Saturday"),
				Arguments.of(List.of("2024-12-16"), "2025-01-07", "Epiphany on a Monday"),
				Arguments.of(List.of("2024-03-08"), "2024-04-02", "Good Friday through Easter Monday"),
				Arguments.of(List.of("2025-03-28"), "2025-04-22", "Good Friday 2025 through Easter Monday 21 April"),
				Arguments.of(List.of("2024-04-10"), "2024-05-02", "First of May"),
				Arguments.of(List.of("2024-04-18"), "2024-05-10", "Ascension Day"),
				Arguments.of(List.of("2025-05-16"), "2025-06-09", "National Day on a Friday"),
				Arguments.of(List.of("2024-05-31"), "2024-06-24", "Midsummer Eve, Midsummer Day, Sunday"),
				Arguments.of(List.of("2024-10-11"), "2024-11-01", "the Friday before All Saints' Day is a working day"),
				Arguments.of(List.of("2024-10-12"), "2024-11-04", "All Saints' Day on a Saturday"),
				Arguments.of(List.of("2023-11-25"), "2023-12-18", "ending on a Saturday"),
				Arguments.of(List.of("2023-11-26"), "2023-12-18", "ending on a Sunday"),
				Arguments.of(List.of("2027-12-10"), "2028-01-03", "New Year's Eve on a Friday, New Year's Day on a Saturday"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("appealPeriods")
	void appealPeriodEndsThreeWeeksAfterTheLastPostingOnADayALimitCanEnd(List<String> postings, String endsOn,
			String why) {
		LocalDate expected = LocalDate.parse(endsOn);
		assertThat(AppealPeriod.endsOn(postings.stream().map(LocalDate::parse).toList())).as(why).isEqualTo(expected);
	}

	static Stream<Arguments> easters() {
		return Stream.of(Arguments.of(2008, "2008-03-23"), Arguments.of(2019, "2019-04-21"),
				Arguments.of(2023, "2023-04-09"), Arguments.of(2024, "2024-03-31"), Arguments.of(2025, "2025-04-20"),
				Arguments.of(2038, "2038-04-25"), Arguments.of(2285, "2285-03-22"));
	}

	@ParameterizedTest(name = "Easter {0}")
	@MethodSource("easters")
	void computesEasterSunday(int year, String easter) {
		assertThat(SwedishCalendar.easterSunday(year)).isEqualTo(LocalDate.parse(easter));
	}

	@Test
	void knowsThePublicHolidaysOf2024() {
		assertThat(SwedishCalendar.publicHolidays(2024)).extracting(LocalDate::toString)
			.containsExactly("2024-01-01", "2024-01-06", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-01",
					"2024-05-09", "2024-05-19", "2024-06-06", "2024-06-22", "2024-11-02", "2024-12-25", "2024-12-26");
	}

	@Test
	void midsummerAndAllSaintsAreSaturdaysInTheirWeeks() {
		assertThat(SwedishCalendar.midsummerDay(2023)).isEqualTo("2023-06-24");
		assertThat(SwedishCalendar.publicHolidays(2023)).contains(LocalDate.parse("2023-11-04"));
		assertThat(SwedishCalendar.publicHolidays(2025)).contains(LocalDate.parse("2025-11-01"),
				LocalDate.parse("2025-06-21"));
	}

	@Test
	void aNoticeIsDueTheSecondDayAfterCertificationAndStaysUpUntilThePeriodEnds() {
		PublicNotice notice = new PublicNotice(1L, 1L, 1, 1L, "Nämnd", 1L, "Ludvika", LocalDate.parse("2023-12-05"),
				LocalDate.parse("2023-12-12"), "§§ 1–5", "Förvaltning");
		assertThat(notice.getDueBy()).isEqualTo("2023-12-14");
		assertThat(notice.isOverdue(LocalDate.parse("2023-12-14"))).isFalse();
		assertThat(notice.isOverdue(LocalDate.parse("2023-12-15"))).isTrue();
		notice.post(LocalDate.parse("2023-12-13"));
		notice.appealEnds(AppealPeriod.endsOn(List.of(LocalDate.parse("2023-12-13"))));
		assertThat(notice.isOverdue(LocalDate.parse("2023-12-15"))).isFalse();
		assertThat(notice.getTakeDownOn()).isEqualTo("2024-01-04");
		assertThat(notice.isUpOn(LocalDate.parse("2024-01-03"))).isTrue();
		assertThat(notice.isUpOn(LocalDate.parse("2024-01-04"))).isFalse();
	}

}
