package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.paragraf.shared.RuleViolation;

/**
 * Unit tests for {@link DiaryNumber}.
 */
class DiaryNumberUnitTests {

	@Test
	void readsAndWritesTheBoardPrefixYearAndSerial() {
		DiaryNumber number = DiaryNumber.parse(" gsn 2023 / 4 ");
		assertThat(number).isEqualTo(new DiaryNumber("GSN", 2023, 4));
		assertThat(number).hasToString("GSN2023/4");
	}

	@Test
	void refusesTextThatIsNotADiaryNumberAsAFieldError() {
		for (String bad : new String[] { "", "GSN2023", "2023/4", "GSN23/4", "GSN2023/0", "GSN2023/-1", "GSN 2023/4x" }) {
			assertThatThrownBy(() -> DiaryNumber.parse(bad)).isInstanceOfSatisfying(RuleViolation.class,
					v -> assertThat(v.field()).isEqualTo("diaryNumber"));
		}
	}

	@Test
	void ordersByPrefixThenYearThenSerialNumerically() {
		assertThat(DiaryNumber.parse("GSN2023/10")).isGreaterThan(DiaryNumber.parse("GSN2023/9"));
		assertThat(DiaryNumber.parse("GSN2024/1")).isGreaterThan(DiaryNumber.parse("GSN2023/99"));
	}

}
