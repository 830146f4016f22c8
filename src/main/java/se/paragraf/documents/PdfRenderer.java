package se.paragraf.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;

import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders an HTML document to an archival PDF: PDF/A-2u, tagged for PDF/UA, with its fonts
 * embedded so the file reads the same in fifty years.
 */
@Component
public class PdfRenderer {

	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private static final String FAMILY = "DejaVu Sans";

	static {
		// Every PDF/A file gets XMP metadata, and xmpbox asks JAXP for a new factory each time:
		// without a named implementation that is a ServiceLoader scan of every jar on the class
		// path (verifying signed ones), a fifth of a notice's rendering time. Naming the
		// implementation the scan finds keeps the same one and skips the scan.
		pin("javax.xml.transform.TransformerFactory", () -> TransformerFactory.newInstance().getClass());
		pin("javax.xml.parsers.DocumentBuilderFactory", () -> DocumentBuilderFactory.newInstance().getClass());
	}

	/**
	 * How a document that is only a part of a larger one ({@link #renderAll}, {@link #renderCounted})
	 * is written: without object streams, which cost time to pack and the assembly would only unpack
	 * again before it writes the whole with them.
	 */
	private static final CompressParameters PART = CompressParameters.NO_COMPRESSION;

	private final ExecutorService pool;

	private final FontSets fonts;

	private final int threads;

	private final Timer renderTime;

	/** For tests: meters go to Micrometer's global registry. */
	PdfRenderer(int threads) {
		this(threads, Metrics.globalRegistry);
	}

