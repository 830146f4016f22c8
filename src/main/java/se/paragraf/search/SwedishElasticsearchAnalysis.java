package se.paragraf.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The Swedish analysis of {@link SwedishAnalysis} as an Elasticsearch/OpenSearch cluster defines it,
 * from the same word lists, for deployments that configure that backend.
 */
public final class SwedishElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.tokenFilter("paragraf_compounds")
			.type("dictionary_decompounder")
			.param("word_list", lines(SwedishAnalysis.COMPOUNDS).toArray(String[]::new))
			.param("min_subword_size", 3);
		context.tokenFilter("paragraf_stem_overrides")
			.type("stemmer_override")
			.param("rules", lines(SwedishAnalysis.STEM_OVERRIDES).stream()
				.map(line -> line.replace('\t', ' ').replaceFirst(" +", " => "))
				.toArray(String[]::new));
		context.tokenFilter("paragraf_swedish_stemmer").type("snowball").param("language", "Swedish");
		context.analyzer(SwedishAnalysis.INDEXING)
			.custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "paragraf_compounds", "paragraf_stem_overrides", "paragraf_swedish_stemmer");
		context.analyzer(SwedishAnalysis.QUERY)
			.custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "paragraf_stem_overrides", "paragraf_swedish_stemmer");
	}

	private static List<String> lines(String resource) {
		try (InputStream in = SwedishAnalysis.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
