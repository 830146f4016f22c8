package se.paragraf.search;

import java.io.IOException;
import java.io.StringReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.PGConnection;

/**
 * Search over a generated archive of Swedish board documents: the same corpus and the same queries
 * against a Lucene index built with the application's Swedish analyzers and field layout, and against
 * PostgreSQL full-text search ('swedish' configuration, GIN index). Each query does what a search
 * page does: the top ten by relevance with their snippets, the total, and the counts per board, year
 * and kind, among public entries and with the query's facet and date filters. Not a test: run it
 * with bench/search.sh (see docs/benchmarks.md).
 * <p>
 * Lucene queries the way {@link SiteSearch} does (issue 12): sorted by score, then newest first, the
 * total counted exactly only up to {@link #EXACT_COUNT_LIMIT} (so that Lucene may skip hits that cannot
 * reach the top ten), and the facet counts made, in a second pass, only when the total is exact.
 * {@code BREAKDOWN=1} also runs issue 6's strategy (every hit scored and counted, facets always) on
 * the same index for comparison.
 */
public final class SearchBenchmark {

	static final long SEED = 20231205L;

	/** What {@code paragraf.search.exact-count-limit} is by default. */
	static final int EXACT_COUNT_LIMIT = 10_000;

	/** The application's order: relevance, then the newest first. */
	static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField("date", SortField.Type.LONG, true));

	static final String[] KINDS = { "MATTER", "OFFICER_REPORT", "DECISION", "MINUTES", "NOTICE", "ATTACHMENT" };

	static final String[] BOARD_WORDS = { "verksamhetsplan", "detaljbudget", "internkontroll", "internkontrollplan",
			"uppföljning", "delårsrapport", "årsredovisning", "sammanträdesplan", "servicenämnden", "nämnden",
			"ärendet", "beslutet", "protokollet", "kallelse", "budgetram", "investeringsbudget", "driftbudget",
			"licensavtal", "upphandling", "avtal", "riskanalys", "kontrollmoment", "personalkostnader", "it-center",
			"ledningssystem", "informationssäkerhet", "dataskydd", "bredband", "skolan", "förskola", "äldreomsorg",
			"hemtjänst", "socialtjänst", "bygglov", "detaljplan", "översiktsplan", "miljötillsyn", "livsmedelskontroll",
			"taxa", "avgifter", "revisionen", "måluppfyllelse", "indikatorer", "budgetuppföljning", "prognos",
			"underskott", "överskott", "återremiss", "bordläggning", "delegationsordning", "attestordning",
			"arbetsmiljö", "sjukfrånvaro", "digitalisering", "e-tjänster", "växel", "telefoni", "servicedesk" };

	static final String[] TITLE_HEADS = { "Verksamhetsplan", "Detaljbudget", "Internkontrollplan", "Uppföljning av",
			"Delårsrapport", "Sammanträdesplan", "Yttrande över", "Revidering av", "Information om", "Beslut om",
			"Upphandling av", "Taxa för", "Riktlinjer för", "Redovisning av", "Avtal om", "Motion om", "Medborgarförslag om" };

	public static void main(String[] args) throws Exception {
		int documents = Integer.parseInt(arg(args, 0, "1000000"));
		Path indexDir = Path.of(arg(args, 1, "target/search-bench/index"));
		String pgUrl = arg(args, 2, "jdbc:postgresql://127.0.0.1:5432/paragraf_bench?user=postgres");
		String seedFile = arg(args, 3, "/work/shared/seed/gsn-kallelse-2023-12-05.txt");
		boolean reuse = Boolean.parseBoolean(arg(args, 4, "false"));

		Corpus corpus = new Corpus(vocabulary(Path.of(seedFile)));
		List<BenchQuery> queries = corpus.queries(100);

		if (!reuse || !Files.exists(indexDir)) {
			long start = System.nanoTime();
			indexLucene(corpus, documents, indexDir);
			System.out.printf(Locale.ROOT, "lucene: indexed %d documents in %.1f s (%d MB)%n", documents,
					(System.nanoTime() - start) / 1e9, size(indexDir) / 1_000_000);
			start = System.nanoTime();
			loadPostgres(corpus, documents, pgUrl);
			System.out.printf(Locale.ROOT, "postgres: loaded and indexed %d documents in %.1f s%n", documents,
					(System.nanoTime() - start) / 1e9);
		}

		List<Variant> variants = new ArrayList<>(List.of(APPLICATION));
		if (System.getenv("BREAKDOWN") != null) {
			// Where Lucene's time goes: the same queries without the snippets, and without the facet counts;
			// and issue 6's strategy for comparison: every hit scored and counted, the facets always.
			variants.add(new Variant("lucene, no snippets", false, true, true));
			variants.add(new Variant("lucene, no facets", true, false, true));
			variants.add(new Variant("lucene, neither", false, false, true));
			variants.add(new Variant("lucene, exact total (issue 6)", true, true, false));
		}
		double[][] times = runLucene(indexDir, queries, variants);
		double[] lucene = times[0];
		if (variants.size() > 1) {
			System.out.println();
			System.out.printf(Locale.ROOT, "%-30s %8s %8s %8s %8s%n", "variant", "p50 ms", "p95 ms", "max ms", "mean ms");
			for (int j = 0; j < variants.size(); j++) {
				print(variants.get(j).name(), times[j]);
			}
		}
		if (System.getenv("LUCENE_ONLY") != null) {
			print("lucene", lucene);
			return;
		}
		double[] postgres = runPostgres(pgUrl, queries);
		System.out.println();
		System.out.printf(Locale.ROOT, "%-30s %8s %8s %8s %8s%n", "engine", "p50 ms", "p95 ms", "max ms", "mean ms");
		print("lucene", lucene);
		print("postgres", postgres);
		System.out.printf(Locale.ROOT, "p95 ratio postgres/lucene: %.1fx, p50 ratio: %.1fx%n",
				percentile(postgres, 95) / percentile(lucene, 95), percentile(postgres, 50) / percentile(lucene, 50));
	}

	// ---------------------------------------------------------------- corpus

	/** Words of the seed notice, most frequent first. */
	static List<String> vocabulary(Path seed) throws IOException {
		Map<String, Integer> counts = new HashMap<>();
		Matcher words = Pattern.compile("[\\p{L}][\\p{L}-]{2,}").matcher(Files.readString(seed, StandardCharsets.UTF_8));
		while (words.find()) {
			counts.merge(words.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
		}
		List<String> vocabulary = new ArrayList<>(counts.keySet());
		vocabulary.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
		return vocabulary;
	}

	record Doc(int id, String kind, String board, String boardName, int year, LocalDate date, String title, String body,
			boolean isPublic) {
	}

	record BenchQuery(String text, String board, Integer year, LocalDate from, LocalDate to) {
	}

	static final class Corpus {

		final List<String> words;

		final String[] boards = new String[40];

		Corpus(List<String> seedWords) {
			List<String> all = new ArrayList<>(seedWords);
			all.addAll(Arrays.asList(BOARD_WORDS));
			this.words = all;
			for (int i = 0; i < this.boards.length; i++) {
				this.boards[i] = "N" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
			}
		}

		/** Zipf-like: frequent words often, the long tail rarely. */
		String word(Random random) {
			double r = random.nextDouble();
			return this.words.get((int) (Math.pow(r, 2.2) * this.words.size()));
		}

		Doc doc(int id, Random random) {
			String kind = KINDS[random.nextInt(KINDS.length)];
			int b = (int) (Math.pow(random.nextDouble(), 1.5) * this.boards.length);
			int year = 2015 + random.nextInt(11);
			LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
			StringBuilder title = new StringBuilder(TITLE_HEADS[random.nextInt(TITLE_HEADS.length)]);
			title.append(' ').append(BOARD_WORDS[random.nextInt(BOARD_WORDS.length)]);
			for (int i = random.nextInt(4); i > 0; i--) {
				title.append(' ').append(word(random));
			}
			title.append(' ').append(year);
			int length = 40 + random.nextInt(120);
			StringBuilder body = new StringBuilder(length * 9);
			for (int i = 0; i < length; i++) {
				if (i > 0) {
					body.append(i % 14 == 0 ? ". " : " ");
				}
				body.append(random.nextInt(12) == 0 ? BOARD_WORDS[random.nextInt(BOARD_WORDS.length)] : word(random));
			}
			body.append('.');
			return new Doc(id, kind, this.boards[b], "Nämnd " + b, year, date, title.toString(), body.toString(),
					random.nextInt(20) != 0);
		}

		List<BenchQuery> queries(int count) {
			Random random = new Random(SEED + 1);
			List<BenchQuery> queries = new ArrayList<>();
			List<String> pool = new ArrayList<>(Arrays.asList(BOARD_WORDS));
			// Mid-frequency seed words: what people type, neither stop words nor typos.
			pool.addAll(this.words.subList(Math.min(60, this.words.size()), Math.min(900, this.words.size()))
				.stream()
				.filter(w -> w.length() >= 5)
				.toList());
			for (int i = 0; i < count; i++) {
				int n = 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
				List<String> parts = new ArrayList<>();
				for (int w = 0; w < n; w++) {
					parts.add(pool.get(random.nextInt(pool.size())));
				}
				String board = random.nextInt(10) < 3 ? this.boards[random.nextInt(8)] : null;
				Integer year = random.nextInt(10) < 2 ? 2015 + random.nextInt(11) : null;
				LocalDate from = null;
				LocalDate to = null;
				if (random.nextInt(100) < 15) {
					from = LocalDate.of(2018 + random.nextInt(6), 1 + random.nextInt(12), 1);
					to = from.plusMonths(6 + random.nextInt(18));
				}
				queries.add(new BenchQuery(String.join(" ", parts), board, year, from, to));
			}
			return queries;
		}

	}

	// ---------------------------------------------------------------- Lucene

	static Analyzer analyzer(Analyzer text) {
		return new PerFieldAnalyzerWrapper(text, Map.of());
	}

	static void indexLucene(Corpus corpus, int documents, Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		IndexWriterConfig config = new IndexWriterConfig(analyzer(SwedishAnalysis.indexing()));
		config.setRAMBufferSizeMB(256);
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
		Random random = new Random(SEED);
		try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
			for (int i = 0; i < documents; i++) {
				Doc doc = corpus.doc(i, random);
				Document d = new Document();
				d.add(new StringField("id", String.valueOf(doc.id()), Field.Store.YES));
				d.add(new StringField("kind", doc.kind(), Field.Store.YES));
				d.add(new SortedDocValuesField("kind", new org.apache.lucene.util.BytesRef(doc.kind())));
				d.add(new StringField("boardCode", doc.board(), Field.Store.YES));
				d.add(new SortedDocValuesField("boardCode", new org.apache.lucene.util.BytesRef(doc.board())));
				d.add(new StoredField("boardName", doc.boardName()));
				d.add(new IntPoint("year", doc.year()));
				d.add(new NumericDocValuesField("year", doc.year()));
				d.add(new LongPoint("date", doc.date().toEpochDay()));
				d.add(new StoredField("date", doc.date().toEpochDay()));
				// Sortable, as the entry's date is: ties in score go to the newest.
				d.add(new NumericDocValuesField("date", doc.date().toEpochDay()));
				d.add(new TextField("title", doc.title(), Field.Store.YES));
				d.add(new TextField("body", doc.body(), Field.Store.YES));
				d.add(new StringField("visibility", doc.isPublic() ? "PUBLIC" : "INTERNAL", Field.Store.NO));
				writer.addDocument(d);
				if ((i + 1) % 200_000 == 0) {
					System.out.printf(Locale.ROOT, "lucene: %d documents%n", i + 1);
				}
			}
			writer.commit();
		}
	}

	/** What one timed search does: snippets, facet counts, and whether the total is bounded as in the application. */
	record Variant(String name, boolean snippets, boolean facets, boolean bounded) {
	}

	static final Variant APPLICATION = new Variant("lucene", true, true, true);

	/**
	 * Times every query once in each variant. The variants take turns query by query (in a rotating
	 * order), so that they share whatever else the machine is doing.
	 */
	static double[][] runLucene(Path dir, List<BenchQuery> queries, List<Variant> variants) throws Exception {
		Analyzer query = SwedishAnalysis.query();
		try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
			var date = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader).fieldInfo("date");
			if (date == null || date.getDocValuesType() != org.apache.lucene.index.DocValuesType.NUMERIC) {
				throw new IllegalStateException("The index in " + dir + " has no sortable date (built before issue 12): "
						+ "run again without REUSE to rebuild it.");
			}
			IndexSearcher searcher = new IndexSearcher(reader);
			for (int round = 0; round < 2; round++) {
				for (BenchQuery q : queries) {
					for (Variant v : variants) {
						lucene(searcher, query, q, v.snippets(), v.facets(), v.bounded());
					}
				}
			}
			// CPU=1: the thread's CPU time instead of the wall clock, for a machine others are busy on.
			boolean cpu = System.getenv("CPU") != null;
			var threads = java.lang.management.ManagementFactory.getThreadMXBean();
			int n = variants.size();
			double[][] times = new double[n][queries.size()];
			long[] hits = new long[n];
			int[] exact = new int[n];
			for (int i = 0; i < queries.size(); i++) {
				for (int k = 0; k < n; k++) {
					int j = (i + k) % n;
					Variant v = variants.get(j);
					long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
					TotalHits total = lucene(searcher, query, queries.get(i), v.snippets(), v.facets(), v.bounded());
					times[j][i] = ((cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start) / 1e6;
					hits[j] += total.value;
					exact[j] += total.relation == TotalHits.Relation.EQUAL_TO ? 1 : 0;
				}
			}
			for (int j = 0; j < n; j++) {
				System.out.printf(Locale.ROOT, "%s: %d segments, %d hits counted over %d queries, %d of them exact%n",
						variants.get(j).name(), reader.leaves().size(), hits[j], queries.size(), exact[j]);
			}
			return times;
		}
	}

	/**
	 * One search as the search page makes it: top 10 with snippets, the total (bounded unless not
	 * {@code bounded}), and the three facets (only when the total is exact, unless not {@code bounded}).
	 */
	static TotalHits lucene(IndexSearcher searcher, Analyzer analyzer, BenchQuery q, boolean snippets, boolean facets,
			boolean bounded) throws Exception {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 3f, "body", 1f));
		parser.setDefaultOperator(Occur.MUST);
		Query text = parser.parse(q.text());
		BooleanQuery.Builder bool = new BooleanQuery.Builder().add(text, Occur.MUST)
			.add(new TermQuery(new Term("visibility", "PUBLIC")), Occur.FILTER);
		if (q.board() != null) {
			bool.add(new TermQuery(new Term("boardCode", q.board())), Occur.FILTER);
		}
		if (q.year() != null) {
			bool.add(IntPoint.newExactQuery("year", q.year()), Occur.FILTER);
		}
		if (q.from() != null) {
			bool.add(LongPoint.newRangeQuery("date", q.from().toEpochDay(), q.to().toEpochDay()), Occur.FILTER);
		}
		Query query = bool.build();
		TopDocs top;
		if (bounded) {
			// As SiteSearch: one above the bound, so that a count Lucene gives up on is more than the bound.
			top = searcher.search(query, new TopFieldCollectorManager(ORDER, 10, null, EXACT_COUNT_LIMIT + 1));
			if (facets && isExact(top.totalHits)) {
				searcher.search(query, new FacetCounting());
			}
		}
		else if (facets) {
			var result = searcher.search(query, new org.apache.lucene.search.MultiCollectorManager(
					new TopScoreDocCollectorManager(10, Integer.MAX_VALUE), new FacetCounting()));
			top = (TopDocs) result[0];
		}
		else {
			top = searcher.search(query, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
		}
		if (!snippets) {
			return top.totalHits;
		}
		Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
				new QueryScorer(text));
		highlighter.setTextFragmenter(new SimpleFragmenter(200));
		var stored = searcher.storedFields();
		for (ScoreDoc hit : top.scoreDocs) {
			Document doc = stored.document(hit.doc);
			String body = doc.get("body");
			String snippet = highlighter.getBestFragment(analyzer, "body", body);
			if (snippet == null) {
				snippet = body.substring(0, Math.min(200, body.length()));
			}
			if (snippet.isEmpty()) {
				throw new IllegalStateException();
			}
		}
		return top.totalHits;
	}

	static boolean isExact(TotalHits total) {
		return total.relation == TotalHits.Relation.EQUAL_TO && total.value <= EXACT_COUNT_LIMIT;
	}

	/** Counts per board, year and kind from doc values, as Hibernate Search's terms aggregations do. */
	static final class FacetCounting implements CollectorManager<Collector, Map<String, Map<String, Long>>> {

		private static final int FIRST_YEAR = 1990;

		private static final int YEARS = 64;

		@Override
		public Collector newCollector() {
			return new Collector() {

				final Map<String, Long> boards = new HashMap<>();

				final Map<Long, Long> years = new HashMap<>();

				final Map<String, Long> kinds = new HashMap<>();

				@Override
				public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
					SortedDocValues board = context.reader().getSortedDocValues("boardCode");
					SortedDocValues kind = context.reader().getSortedDocValues("kind");
					NumericDocValues year = context.reader().getNumericDocValues("year");
					long[] boardOrds = new long[board.getValueCount()];
					long[] kindOrds = new long[kind.getValueCount()];
					// Years of a board's archive fall in a narrow range: count them in an array, not a map.
					long[] yearCounts = new long[YEARS];
					return new LeafCollector() {
						@Override
						public void setScorer(Scorable scorer) {
						}

						@Override
						public void collect(int doc) throws IOException {
							if (board.advanceExact(doc)) {
								boardOrds[board.ordValue()]++;
							}
							if (kind.advanceExact(doc)) {
								kindOrds[kind.ordValue()]++;
							}
							if (year.advanceExact(doc)) {
								long y = year.longValue() - FIRST_YEAR;
								if (y >= 0 && y < YEARS) {
									yearCounts[(int) y]++;
								}
								else {
									years.merge(year.longValue(), 1L, Long::sum);
								}
							}
						}

						@Override
						public void finish() throws IOException {
							for (int y = 0; y < YEARS; y++) {
								if (yearCounts[y] > 0) {
									years.merge((long) (FIRST_YEAR + y), yearCounts[y], Long::sum);
								}
							}
							for (int o = 0; o < boardOrds.length; o++) {
								if (boardOrds[o] > 0) {
									boards.merge(board.lookupOrd(o).utf8ToString(), boardOrds[o], Long::sum);
								}
							}
							for (int o = 0; o < kindOrds.length; o++) {
								if (kindOrds[o] > 0) {
									kinds.merge(kind.lookupOrd(o).utf8ToString(), kindOrds[o], Long::sum);
								}
							}
						}
					};
				}

				@Override
				public ScoreMode scoreMode() {
					return ScoreMode.COMPLETE_NO_SCORES;
				}

				@Override
				public String toString() {
					return this.boards.size() + "/" + this.years.size() + "/" + this.kinds.size();
				}
			};
		}

		@Override
		public Map<String, Map<String, Long>> reduce(java.util.Collection<Collector> collectors) {
			Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
			collectors.forEach(c -> facets.put(c.toString(), Map.of()));
			return facets;
		}

	}

	// ---------------------------------------------------------------- PostgreSQL

	static void loadPostgres(Corpus corpus, int documents, String url) throws Exception {
		try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
			sql.execute("drop table if exists bench_doc");
			sql.execute("create table bench_doc (id integer primary key, kind varchar(20) not null, "
					+ "board_code varchar(10) not null, board_name varchar(40) not null, year integer not null, "
					+ "entry_date date not null, title text not null, body text not null, visibility varchar(10) not null, "
					+ "tsv tsvector generated always as (setweight(to_tsvector('swedish', title), 'A') || "
					+ "setweight(to_tsvector('swedish', body), 'B')) stored)");
			Random random = new Random(SEED);
			PGConnection pg = connection.unwrap(PGConnection.class);
			var copy = pg.getCopyAPI();
			int batch = 50_000;
			for (int from = 0; from < documents; from += batch) {
				StringBuilder rows = new StringBuilder(batch * 1200);
				for (int i = from; i < Math.min(documents, from + batch); i++) {
					Doc doc = corpus.doc(i, random);
					rows.append(doc.id()).append('\t').append(doc.kind()).append('\t').append(doc.board()).append('\t')
						.append(doc.boardName()).append('\t').append(doc.year()).append('\t').append(doc.date()).append('\t')
						.append(doc.title()).append('\t').append(doc.body()).append('\t')
						.append(doc.isPublic() ? "PUBLIC" : "INTERNAL").append('\n');
				}
				copy.copyIn("copy bench_doc (id, kind, board_code, board_name, year, entry_date, title, body, visibility) "
						+ "from stdin", new StringReader(rows.toString()));
				if ((from + batch) % 200_000 == 0) {
					System.out.printf(Locale.ROOT, "postgres: %d documents%n", from + batch);
				}
			}
			sql.execute("set maintenance_work_mem = '512MB'");
			sql.execute("create index bench_doc_tsv on bench_doc using gin (tsv)");
			sql.execute("create index bench_doc_board on bench_doc (board_code)");
			sql.execute("vacuum analyze bench_doc");
		}
	}

	static final String PG_QUERY = """
			with m as (
			  select id, title, body, board_code, year, kind, entry_date, ts_rank(tsv, q) as rank
			  from bench_doc, websearch_to_tsquery('swedish', ?) q
			  where tsv @@ q and visibility = 'PUBLIC'
			    and (?::varchar is null or board_code = ?::varchar)
			    and (?::integer is null or year = ?::integer)
			    and (?::date is null or entry_date between ?::date and ?::date)
			), top as (
			  select id, title, body, rank from m order by rank desc, entry_date desc limit 10
			)
			select 'total', null, count(*) from m
			union all select 'board', board_code, count(*) from m group by board_code
			union all select 'year', year::text, count(*) from m group by year
			union all select 'kind', kind, count(*) from m group by kind
			union all select 'hit', ts_headline('swedish', body, websearch_to_tsquery('swedish', ?),
			  'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15'), rank::bigint from top
			""";

	static double[] runPostgres(String url, List<BenchQuery> queries) throws Exception {
		try (Connection connection = DriverManager.getConnection(url);
				PreparedStatement statement = connection.prepareStatement(PG_QUERY)) {
			for (BenchQuery q : queries.subList(0, Math.min(20, queries.size()))) {
				postgres(statement, q);
			}
			double[] times = new double[queries.size()];
			long hits = 0;
			for (int i = 0; i < queries.size(); i++) {
				long start = System.nanoTime();
				hits += postgres(statement, queries.get(i));
				times[i] = (System.nanoTime() - start) / 1e6;
			}
			System.out.printf(Locale.ROOT, "postgres: %d hits in total over %d queries%n", hits, queries.size());
			return times;
		}
	}

	static long postgres(PreparedStatement statement, BenchQuery q) throws Exception {
		statement.setString(1, q.text());
		statement.setString(2, q.board());
		statement.setString(3, q.board());
		statement.setObject(4, q.year(), java.sql.Types.INTEGER);
		statement.setObject(5, q.year(), java.sql.Types.INTEGER);
		statement.setObject(6, q.from(), java.sql.Types.DATE);
		statement.setObject(7, q.from(), java.sql.Types.DATE);
		statement.setObject(8, q.to(), java.sql.Types.DATE);
		statement.setString(9, q.text());
		long total = 0;
		try (ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (rows.getString(1).equals("total")) {
					total = rows.getLong(3);
				}
			}
		}
		return total;
	}

	// ---------------------------------------------------------------- numbers

	static double percentile(double[] times, int p) {
		double[] sorted = times.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	static void print(String engine, double[] times) {
		System.out.printf(Locale.ROOT, "%-30s %8.2f %8.2f %8.2f %8.2f%n", engine, percentile(times, 50),
				percentile(times, 95), Arrays.stream(times).max().orElse(0), Arrays.stream(times).average().orElse(0));
	}

	static long size(Path dir) throws IOException {
		try (var files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static String arg(String[] args, int index, String fallback) {
		return args.length > index && !args[index].isBlank() ? args[index] : fallback;
	}

	private SearchBenchmark() {
	}


}