	/**
	 * @param threads how many documents render at once at most ({@code paragraf.documents.render-threads},
	 * default: one per processor); more renderings wait their turn
	 */
	@Autowired
	PdfRenderer(@Value("${paragraf.documents.render-threads:0}") int threads, MeterRegistry meters) {
		int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		this.threads = size;
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(size, task -> {
			Thread thread = new Thread(task, "pdf-render-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		// The pool's threads and a few callers rendering on their own thread (minutes, extracts).
		this.fonts = new FontSets(size + 2);
		this.renderTime = Timer.builder("paragraf.pdf.render")
			.description("Rendering one HTML document (notice, minutes, extract, report) to PDF/A")
			.register(meters);
	}

	/** How many documents render at once at most. */
	public int threads() {
		return this.threads;
	}

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

	/**
	 * Renders several documents, up to one per processor at a time, and returns them in order with
	 * their page counts; {@code rendered} hears each one's index and pages as it is done (from any thread).
	 * If one fails, the others are abandoned and its failure is thrown.
	 */
	public List<Rendered> renderAll(List<String> htmls, BiConsumer<Integer, Integer> rendered) {
		return renderAll(htmls, null, (index, done) -> rendered.accept(index, done.pages()));
	}

	/**
	 * As {@link #renderAll(List, BiConsumer)}, also finding on which page each element whose id
	 * matches {@code anchors} ends ({@link Rendered#lastPages()}): several parts of a document, each
	 * starting on a new page, can so be rendered as one document and their pages told apart.
	 */
	public List<Rendered> renderAll(List<String> htmls, @Nullable Pattern anchors, BiConsumer<Integer, Rendered> rendered) {
		List<Future<Rendered>> futures = new ArrayList<>();
		for (int i = 0; i < htmls.size(); i++) {
			int index = i;
			futures.add(this.pool.submit(() -> {
				Rendered done = this.renderTime.record(() -> renderUntimed(htmls.get(index), null, anchors, PART));
				rendered.accept(index, done);
				return done;
			}));
		}
		List<Rendered> all = new ArrayList<>();
		try {
			for (Future<Rendered> future : futures) {
				all.add(future.get());
			}
			return all;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Rendering interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("Rendering failed", ex.getCause());
		}
		finally {
			futures.forEach(future -> future.cancel(true));
		}
	}

	/**
	 * As {@link #render(String)}, with the number of pages, which the renderer knows without reading
	 * the file again; written as a part to be assembled ({@link #PART}).
	 */
	public Rendered renderCounted(String html) {
		return this.renderTime.record(() -> renderUntimed(html, null, null, PART));
	}

	/**
	 * Renders an HTML document (HTML5 is accepted; it is parsed leniently). The document should
	 * carry a {@code <title>} and a {@code lang} attribute, which become the PDF's title and
	 * language.
	 */
	public byte[] render(String html) {
		return render(html, null);
	}

	/**
	 * As {@link #render(String)}, the same bytes every time for the same HTML: the creation date (in
	 * the document information and the XMP metadata) is {@code documentDate}, and the file
	 * identifier is derived from it rather than from the clock. For a document served again and
	 * again under one strong ETag, such as an extract of certified minutes.
	 */
	public byte[] render(String html, @Nullable Instant documentDate) {
		return this.renderTime
			.record(() -> renderUntimed(html, documentDate, null, CompressParameters.DEFAULT_COMPRESSION))
			.pdf();
	}

	private Rendered renderUntimed(String html, @Nullable Instant documentDate, @Nullable Pattern anchors,
			CompressParameters compression) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			int pages;
			Map<String, Integer> lastPages = new HashMap<>();
			builder.useFastMode();
			builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
			builder.usePdfUaAccessibility(true);
			builder.useColorProfile(SRGB);
			// SVG logos are drawn as vectors; a logo was cleaned at upload, and Batik may still fetch nothing.
			builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
			FontSet fonts = this.fonts.borrow();
			try {
				// The document is made here so that the parsed fonts can be loaded into it: the
				// renderer would otherwise parse each font file again for every document.
				PDDocument document = new PDDocument();
				builder.usePDDocument(document);
				fonts.useIn(builder, document);
				builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
				builder.toStream(out);
				try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
					Listener listener = new Listener(documentDate);
					renderer.setListener(listener);
					renderer.layout();
					// Saved here rather than by the renderer, so that a part is written the cheap way.
					renderer.createPDFWithoutClosing();
					listener.onClose(renderer);
					document.save(out, compression);
					pages = listener.pages;
					// Asked after writing: the output device knows the laid-out boxes from then on. The
					// position is of the element's last page.
					if (anchors != null) {
						for (PagePosition<?> position : renderer.findPagePositionsByID(anchors)) {
							lastPages.merge(position.getId(), position.getPageNo(), Math::max);
						}
					}
				}
				finally {
					document.close();
				}
			}
			finally {
				this.fonts.giveBack(fonts);
			}
			return new Rendered(out.toByteArray(), pages, Map.copyOf(lastPages));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pin(String factory, Supplier<Class<?>> found) {
		if (System.getProperty(factory) == null) {
			System.setProperty(factory, found.get().getName());
		}
	}

	/**
	 * The four DejaVu faces, parsed once. A parsed font reads its tables lazily and keeps state
	 * while a document is written, so a set serves one rendering at a time: a rendering borrows a
	 * set and gives it back, and at most one set per rendering thread is kept.
	 */
	static final class FontSet {

		private static final String[][] FACES = { { "fonts/DejaVuSans.ttf", "400", "NORMAL" },
				{ "fonts/DejaVuSans-Bold.ttf", "700", "NORMAL" }, { "fonts/DejaVuSans-Oblique.ttf", "400", "ITALIC" },
				{ "fonts/DejaVuSans-BoldOblique.ttf", "700", "ITALIC" } };

		/** The tag of the glyph substitution table, "GSUB", as the table directory holds it. */
		private static final int GSUB = ('G' << 24) | ('S' << 16) | ('U' << 8) | 'B';

		private final TrueTypeFont[] fonts = new TrueTypeFont[FACES.length];

		FontSet() {
			for (int i = 0; i < FACES.length; i++) {
				try (InputStream in = new ClassPathResource(FACES[i][0]).getInputStream()) {
					this.fonts[i] = new TTFParser()
						.parse(new RandomAccessReadBuffer(withoutGlyphSubstitution(in.readAllBytes())));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		/**
		 * The font file without its glyph substitution table (GSUB). PDFBox applies that table to every
		 * text it draws and compiles a regular expression for it each time, about a sixth of a notice's
		 * rendering. DejaVu Sans uses it in Latin script only for the ligatures ff, fi, fl, ffi and ffl;
		 * without it those letters are drawn one glyph each, which a reader copying or searching the
		 * text gets as letters anyway. The table's record is taken out of the font's table directory;
		 * the tables themselves stay where the other records point.
		 */
		static byte[] withoutGlyphSubstitution(byte[] font) {
			byte[] copy = font.clone();
			ByteBuffer bytes = ByteBuffer.wrap(copy);
			int tables = Short.toUnsignedInt(bytes.getShort(4));
			for (int i = 0; i < tables; i++) {
				int record = 12 + 16 * i;
				if (bytes.getInt(record) == GSUB) {
					System.arraycopy(copy, record + 16, copy, record, 16 * (tables - 1 - i));
					Arrays.fill(copy, 12 + 16 * (tables - 1), 12 + 16 * tables, (byte) 0);
					bytes.putShort(4, (short) (tables - 1));
					return copy;
				}
			}
			return copy;
		}

		/** Loads the fonts into the document, embedded as subsets, as the family the stylesheets name. */
		void useIn(PdfRendererBuilder builder, PDDocument document) throws IOException {
			for (int i = 0; i < FACES.length; i++) {
				builder.useFont(new PDFontSupplier(PDType0Font.load(document, this.fonts[i], true)), FAMILY,
						Integer.valueOf(FACES[i][1]), FontStyle.valueOf(FACES[i][2]), true);
			}
		}

	}

	/** Font sets not in use; made on demand, at most {@code kept} of them kept. */
	static final class FontSets {

		private final BlockingQueue<FontSet> idle;

		FontSets(int kept) {
			this.idle = new ArrayBlockingQueue<>(kept);
		}

		FontSet borrow() {
			FontSet set = this.idle.poll();
			return set != null ? set : new FontSet();
		}

		void giveBack(FontSet set) {
			this.idle.offer(set);
		}

	}

	/**
	 * A rendered PDF, its number of pages, and for each anchored element (by id) the index of the
	 * page it ends on, counted from 0.
	 */
	public record Rendered(byte[] pdf, int pages, Map<String, Integer> lastPages) {

		public Rendered(byte[] pdf, int pages) {
			this(pdf, pages, Map.of());
		}

	}

	/**
	 * Counts the pages, and, given a date, sets the creation date once the renderer has written its
	 * own (the time of rendering) and just before the file is saved; the file identifier follows
	 * from the document ID.
	 */
	private static final class Listener implements PDFCreationListener {

		private final @Nullable Instant at;

		private int pages;

		Listener(@Nullable Instant at) {
			this.at = at;
		}

		@Override
		public void preOpen(PdfBoxRenderer renderer) {
		}

		@Override
		public void preWrite(PdfBoxRenderer renderer, int pageCount) {
			this.pages = pageCount;
		}

		@Override
		public void onClose(PdfBoxRenderer renderer) {
			if (this.at == null) {
				return;
			}
			PDDocument document = renderer.getPdfDocument();
			Calendar date = GregorianCalendar.from(this.at.atZone(ZoneOffset.UTC));
			document.getDocumentInformation().setCreationDate(date);
			document.setDocumentId(this.at.toEpochMilli());
			PDMetadata metadata = document.getDocumentCatalog().getMetadata();
			if (metadata == null) {
				return;
			}
			try {
				// PDF/A wants the XMP dates to agree with the document information.
				XMPMetadata xmp = new DomXmpParser().parse(metadata.toByteArray());
				XMPBasicSchema basic = xmp.getXMPBasicSchema();
				if (basic == null) {
					basic = xmp.createAndAddXMPBasicSchema();
				}
				basic.setCreateDate(date);
				ByteArrayOutputStream serialized = new ByteArrayOutputStream();
				new XmpSerializer().serialize(xmp, serialized, true);
				metadata.importXMPMetadata(serialized.toByteArray());
			}
			catch (IOException | XmpParsingException | TransformerException ex) {
				throw new IllegalStateException("Cannot set the PDF's creation date", ex);
			}
		}

	}

}
