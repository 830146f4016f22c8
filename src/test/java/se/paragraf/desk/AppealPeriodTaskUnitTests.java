package se.paragraf.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.paragraf.proceedings.NoticeBoardPostings.Posting;

/**
 * Unit tests for the secretary's task "Överklagandetiden löper ut": it shows once every partner
 * municipality has posted the certification, is due on the last day of the appeal period (which
 * follows the last posting), and goes when the period has ended.
 */
class AppealPeriodTaskUnitTests {

	static final LocalDate TODAY = LocalDate.of(2023, 12, 20);

	@Test
	void showsWhileThePeriodRunsDueOnItsLastDay() {
		List<Posting> postings = List.of(posted("Ludvika", 12, 14, LocalDate.of(2024, 1, 5)),
				posted("Smedjebacken", 12, 15, LocalDate.of(2024, 1, 5)));
		assertThat(Desk.appealEnds(postings, TODAY)).contains(LocalDate.of(2024, 1, 5));
		assertThat(Desk.appealEnds(postings, LocalDate.of(2024, 1, 5))).contains(LocalDate.of(2024, 1, 5));
	}

	@Test
	void isNotShownBeforeEveryMunicipalityHasPostedTheCertification() {
		List<Posting> postings = List.of(posted("Ludvika", 12, 14, LocalDate.of(2024, 1, 4)),
				new Posting("Smedjebacken", null, null, null, LocalDate.of(2023, 12, 16)));
		assertThat(Desk.appealEnds(postings, TODAY)).isEmpty();
		assertThat(Desk.appealEnds(List.of(), TODAY)).isEmpty();
	}

	@Test
	void goesOnceTheAppealPeriodHasEnded() {
		List<Posting> postings = List.of(posted("Ludvika", 12, 14, LocalDate.of(2024, 1, 4)));
		assertThat(Desk.appealEnds(postings, LocalDate.of(2024, 1, 5))).isEmpty();
	}

	private static Posting posted(String municipality, int month, int day, LocalDate appealEndsOn) {
		return new Posting(municipality, LocalDate.of(2023, month, day), appealEndsOn.plusDays(1), appealEndsOn,
				LocalDate.of(2023, month, day));
	}

}
