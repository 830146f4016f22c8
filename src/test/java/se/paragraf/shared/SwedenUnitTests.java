package se.paragraf.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** Dates, times and numbers as Swedish readers write them. */
class SwedenUnitTests {

	@Test
	void writesDatesWithTheMonthInWordsAndTheYearWithoutASeparator() {
		assertThat(Sweden.date(LocalDate.of(2023, 12, 5))).isEqualTo("5 december 2023");
		assertThat(Sweden.date(LocalDateTime.of(2024, 1, 2, 0, 0))).isEqualTo("2 januari 2024");
		assertThat(Sweden.weekdayDate(LocalDate.of(2023, 12, 5))).isEqualTo("tisdag 5 december 2023");
		assertThat(Sweden.dayAndMonth(LocalDate.of(2024, 10, 3))).isEqualTo("3 oktober");
		assertThat(Sweden.date(null)).isEmpty();
		assertThat(Sweden.year(2024)).isEqualTo("2024");
	}

	@Test
	void readsAnInstantInSwedishTime() {
		// 23:30 UTC on New Year's Eve is already the new year in Stockholm.
		Instant newYear = Instant.parse("2023-12-31T23:30:00Z");
		assertThat(Sweden.date(newYear)).isEqualTo("1 januari 2024");
		assertThat(Sweden.dateTime(newYear)).isEqualTo("1 januari 2024 kl.\u00a000:30");
	}

	@Test
	void writesTimeRangesWithAnEnDashAfterKl() {
		LocalDateTime start = LocalDateTime.of(2023, 12, 5, 10, 0);
		assertThat(Sweden.timeRange(start, start.plusHours(2))).isEqualTo("kl.\u00a010:00\u201312:00");
		assertThat(Sweden.timeRange(LocalTime.of(9, 5), null)).isEqualTo("kl.\u00a009:05");
		assertThat(Sweden.dateAndTimes(start, start.plusHours(2))).isEqualTo("5 december 2023, kl.\u00a010:00\u201312:00");
	}

	@Test
	void groupsThousandsWithANoBreakSpaceAndKeepsTheMinusSign() {
		assertThat(Sweden.number(76_944)).isEqualTo("76\u00a0944");
		assertThat(Sweden.number(-37_841)).isEqualTo("-37\u00a0841");
		assertThat(Sweden.number(-485)).isEqualTo("-485");
		assertThat(Sweden.number(0)).isEqualTo("0");
		assertThat(Sweden.number(1_000_000)).isEqualTo("1\u00a0000\u00a0000");
		assertThat(Sweden.number(Long.MIN_VALUE)).isEqualTo("-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808");
	}

}
