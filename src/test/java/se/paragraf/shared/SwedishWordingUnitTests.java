package se.paragraf.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Counts and years in the message bundles as a Swedish reader expects them: singular for one
 * ("1 risk"), the number of members still needed in a sentence ("det behövs 3 ledamöter till"), and a
 * year never with a thousands separator ("2024", not "2 024").
 */
class SwedishWordingUnitTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void saysOneRiskAndTwoRisks() {
		assertThat(sv("internalcontrol.analysis.name", "IT-center", 1)).isEqualTo("Riskanalys, IT-center (1 risk)");
		assertThat(sv("internalcontrol.analysis.name", "IT-center", 2)).isEqualTo("Riskanalys, IT-center (2 risker)");
		assertThat(sv("internalcontrol.analysis.name", "IT-center", 0)).isEqualTo("Riskanalys, IT-center (inga risker)");
	}

	@Test
	void saysHowManyMoreMembersTheQuorumNeeds() {
		assertThat(sv("conduct.quorum.no", 3)).isEqualTo("Nej, det behövs 3 ledamöter till");
		assertThat(sv("conduct.quorum.no", 1)).isEqualTo("Nej, det behövs 1 ledamot till");
		assertThat(sv("conduct.quorum.missing", 2, 7, 2)).isEqualTo(
				"Nämnden är inte beslutför: 2 av 7 ledamöter tjänstgör, och det behövs 2 ledamöter till. Inget beslut har registrerats.");
	}

	@Test
	void countsInSingularAndPlural() {
		assertThat(sv("search.total", 1)).isEqualTo("1 träff");
		assertThat(sv("search.total", 12_000)).isEqualTo("12\u00a0000 träffar");
		assertThat(sv("register.count", 1)).isEqualTo("1 ärende");
		assertThat(sv("publicMeeting.pdfPages", 1)).isEqualTo("PDF, 1 sida");
		assertThat(sv("publicMeeting.pdfPages", 16)).isEqualTo("PDF, 16 sidor");
		assertThat(sv("schedule.planned", 5)).isEqualTo("5 sammanträden är inlagda.");
		assertThat(sv("internalcontrol.report.summary", 1, 0)).isEqualTo("1 kontrollpunkt, alla uppföljda.");
	}

	@Test
	void theDecisionOnExtraItemsSaysWhatHappened() {
		assertThat(sv("decision.extraItems.none")).isEqualTo("Inga extra ärenden anmäldes.");
		assertThat(sv("decision.extraItems", "GSN2023/40 Skrivare", "Gemensamma servicenämnden", 1))
			.isEqualTo("Gemensamma servicenämnden beslutar att ta upp GSN2023/40 Skrivare som extra ärende.");
		assertThat(sv("decision.extraItems", "GSN2023/40 Skrivare; GSN2023/41 Licenser", "Gemensamma servicenämnden", 2))
			.isEqualTo("Gemensamma servicenämnden beslutar att ta upp följande som extra ärenden: "
					+ "GSN2023/40 Skrivare; GSN2023/41 Licenser.");
	}

	@Test
	void writesYearsWithoutAThousandsSeparator() {
		assertThat(sv("meetings.ofYear", "Gemensamma servicenämnden", 2024))
			.isEqualTo("Sammanträden Gemensamma servicenämnden 2024");
		assertThat(sv("budget.version.heading", "GSN", 2024, 2)).isEqualTo("Budget 2024 – GSN, version 2");
		assertThat(sv("budget.versions.heading", "GSN", 2024)).isEqualTo("Budget 2024 – GSN");
		assertThat(sv("budget.list.open", "GSN", 2024)).isEqualTo("Visa budget GSN 2024");
		assertThat(sv("budget.table.net", 2024)).isEqualTo("Netto budget 2024");
	}

	private String sv(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Sweden.LOCALE);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/messages", "messages/meetings", "messages/budget", "messages/internalcontrol",
				"messages/search", "messages/publication");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
