package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetUnitTests {

	@Test
	void aSnippetKeepsOnlyTheHighlightersMarks() {
		assertThat(SiteSearch.onlyMarks("Beslut om <mark>budget</mark> &amp; plan"))
			.isEqualTo("Beslut om <mark>budget</mark> &amp; plan");
	}

	@Test
	void markupInARawFallbackSnippetIsShownAsTextNeverRun() {
		assertThat(SiteSearch.onlyMarks("Se <a href=\"https://evil.example\">här</a><script>alert(1)</script>"))
			.doesNotContain("<a", "<script")
			.contains("&lt;a href=&quot;https://evil.example&quot;&gt;");
	}

}
