package se.paragraf.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.paragraf.shared.RuleViolation;

/**
 * Unit tests for {@link KoladaClient} against recorded Kolada v3 responses served locally.
 */
class KoladaClientUnitTests {

	private static final String PATH = "/v3/data/kpi/N00945/municipality/2085/year/";

	private final RecordedKolada kolada = new RecordedKolada();

	@AfterEach
	void stop() {
		this.kolada.close();
	}

	@Test
	void readsTheValueForAllGendersOfEachPeriod() {
		this.kolada.serve(PATH + "2022,2023", "n00945-2085-2022-2023.json");

		List<KoladaValue> values = this.kolada.client().values("N00945", "2085", List.of(2023, 2022));

		assertThat(values).containsExactly(new KoladaValue("N00945", "2085", "2022", new BigDecimal("71.5")),
				new KoladaValue("N00945", "2085", "2023", new BigDecimal("74.2")));
	}

	@Test
	void skipsPeriodsKoladaHasNoValueFor() {
		this.kolada.serve(PATH + "2024", "n00945-2085-2024-missing.json");

		assertThat(this.kolada.client().values("N00945", "2085", List.of(2024))).isEmpty();
	}

	@Test
	void rejectsTruncatedJson() {
		this.kolada.serve(PATH + "2023", "malformed-truncated.json");

		assertThatThrownBy(() -> this.kolada.client().values("N00945", "2085", List.of(2023)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("plans.kolada.malformed");
	}

	@Test
	void rejectsAnAnswerWithoutValues() {
		this.kolada.serve(PATH + "2023", "malformed-no-values.json");

		assertThatThrownBy(() -> this.kolada.client().values("N00945", "2085", List.of(2023)))
			.hasMessage("plans.kolada.malformed");
	}

	@Test
	void rejectsAValueThatIsNotANumber() {
		this.kolada.serve(PATH + "2023", "malformed-text-value.json");

		assertThatThrownBy(() -> this.kolada.client().values("N00945", "2085", List.of(2023)))
			.hasMessage("plans.kolada.malformed");
	}

	@Test
	void givesUpOnASlowAnswerWithAClearMessage() {
		this.kolada.stall(PATH + "2023");

		assertThatThrownBy(() -> this.kolada.impatientClient().values("N00945", "2085", List.of(2023)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("plans.kolada.timeout");
	}

	@Test
	void reportsAnErrorStatus() {
		this.kolada.fail(PATH + "2023", 503);

		assertThatThrownBy(() -> this.kolada.client().values("N00945", "2085", List.of(2023)))
			.hasMessage("plans.kolada.status");
	}

	@Test
	void refusesAnInvalidKpiWithoutAsking() {
		assertThatThrownBy(() -> this.kolada.client().values("N0094", "2085", List.of(2023)))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("plans.kolada.kpiInvalid");
	}

}
