package se.paragraf.demo;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import se.paragraf.internalcontrol.ControlPlan;
import se.paragraf.internalcontrol.ControlPoint;
import se.paragraf.internalcontrol.ControlPointDefinition;
import se.paragraf.internalcontrol.FollowUp;
import se.paragraf.internalcontrol.FollowUpContent;
import se.paragraf.internalcontrol.FollowUpResult;
import se.paragraf.internalcontrol.InternalControlManagement;
import se.paragraf.internalcontrol.Origin;
import se.paragraf.internalcontrol.Risk;
import se.paragraf.internalcontrol.RiskAnalysis;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;

/**
 * The seed's internal control 2023: Ludvika's regulation and risk matrix, the executive board's
 * plan with two common control points, GSN's own plan with one point, and GSN's follow-up dated
 * 30 August 2023 with one remark (MA) about the project model.
 */
@Component
@Profile("demo")
class InternalControlDemo implements DemoStep {

	private static final LocalDate FOLLOW_UP_DATE = LocalDate.of(2023, 8, 30);

	private final InternalControlManagement control;

	private final Organisation organisation;

	InternalControlDemo(InternalControlManagement control, Organisation organisation) {
		this.control = control;
		this.organisation = organisation;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void load() {
		Board gsn = this.organisation.board(DemoData.BOARD);
		Long ludvika = gsn.getHostMunicipalityId();
		Long itChef = this.organisation.persons()
			.stream()
			.filter(p -> p.getLastName().equals("Källsved"))
			.map(Person::getId)
			.findFirst()
			.orElse(null);
		this.control.setRegulation(ludvika, "KF 2016-08-29 § 137", """
				Intern kontroll ska ses som ett verktyg för att styra och utveckla verksamheten så att lagar, förordningar och övriga föreskrifter följs, men också så att de av fullmäktige fastställda målen för verksamhet och ekonomi nås.

				Kommunstyrelsen ska årligen fastställa en plan för kommunövergripande intern kontroll. Planen ska ange kommungemensamma kontrollpunkter som alla nämnder och helägda bolag ska följa upp. Planen ska föregås av en riskanalys.

				Även nämnderna och de berörda bolagens styrelser ska årligen fastställa varsin plan för intern kontroll, som ska baseras på den kommunövergripande planens kommungemensamma kontrollpunkter. Även nämndernas och bolagens planer ska föregås av en riskanalys.""");
		this.control.defineMatrix(ludvika, List.of("Osannolik", "Mindre sannolik", "Möjlig", "Sannolik"),
				List.of("Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"));

		RiskAnalysis common = this.control.startAnalysis(Origin.COMMON, ludvika, null, 2023);
		Risk introduction = this.control.addRisk(common.getId(), "Personal",
				"Nyanställda får en bristfällig introduktion", 3, 3,
				"Introduktionen varierar mellan verksamheterna och checklistan används inte alltid.");
		Risk projects = this.control.addRisk(common.getId(), "Styrning",
				"Projekt genomförs utan koncernens projektmodell", 3, 3,
				"Projekt utan gemensam modell riskerar att överskrida tid och budget.");
		ControlPlan ks = this.control.createPlan(Origin.COMMON, ludvika, null, 2023, common.getId(),
				"Kommunstyrelsen 2022-11-01 § 138", LocalDate.of(2022, 11, 1));
		ControlPoint checklist = point(ks, "Följs checklistan för introduktion vid nyanställning?", introduction,
				"Stickprov bland årets nyanställda", itChef);
		ControlPoint projectModel = point(ks, "Följs koncernens projektmodell?", projects,
				"Genomgång av årets projekt mot projektmodellens mallar", itChef);

		RiskAnalysis own = this.control.startAnalysis(Origin.BOARD, null, DemoData.BOARD, 2023);
		Risk workEnvironment = this.control.addRisk(own.getId(), "Arbetsmiljö",
				"Riskobservationer och tillbud anmäls inte i KIA-systemet", 2, 4,
				"Det förebyggande arbetsmiljöarbetet bygger på att riskerna blir kända.");
		ControlPlan board = this.control.createPlan(Origin.BOARD, null, DemoData.BOARD, 2023, own.getId(),
				"Gemensamma servicenämnden 2022-12-14 § 19", LocalDate.of(2022, 12, 14));
		ControlPoint kia = point(board, "Anmäls riskobservationer och tillbud i KIA systemet?", workEnvironment,
				"Genomgång av anmälningar i KIA och samtal på arbetsplatsträffar", itChef);

		followUp(checklist, gsn, FollowUpResult.NO_REMARK, null);
		followUp(projectModel, gsn, FollowUpResult.WITH_REMARK,
				"Mallar används som stöd, men beroende på projekt så uppväger inte den ökade administrationen den faktiska nyttan.");
		followUp(kia, gsn, FollowUpResult.NO_REMARK, null);
	}

	private ControlPoint point(ControlPlan plan, String question, Risk risk, String method, @Nullable Long responsible) {
		return this.control.addPoint(plan.getId(), new ControlPointDefinition(question, risk.getId(), method,
				"En gång per år", responsible, "IT-chef", "Gemensamma servicenämnden"));
	}

	private void followUp(ControlPoint point, Board board, FollowUpResult result, @Nullable String remark) {
		FollowUp followUp = this.control.recordFollowUp(point.getId(), board.getId(), 2023,
				new FollowUpContent(true, result, remark, FOLLOW_UP_DATE, List.of()));
		this.control.submit(followUp.getId(), followUp.getVersion());
	}

}
