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
	void aTextSplitsIntoLinesAtEveryLineBreakJustAsTheRegularExpressionDid() {
		for (String text : List.of("", "one", "a\nb", "a\r\nb", "a\rb\n", "a\n\nb\r\n\r\n", "a\u2028b\u0085c\u000Bd\fe\u2029",
				"\r\n\n\r", "{{ budget.totals }}\r\ntext")) {
			assertThat(RichText.lines(text)).as(text).containsExactly(text.split("\\R", -1));
		}
	}

	@Test
	void anEmbedLineAfterWindowsLineBreaksIsStillAnEmbed() {
		assertThat(this.richText.toEditorHtml("Före\r\n{{ budget.totals }}\r\nEfter"))
			.contains("<p>Före</p>", "data-trix-attachment", "<p>Efter</p>");
	}

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

	@Test
	void editorHtmlWithAScriptOrAnEventHandlerIsCleanedBeforeItIsStored() {
		String stored = this.richText.fromEditor("<div>Hej <strong onclick=\"steal()\">alla</strong><script>alert(1)</script></div>"
				+ "<img src=x onerror=\"alert(2)\"><div><a href=\"javascript:alert(3)\" onmouseover=\"x()\">länk</a></div>");

		assertThat(stored).doesNotContain("script", "onclick", "onerror", "onmouseover", "javascript:", "<img")
			.contains("<div>Hej <strong>alla</strong></div>")
			.contains("länk");
		assertThat(this.richText.toHtml(stored)).doesNotContain("script", "onclick", "onerror", "javascript:");
	}

	@Test
	void anEmbedInsertedFromTheMenuIsStoredAsItsOwnLineBetweenTheTextAroundIt() {
		String figure = RichText.attachment("{{budget.activities board=GSN year=2024}}");

		String stored = this.richText.fromEditor("<div>Före tabellen<br>" + figure + "<br>efter tabellen</div><ul><li>punkt</li></ul>");

		assertThat(stored).isEqualTo("""
				<div>Före tabellen</div>
				{{budget.activities board=GSN year=2024}}
				<div>efter tabellen</div>
				<ul><li>punkt</li></ul>""");
		assertThat(this.richText.toEditorHtml(stored)).contains("data-trix-content-type=\"application/vnd.paragraf.embed\"")
			.contains("Före tabellen");
		assertThat(this.richText.fromEditor(this.richText.toEditorHtml(stored))).as("a round trip through the editor")
			.isEqualTo(stored);
	}

	@Test
	void anEmbedLineTypedAloneInTheEditorIsAnEmbedToo() {
		assertThat(this.richText.fromEditor("<div>{{plans.goals board=GSN year=2024}}</div><div>Text</div>"))
			.isEqualTo("{{plans.goals board=GSN year=2024}}\n<div>Text</div>");
	}

	@Test
	void anEmbedInsertedInsideAListMovesToJustAfterTheListSoThatItShowsLive() {
		String figure = RichText.attachment("{{plans.goals board=GSN year=2024}}");

		assertThat(this.richText.fromEditor("<ul><li>abonnemang</li><li>tim" + figure + "</li></ul><div>Sist</div>"))
			.isEqualTo("<ul><li>abonnemang</li><li>tim</li></ul>\n{{plans.goals board=GSN year=2024}}\n<div>Sist</div>");
	}

}
