package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The Swedish analysis: a word in the query finds a document when the query's terms are among the
 * document's. These are the terms the index and the query are built from.
 */
class SwedishAnalysisUnitTests {

	private final Analyzer indexing = SwedishAnalysis.indexing();

	private final Analyzer query = SwedishAnalysis.query();

	@Test
	void inflectedFormsFindEachOther() throws IOException {
		assertThat(finds("budget", "Budgeten för 2024")).isTrue();
		assertThat(finds("budgetar", "Nämndens budget")).isTrue();
		assertThat(finds("nämnder", "Gemensamma nämnden")).isTrue();
		assertThat(finds("planen", "En plan för året")).isTrue();
		assertThat(finds("ärende", "Ärendet bordläggs")).isTrue();
		assertThat(finds("protokoll", "Protokollet justeras")).isTrue();
	}

	@Test
	void aRingAndDiaeresesAreLettersOfTheirOwn() throws IOException {
		assertThat(finds("får", "Nämnden får besluta")).isTrue();
		assertThat(finds("far", "Nämnden får besluta")).isFalse();
		assertThat(finds("får", "Min far kom")).isFalse();
		assertThat(finds("år", "Under året")).isTrue();
		assertThat(finds("ar", "Under året")).isFalse();
		assertThat(finds("mål", "Målen för verksamheten")).isTrue();
		assertThat(finds("mal", "Målen för verksamheten")).isFalse();
	}

	@Test
	void compoundsAreFoundByTheirParts() throws IOException {
		assertThat(finds("plan", "Verksamhetsplan 2024")).isTrue();
		assertThat(finds("verksamhet", "Verksamhetsplan 2024")).isTrue();
		assertThat(finds("kontroll", "Internkontrollplan för IT-center")).isTrue();
		assertThat(finds("intern", "Internkontrollplan för IT-center")).isTrue();
		assertThat(finds("nämnd", "Gemensamma servicenämnden")).isTrue();
		assertThat(finds("service", "Gemensamma servicenämnden")).isTrue();
		assertThat(finds("budget", "Driftbudgeten")).isTrue();
	}

	@Test
	void aCompoundInTheQueryMeansTheCompoundNotItsParts() throws IOException {
		assertThat(finds("verksamhetsplan", "Verksamhetsplanen antas")).isTrue();
		assertThat(finds("verksamhetsplan", "En plan för verksamheten")).isFalse();
	}

	/** Whether every term of the query is among the document's terms. */
	private boolean finds(String words, String document) throws IOException {
		Set<String> indexed = new HashSet<>(terms(this.indexing, document));
		return indexed.containsAll(terms(this.query, words));
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}
