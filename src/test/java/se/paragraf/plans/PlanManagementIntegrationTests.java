package se.paragraf.plans;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import se.paragraf.people.Board;
import se.paragraf.people.Municipality;
import se.paragraf.Characterisation;
import se.paragraf.people.Organisation;
import se.paragraf.people.UniqueBoards;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.text.RichText;

/**
 * The operations plan's rules: structure, measurements typed, imported and fetched from Kolada, and
 * its rendering in documents.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanManagementIntegrationTests {

	@Autowired
	PlanManagement plans;

	@Autowired
	Organisation organisation;

	@Autowired
	RichText richText;

	@Autowired
	Measurements measurements;

	Board board;

	Municipality municipality;

	@BeforeEach
	void board() {
		this.municipality = UniqueBoards.municipality(this.organisation);
		this.board = UniqueBoards.board(this.organisation, this.municipality);
	}

	@Test
	void rendersThePlanAsTheSeedsDocument() {
		OperationsPlan plan = this.plans.createPlan(this.board.getCode(), 2024, "Verksamhetsplan 2024", "Inledning");
		this.plans.addSection(plan.getId(), SectionKind.TEXT, "Koppling till medarbetarsamtal", "Första.\n\nAndra.");
		this.plans.addSection(plan.getId(), SectionKind.GOALS, "Mål och prioriteringar", "Ingress.");
		this.plans.addPriority(plan.getId(), "Att utveckla <portföljen>");
		this.plans.addPriority(plan.getId(), "Att rusta upp");
		StrategicGoal goal = this.plans.addGoal(plan.getId(), "Vi erbjuder service", "Beskrivning", 2022, 2025);
		this.plans.addIndicator(goal.getId(), IndicatorDefinition.internal("Mätvärde i årlig enkät"));
		this.plans.addIndicator(goal.getId(), IndicatorDefinition.internal("Antal utskrifter"));
		this.plans.addUnit(plan.getId(), "Service och support", "Ger service.");

		String html = this.richText.toHtml("{{plans.document board=" + this.board.getCode() + " year=2024}}");

		assertThat(html).contains("<h3>1. Koppling till medarbetarsamtal</h3><p>Första.</p><p>Andra.</p>")
			.contains("<h3>2. Mål och prioriteringar</h3><p>Ingress.</p><h4>2.1 Prioriteringar</h4>")
			.contains("<p>Prioriterat för verksamheten 2024 är:</p>")
			.contains("<li>Att utveckla &lt;portföljen&gt;</li><li>Att rusta upp</li>")
			.contains("<h4>2.2 Inriktningsmål 2022-2025</h4>")
			.contains("<th scope=\"col\">Inriktningsmål</th><th scope=\"col\">Beskrivning</th><th scope=\"col\">Indikatorer</th>")
			.contains("<td>Vi erbjuder service</td><td>Beskrivning</td><td>Mätvärde i årlig enkät<br/>Antal utskrifter</td>")
			.contains("<h4>2.3 Enhet - Service och support</h4><p>Ger service.</p>");
		assertThat(this.richText.toHtml("{{plans.goals board=" + this.board.getCode() + " year=2024}}"))
			.startsWith("<div class=\"embed embed-plans\"><table");
		assertThat(this.richText.toHtml("{{plans.goals board=" + this.board.getCode() + " year=1999}}"))
			.contains("embed-missing");
		for (String part : List.of("document", "sections", "priorities", "goals", "goallist", "units")) {
			Characterisation.assertUnchanged("plans-" + part,
					this.richText.toHtml("{{plans." + part + " board=" + this.board.getCode() + " year=2024}}"),
					Map.of("BOARD", this.board.getCode()));
		}
	}

	@Test
	void everyEmbedReadsItsArgumentsAlike() {
		for (String embed : List.of("plans.goals", "budget.activities", "internalcontrol.followup", "meetings.schedule")) {
			assertThat(this.richText.toHtml("{{" + embed + " board=NOSUCHBOARD year=2024 origin=common}}")).as(embed)
				.contains("Inbäddningen kunde inte visas: det finns ingen nämnd med koden &quot;NOSUCHBOARD&quot;.");
			assertThat(this.richText.toHtml("{{" + embed + " board=" + this.board.getCode() + " year=1999}}")).as(embed)
				.contains("Inbäddningen kunde inte visas: året måste vara mellan 2000 och 2100 (angivet: 1999).");
		}
		assertThat(this.richText.toHtml("{{internalcontrol.followup board=" + this.board.getCode()
				+ " year=2024 origin=nowhere}}"))
			.contains("Inbäddningen kunde inte visas: argumentet origin måste vara common eller board.");
	}

	@Test
	void keepsPrioritiesInTheirOrderAndMovesThemUp() {
		OperationsPlan plan = this.plans.createPlan(this.board.getCode(), 2024, "Plan", "");
		this.plans.addPriority(plan.getId(), "Först");
		Priority second = this.plans.addPriority(plan.getId(), "Sedan");

		this.plans.movePriorityUp(second.getId());

		assertThat(this.plans.priorities(plan.getId())).extracting(Priority::getText).containsExactly("Sedan", "Först");
	}

	@Test
	void rejectsASecondPlanForTheSameBoardAndYear() {
		this.plans.createPlan(this.board.getCode(), 2024, "Plan", "");

		assertThatThrownBy(() -> this.plans.createPlan(this.board.getCode(), 2024, "Igen", ""))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.field()).isEqualTo("year"))
			.hasMessage("plans.plan.exists");
	}

	@Test
	void rejectsAGoalWhosePeriodEndsBeforeItStarts() {
		OperationsPlan plan = this.plans.createPlan(this.board.getCode(), 2024, "Plan", "");

		assertThatThrownBy(() -> this.plans.addGoal(plan.getId(), "Mål", "", 2025, 2022))
			.hasMessage("plans.goal.periodReversed");
		assertThat(this.plans.goals(plan.getId())).isEmpty();
	}

	@Test
	void rejectsAKoladaIndicatorWithoutAValidKpi() {
		StrategicGoal goal = goal(2024);

		assertThatThrownBy(() -> this.plans.addIndicator(goal.getId(), new IndicatorDefinition("E-tjänster",
				IndicatorSource.KOLADA, "12345", "%", Direction.INCREASE, null, null)))
			.hasMessage("plans.kolada.kpiInvalid");
	}

	@Test
	void importsMeasurementsFromCsvAllOrNothing() {
		StrategicGoal goal = goal(2024);
		Indicator prints = this.plans.addIndicator(goal.getId(), IndicatorDefinition.internal("Antal utskrifter"));

		assertThatThrownBy(() -> this.plans.importMeasurements(goal.getPlanId(),
				"indikator;period;värde\nAntal utskrifter;2022;120 000\nOkänd;2023;5\n"))
			.hasMessage("plans.csv.unknownIndicator");
		assertThat(this.plans.measurements(prints.getId())).isEmpty();

		int imported = this.plans.importMeasurements(goal.getPlanId(),
				"indikator;period;värde\nAntal utskrifter;2022;120 000\n\"Antal utskrifter\";2023;98500,5\n");

		assertThat(imported).isEqualTo(2);
		assertThat(this.plans.measurements(prints.getId())).extracting(Measurement::getPeriod, m -> m.getValue().stripTrailingZeros())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2022", new BigDecimal("1.2E+5")),
					org.assertj.core.groups.Tuple.tuple("2023", new BigDecimal("98500.5")));
	}

	@Test
	void importsMeasurementsWhoseCsvCellsHoldQuotedLineBreaksAndSemicolons() {
		StrategicGoal goal = goal(2024);
		Indicator safety = this.plans.addIndicator(goal.getId(), IndicatorDefinition.internal("Nöjdhet; trygghet"));
		// Excel's "CSV (semikolonavgränsad)" of a sheet whose header wraps its text.
		String csv = "indikator;period;\"värde\r\n(procent)\"\r\n\"Nöjdhet; trygghet\";2023;\"81,5\"\r\n"
				+ "\"Nöjdhet; trygghet\";2024;83\r\n;;\r\n";

		int imported = this.plans.importMeasurements(goal.getPlanId(), csv);

		assertThat(imported).isEqualTo(2);
		assertThat(this.plans.measurements(safety.getId())).extracting(Measurement::getPeriod, m -> m.getValue().stripTrailingZeros())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2023", new BigDecimal("81.5")),
					org.assertj.core.groups.Tuple.tuple("2024", new BigDecimal("83")));
		assertThatThrownBy(() -> this.plans.importMeasurements(goal.getPlanId(),
				"indikator;period;\"värde\n(procent)\"\n\"Nöjdhet; trygghet\";2025;x\n"))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.arguments()).containsExactly(2, "x"))
			.hasMessage("plans.csv.value");
		assertThatThrownBy(() -> this.plans.importMeasurements(goal.getPlanId(),
				"indikator;period;värde\n\"Nöjdhet; trygghet;2025;1\n"))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> assertThat(ex.arguments()).containsExactly(2))
			.hasMessage("plans.csv.unclosedQuote");
		assertThat(this.plans.measurements(safety.getId())).hasSize(2);
	}

	@Test
	void rejectsAMeasurementForAnInvalidPeriod() {
		Indicator indicator = this.plans.addIndicator(goal(2024).getId(), IndicatorDefinition.internal("Enkät"));

		assertThatThrownBy(() -> this.plans.recordMeasurement(indicator.getId(), "förra året", BigDecimal.ONE))
			.hasMessage("plans.measurement.periodInvalid");
	}

	@Test
	void fetchesKoladaValuesAndShowsTheirSource() {
		Indicator indicator = koladaIndicator(goal(2024));
		try (RecordedKolada kolada = new RecordedKolada()) {
			kolada.serve(path("2022,2023"), "n00945-2085-2022-2023.json");

			PlanManagement.KoladaImport done = this.plans.fetchFromKolada(planOf(indicator), List.of(2022, 2023),
					kolada.client());

			assertThat(done).isEqualTo(new PlanManagement.KoladaImport(1, 2, 0));
		}
		assertThat(this.plans.measurements(indicator.getId())).extracting(Measurement::getSource)
			.containsOnly(MeasurementSource.KOLADA);
		assertThat(this.richText.toHtml("{{plans.goals board=" + this.board.getCode() + " year=2024}}"))
			.contains("E-tjänster: 74,2 % (2023), mål 80. Källa: Kolada")
			.doesNotContain("Reviderat");
	}

	@Test
	void flagsAKoladaValueRevisedAfterThePlanWasDecided() {
		Indicator indicator = koladaIndicator(goal(2024));
		Long planId = planOf(indicator);
		try (RecordedKolada kolada = new RecordedKolada()) {
			kolada.serve(path("2022,2023"), "n00945-2085-2022-2023.json").serve(path("2023"), "n00945-2085-2023-revised.json");
			this.plans.fetchFromKolada(planId, List.of(2022, 2023), kolada.client());
			this.plans.decide(planId, LocalDate.now(Sweden.ZONE).minusDays(2));

			PlanManagement.KoladaImport done = this.plans.fetchFromKolada(planId, List.of(2023), kolada.client());

			assertThat(done.revised()).isEqualTo(1);
		}
		Measurement revised = this.measurements.findByIndicatorIdAndPeriod(indicator.getId(), "2023").orElseThrow();
		assertThat(revised.getValue()).isEqualByComparingTo("75.0");
		assertThat(revised.getPreviousValue()).isEqualByComparingTo("74.2");
		assertThat(this.richText.toHtml("{{plans.goals board=" + this.board.getCode() + " year=2024}}"))
			.contains("E-tjänster: 75 % (2023)")
			.contains("Reviderat av Kolada efter att planen beslutades; tidigare värde 74,2.");
		Characterisation.assertUnchanged("plans-goals-revised",
				this.richText.toHtml("{{plans.goals board=" + this.board.getCode() + " year=2024}}"),
				Map.of("BOARD", this.board.getCode()));
	}

	@Test
	void savesNothingWhenKoladaAnswersMalformedOrSlowly() {
		Indicator first = koladaIndicator(goal(2024));
		Long planId = planOf(first);
		StrategicGoal other = this.plans.addGoal(planId, "Annat mål", "", 2022, 2025);
		this.plans.addIndicator(other.getId(), new IndicatorDefinition("Nöjdhet", IndicatorSource.KOLADA, "U00405", "%",
				Direction.INCREASE, null, null));
		try (RecordedKolada kolada = new RecordedKolada()) {
			kolada.serve(path("2022,2023"), "n00945-2085-2022-2023.json")
				.serve("/v3/data/kpi/U00405/municipality/" + this.municipality.getCode() + "/year/2022,2023",
						"malformed-truncated.json");

			assertThatThrownBy(() -> this.plans.fetchFromKolada(planId, List.of(2022, 2023), kolada.client()))
				.hasMessage("plans.kolada.malformed");

			kolada.stall("/v3/data/kpi/U00405/municipality/" + this.municipality.getCode() + "/year/2022,2023");
			assertThatThrownBy(() -> this.plans.fetchFromKolada(planId, List.of(2022, 2023), kolada.impatientClient()))
				.hasMessage("plans.kolada.timeout");
		}
		assertThat(this.plans.measurements(first.getId())).isEmpty();
	}

	private StrategicGoal goal(int year) {
		OperationsPlan plan = this.plans.findPlan(this.board.getCode(), year)
			.orElseGet(() -> this.plans.createPlan(this.board.getCode(), year, "Plan " + year, ""));
		this.plans.addSection(plan.getId(), SectionKind.GOALS, "Mål", "");
		return this.plans.addGoal(plan.getId(), "Vi stöttar digitaliseringen", "", 2022, 2025);
	}

	private Indicator koladaIndicator(StrategicGoal goal) {
		return this.plans.addIndicator(goal.getId(), new IndicatorDefinition("E-tjänster", IndicatorSource.KOLADA,
				"n00945", "%", Direction.INCREASE, new BigDecimal("70"), new BigDecimal("80")));
	}

	private Long planOf(Indicator indicator) {
		return this.plans.goal(indicator.getGoalId()).getPlanId();
	}

	private String path(String years) {
		return "/v3/data/kpi/N00945/municipality/" + this.municipality.getCode() + "/year/" + years;
	}


}
