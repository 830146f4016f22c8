package se.paragraf.demo;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import se.paragraf.plans.IndicatorDefinition;
import se.paragraf.plans.OperationsPlan;
import se.paragraf.plans.PlanManagement;
import se.paragraf.plans.SectionKind;
import se.paragraf.plans.StrategicGoal;

/**
 * The seed's "Verksamhetsplan 2024 – IT-center" for GSN: two sections, four priorities, five
 * strategic goals 2022–2025 with their indicators, and three units.
 */
@Component
@Profile("demo")
class PlansDemo implements DemoStep {

	private final PlanManagement plans;

	PlansDemo(PlanManagement plans) {
		this.plans = plans;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void load() {
		OperationsPlan plan = this.plans.createPlan(DemoData.BOARD, 2024, "Verksamhetsplan 2024 – IT-center",
				"Verksamhetsplanen utgår från Riktlinjerna för Gemensamma Servicenämnden");
		Long id = plan.getId();
		this.plans.addSection(id, SectionKind.TEXT, "Koppling till medarbetarsamtal, uppdragsbeskrivning och lönekriterier",
				"""
						Utifrån verksamhetsplanen ska enheten sätta lönekriteriet som ska vara gemensamma för medarbetarna.

						Varje medarbetare har en uppdragsbeskrivning som årligen ska ses över i samband med medarbetarsamtal om inte behov uppstår under året.

						Medarbetaravstämningar genomförs var 6-8 vecka - vid det första samtalet sätts målen i förhållande till enhetens arbetsuppgifter och årets verksamhetsplan. Vid efterföljande samtal följs dessa mål upp, samt hur medarbetaren uppnår lönekriterierna""");
		this.plans.addSection(id, SectionKind.GOALS, "Mål och prioriteringar",
				"Följande avsnitt är hämtade från de beslutade riktlinjerna och ska ligga till grund för enheternas verksamhetsplaneringar samt individuella mål för varje medarbetare.");
		for (String priority : List.of(
				"Att utveckla Digitaliseringsportföljen, vilket är den beslutade IT-styrningsmodellen för Gemensamma Servicenämnden",
				"att rusta upp IT-infrastrukturen så att den uppnår de krav och behov som nämndens verksamheter har.",
				"Att stötta i arbetet med att implementera ny Digitaliseringsstrategi",
				"Att ta fram de styrdokument som behövs för att upprätthålla en stabil och uppdaterad IT-miljö.")) {
			this.plans.addPriority(id, priority);
		}
		goal(id, "Vi erbjuder en stabil och god service till verksamheten och kommunens medborgare",
				"Vårt uppdrag formas av kundens nuvarande och framtida behov. Vi erbjuder moderna och flexibla plattformar för att säkerställa god och effektiv service både nu och i framtiden.",
				"Mätvärde i årlig enkät");
		goal(id, "Vi stöttar kommunernas verksamheter i digitaliseringsutvecklingen",
				"Vi håller oss i framkant inom digitalisering. Genom detta verkar vi för att öka den digitala kompetensen för anställda och beslutsfattare Vi samarbetar med verksamheterna i deras digitaliseringsprojekt och stöttar verksamheterna i att erbjuda medborgare en attraktiv digital service",
				"Användande av e-tjänster", "Mätvärde i årlig enkät", "Mätvärde Digital Mognad");
		goal(id, "Vi strävar efter att nyttja de digitala resurserna optimalt med avseende på kostnad och kapacitet",
				"Vi bidrar till effektivisering och kvalitetshöjning i verksamheterna Genom samverkan, konsolidering och standardisering nyttjar vi resurserna optimalt",
				"Antal konsolideringsprojekt", "Antal samverkansprojekt");
		goal(id, "Vi arbetar för en klimatneutral verksamhet",
				"Vi arbetar för hållbarhet genom förlängd lifecyclehantering och återvinning för all IT-utrustning och elektronik. Vi ställer krav på social och miljömässig hållbarhet i våra upphandlingar",
				"Klimatrapporter från leverantör", "Antal utskrifter");
		goal(id, "Vi levererar en IT-infrastruktur som uppfyller de krav som ställs",
				"Vi levererar en IT-infrastruktur som är säker, tillgänglig och som uppfyller både lagkrav och verksamheternas krav. Vi är delaktiga i det koncernövergripande säkerhetsarbetet",
				"HEAT-map", "Antalet klienter och servrar som uppfyller rekommenderad säkerhetsnivå");
		this.plans.addUnit(id, "Digitalisering och innovation",
				"Arbetar för att ge verksamheterna ett strategiskt stöd i IT-frågor, både gällande säkerhet samt digitalisering. Enheten arbetar nära verksamheterna och stöttar dem i sitt digitaliseringsarbete. Ett av verktygen är utvecklandet och införandet av e-tjänster. En kartläggning är gjord och under 2024 kommer e-tjänster att produceras utifrån denna kartläggning samt nya behov. Ett annat viktigt område är att etablera systemförvaltning hos IT-center, samt stötta verksamheterna i sitt systemförvaltningsarbete");
		this.plans.addUnit(id, "Service och support",
				"Ger service och support till kommunernas slutanvändare, antingen via, mail, telefon eller ute i hos slutanvändaren. Ansvarig för IT-centers ärendehanteringssystem samt licenshantering. Under 2024 kommer enheten att utveckla det nya ärendehanteringssystemet, samt genomföra arbetet med nytt skrivaravtal för Smedjebacken eftersom nuvarande går ut i augusti 2024");
		this.plans.addUnit(id, "Teknik och arkitektur", """
				Förvaltar och utveckla kommunernas IT-plattform utifrån de krav som finns i dag samt de långsiktiga mål som tas fram. Ansvarar för målarkitektur, IT-infrastruktur samt alla dess tjänstekomponenter. Hanterar även systemdrift av de verksamhetssystem som verksamheten har avtalat med IT-center.

				Under 2023 ökade den tekniska skulden vilket medför att enheten kommer att prioritera detta arbete högre under 2024. Enheten har även som fokus att stötta i upprättande av systemförvaltningsmodell.""");
	}

	private void goal(Long planId, String title, String description, String... indicators) {
		StrategicGoal goal = this.plans.addGoal(planId, title, description, 2022, 2025);
		for (String indicator : indicators) {
			this.plans.addIndicator(goal.getId(), IndicatorDefinition.internal(indicator));
		}
	}

}
