package se.paragraf.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How Swedish text is cut into searchable terms. Words are lowercased and reduced to their stem
 * (Snowball's Swedish stemmer, with a few definite forms of board words it leaves whole); å, ä and ö
 * stay letters of their own, so "får" never finds "far". Compound words are indexed with the parts
 * found in a small dictionary of board vocabulary as well, so "verksamhetsplan" is found by "plan"
 * and by "verksamhet"; the query side does not split, so searching "verksamhetsplan" still means
 * the compound.
 *
 * <p>The same analyzers serve the application's index (through Hibernate Search) and the search
 * benchmark (through a plain Lucene {@code IndexWriter}).
 */
public final class SwedishAnalysis implements LuceneAnalysisConfigurer {

	/** Analyzer of indexed text: stems plus the parts of compounds. */
	public static final String INDEXING = "swedish";

	/** Analyzer of query text: stems, compounds kept whole. */
	public static final String QUERY = "swedish_query";

	static final String COMPOUNDS = "compounds.txt";

	static final String STEM_OVERRIDES = "stem-overrides.txt";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(INDEXING).instance(indexing());
		context.analyzer(QUERY).instance(query());
	}

	public static Analyzer indexing() {
		return build(true);
	}

	public static Analyzer query() {
		return build(false);
	}

	private static Analyzer build(boolean splitCompounds) {
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer.builder(new ClasspathResourceLoader(SwedishAnalysis.class))
				.withTokenizer(StandardTokenizerFactory.class)
				.addTokenFilter(LowerCaseFilterFactory.class);
			if (splitCompounds) {
				builder.addTokenFilter(DictionaryCompoundWordTokenFilterFactory.class, "dictionary", COMPOUNDS,
						"minSubwordSize", "3", "onlyLongestMatch", "false");
			}
			return builder.addTokenFilter(StemmerOverrideFilterFactory.class, "dictionary", STEM_OVERRIDES)
				.addTokenFilter(SnowballPorterFilterFactory.class, "language", "Swedish")
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The Swedish analysis resources are missing", ex);
		}
	}

}
