package se.paragraf.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfidentialityUnitTests {

	@Test
	void aConfidentialMarkCarriesItsChapterAndSectionOfOsl() {
		Confidentiality mark = Confidentiality.confidential("OSL 21 kap. 1 §");

		assertThat(mark.isConfidential()).isTrue();
		assertThat(mark.getLegalGround()).isEqualTo("21 kap. 1 §");
		assertThat(mark.citation()).isEqualTo("21 kap. 1 § OSL");
		assertThat(Confidentiality.confidential("26 kap. 1 a § första stycket").getLegalGround())
			.isEqualTo("26 kap. 1 a § första stycket");
	}

	@Test
	void aMarkWithoutALegalGroundIsRefusedOnTheGroundField() {
		assertThatThrownBy(() -> Confidentiality.confidential("  ")).isInstanceOf(RuleViolation.class)
			.extracting("field", "code")
			.containsExactly("legalGround", "confidentiality.legalGround.required");
		assertThatThrownBy(() -> Confidentiality.of(true, "för att det är känsligt"))
			.isInstanceOf(RuleViolation.class)
			.extracting("code")
			.isEqualTo("confidentiality.legalGround.malformed");
	}

	@Test
	void publicContentHasNoGroundEvenIfOneWasTyped() {
		Confidentiality mark = Confidentiality.of(false, "21 kap. 1 §");

		assertThat(mark.isConfidential()).isFalse();
		assertThat(mark.getLegalGround()).isNull();
		assertThat(mark).isEqualTo(Confidentiality.open());
	}

}
