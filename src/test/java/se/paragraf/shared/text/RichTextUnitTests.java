package se.paragraf.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * What users write becomes HTML that accessibility checkers accept: a column's alignment is a class,
 * not the obsolete {@code align} attribute that HTML_CodeSniffer reports (WCAG 1.3.1, H49).
 */
class RichTextUnitTests {

	private final RichText richText = new RichText(List.of(), new StaticMessageSource());

	@Test
	void aMarkdownColumnAlignmentIsAClassNotTheObsoleteAlignAttribute() {
		String html = this.richText.toHtml("""
				| Projekt | Belopp |
				|:--|--:|
				| Nät | 1 mSEK |
				""");

		assertThat(html).doesNotContain("align=")
			.contains("<th class=\"align-right\">Belopp</th>")
			.contains("<td class=\"align-right\">1 mSEK</td>")
			.contains("<td class=\"align-left\">Nät</td>");
	}

	@Test
	void aPastedTableKeepsItsClassesAndLosesAlignAndScriptsAlike() {
		String html = this.richText
			.toHtml("<table class=\"votes\"><tr><td class=\"name\" align=\"CENTER\" onclick=\"x()\">Anna</td>"
					+ "<td align=\"justify\">Ja</td></tr></table>");

		assertThat(html).doesNotContain("align=", "onclick")
			.contains("<td class=\"name align-center\">Anna</td>")
			.contains("<td>Ja</td>");
	}

}
