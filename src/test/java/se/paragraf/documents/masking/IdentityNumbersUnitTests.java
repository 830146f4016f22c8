package se.paragraf.documents.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unit tests for {@link IdentityNumbers}: which personnummer and samordningsnummer are found, and
 * which look-alikes are not. Numbers are Skatteverket's test numbers (19121212-1212, 811218-9876,
 * 640823-3234) or made up with a computed check digit.
 */
class IdentityNumbersUnitTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

	@ParameterizedTest
	@ValueSource(strings = { "19121212-1212", "191212121212", "121212-1212", "1212121212", "811218-9876",
			"8112189876", "19811218-9876", "640823-3234", "121212+1212" })
	void findsAValidPersonnummerInEveryWrittenForm(String number) {
		assertThat(IdentityNumbers.find(number, TODAY)).singleElement()
			.satisfies(found -> assertThat(found.text()).isEqualTo(number));
	}

	@Test
	void reportsTheSameTenDigitsHoweverTheNumberIsWritten() {
		assertThat(IdentityNumbers.find("19121212-1212, 191212121212 och 121212-1212", TODAY))
			.extracting(IdentityNumbers.Found::digits)
			.containsExactly("1212121212", "1212121212", "1212121212");
	}

	@Test
	void placesAShortNumberInTheLatestCenturyThatIsNotInTheFutureAndAPlusACenturyEarlier() {
		assertThat(born("811218-9876")).isEqualTo(LocalDate.of(1981, 12, 18));
		assertThat(born("121212-1212")).isEqualTo(LocalDate.of(2012, 12, 12));
		assertThat(born("121212+1212")).isEqualTo(LocalDate.of(1912, 12, 12));
	}

	@ParameterizedTest
	@ValueSource(strings = { "19121212-1213", "121212-1211", "8112189870", "640823-3230" })
	void rejectsAWrongCheckDigit(String number) {
		assertThat(IdentityNumbers.find(number, TODAY)).isEmpty();
	}

	@ParameterizedTest
	// Each has a valid check digit: 31 February, month 13, day 00, 29 February 1900 (no leap year),
	// century 21.
	@ValueSource(strings = { "990231-1233", "991301-1236", "19990231-1233", "000229+1235", "19000229-1235",
			"21121212-1212" })
	void rejectsDatesThatDoNotExistEvenWithAValidCheckDigit(String number) {
		assertThat(IdentityNumbers.luhnValid(tenDigits(number))).as("check digit of %s", number).isTrue();
		assertThat(IdentityNumbers.find(number, TODAY)).isEmpty();
	}

	@Test
	void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
		assertThat(born("000229-1235")).isEqualTo(LocalDate.of(2000, 2, 29));
		assertThat(born("20000229-1235")).isEqualTo(LocalDate.of(2000, 2, 29));
	}

	@Test
	void findsASamordningsnummerWithTheDayPlusSixty() {
		List<IdentityNumbers.Found> found = IdentityNumbers.find("Samordningsnummer 701063-2342.", TODAY);
		assertThat(found).singleElement().satisfies(n -> {
			assertThat(n.coordination()).isTrue();
			assertThat(n.born()).isEqualTo(LocalDate.of(1970, 10, 3));
		});
		assertThat(born("900191-2345")).isEqualTo(LocalDate.of(1990, 1, 31));
		assertThat(IdentityNumbers.find("811218-9876", TODAY).get(0).coordination()).isFalse();
	}

	@ParameterizedTest
	// Check digits valid: day 92 (over 91), 91 in a 30-day month (= 31 April), 60 (= day 0).
	@ValueSource(strings = { "851092-1235", "850491-2349", "850460-2346" })
	void rejectsASamordningsnummerWhoseDayLessSixtyIsNoDate(String number) {
		assertThat(IdentityNumbers.luhnValid(tenDigits(number))).as("check digit of %s", number).isTrue();
		assertThat(IdentityNumbers.find(number, TODAY)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tel 0701212121212", "konto 1212121212121", "81218-98765", "5-811218-9876",
			"811218-9876-1", "1.1212121212", "1212121212,50 kr", "X1212121212", "811218-9876Z", "3 811218-98765",
			"GSN2023/4", "GSN2023/1212121212", "1 234 567", "+461212121212", "811218-98", "8112-189876" })
	void ignoresNumbersInsideLongerNumbersOrCodes(String text) {
		assertThat(IdentityNumbers.find(text, TODAY)).as(text).isEmpty();
	}

	@Test
	void findsNumbersAtTheStartAndEndOfTextAndBesidePunctuation() {
		assertThat(IdentityNumbers.find("121212-1212", TODAY)).hasSize(1);
		assertThat(IdentityNumbers.find("Sökande: 19121212-1212", TODAY)).hasSize(1);
		assertThat(IdentityNumbers.find("(811218-9876), \"640823-3234\"; 121212-1212. Slut", TODAY))
			.extracting(IdentityNumbers.Found::text)
			.containsExactly("811218-9876", "640823-3234", "121212-1212");
		assertThat(IdentityNumbers.find("pnr:811218-9876!", TODAY)).hasSize(1);
		assertThat(IdentityNumbers.find("Anna Andersson 811218-9876\nBo Berg 640823-3234", TODAY)).hasSize(2);
	}

	@Test
	void givesTheOffsetsOfEachNumberInTheText() {
		String text = "Sökande Anna, 811218-9876, bor i Solna.";
		IdentityNumbers.Found found = IdentityNumbers.find(text, TODAY).get(0);
		assertThat(text.substring(found.start(), found.end())).isEqualTo("811218-9876");
	}

	@Test
	void tellsWhetherAWholeTextIsOneNumber() {
		assertThat(IdentityNumbers.isIdentityNumber(" 19121212-1212 ", TODAY)).isTrue();
		assertThat(IdentityNumbers.isIdentityNumber("pnr 19121212-1212", TODAY)).isFalse();
	}

	private static String tenDigits(String number) {
		String digits = number.replaceAll("\\D", "");
		return digits.substring(digits.length() - 10);
	}

	private static LocalDate born(String number) {
		return IdentityNumbers.find(number, TODAY).get(0).born();
	}

}
