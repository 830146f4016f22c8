package se.paragraf.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.paragraf.documents.PdfAssembly;
import se.paragraf.documents.PdfAssembly.Part;
import se.paragraf.documents.PdfRenderer;
import se.paragraf.documents.Stationery;
import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.MatterRegister;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.Sweden;

/**
 * Composes a meeting's notice from the agenda and the matters' reports: the PDF first, part by
 * part, so that each item's page range comes from the real pagination; then the cover with those
 * ranges; then the HTML page from the same template. What the notice says is read by
 * {@link NoticeContent}.
 */
@Component
public class NoticeComposer {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Sweden.LOCALE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Sweden.LOCALE);

	private static final String TEMPLATE = "meetings/notice";

	/** The cover alone. */
	private static final List<Integer> COVER = List.of(0);

	private final ITemplateEngine templates;

	private final PdfRenderer renderer;

	private final PdfAssembly assembly;

	private final NoticeContent content;

	private final MatterRegister register;

	private final String printCss;

	/** Where the official variant is assembled while the public one is, on the publishing thread. */
	private final ExecutorService assemblers;

	NoticeComposer(ITemplateEngine templates, PdfRenderer renderer, PdfAssembly assembly, NoticeContent content,
			MatterRegister register) {
		this.templates = templates;
		this.renderer = renderer;
		this.assembly = assembly;
		this.content = content;
		this.register = register;
		this.printCss = read("static/css/notice-print.css");
		AtomicInteger count = new AtomicInteger();
		this.assemblers = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "notice-assembly-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.assemblers.shutdownNow();
	}

	/**
	 * The notice as it would be published now, in the variant the pass makes: the PDF, the HTML page
	 * and the agenda with pages. The public variant withholds secret items and attachments and runs
	 * every report text through the pass; its page ranges are those of its own PDF.
	 */
	Composed compose(Meeting meeting, PublicText.Pass pass, String attachmentBase, String pdfHref) {
		return compose(draft(meeting, pass, attachmentBase), pdfHref, NoticeProgress.NONE);
	}

	/** As above, from a draft already read, telling {@code progress} how far it has come. */
	Composed compose(Draft draft, String pdfHref, NoticeProgress progress) {
		Prepared prepared = prepare(draft, progress,
				NoticeChunks.of(NoticeChunks.weights(draft.view().items()), this.renderer.threads()));
		Tally tally = new Tally(prepared, progress);
		List<PdfRenderer.Rendered> rendered = this.renderer.renderAll(prepared.chunkHtml(), NoticeChunks.ITEM_ANCHOR,
				tally::rendered);
		return assemble(prepared, rendered, pdfHref, progress);
	}

	/**
	 * Both variants at once: what is read from the database is read here, in the caller's
	 * transaction. The two variants are cut into the same chunks, and a chunk whose HTML is the
	 * same in both (nothing in it withheld or masked) is rendered once and merged into both
	 * documents: the page numbers are stamped after assembly, so a chunk does not know where it
	 * lands. Then the public variant is assembled on this thread while the official one is on
	 * another.
	 */
	Composed[] composeBoth(Draft publicDraft, String publicPdfHref, Draft officialDraft, String officialPdfHref,
			NoticeProgress publicProgress, NoticeProgress officialProgress) {
		// The official variant holds every text, so its weights are the real work.
		List<List<Integer>> chunks = NoticeChunks.of(NoticeChunks.weights(officialDraft.view().items()),
				this.renderer.threads());
		Prepared publicPrepared = prepare(publicDraft, publicProgress, chunks);
		Prepared officialPrepared = prepare(officialDraft, officialProgress, chunks);
		// Each distinct chunk HTML once, keyed by the HTML itself (equality, not a digest that could collide).
		Map<String, Integer> distinct = new LinkedHashMap<>();
		int[] publicSource = new int[chunks.size()];
		int[] officialSource = new int[chunks.size()];
		for (int c = 0; c < chunks.size(); c++) {
			publicSource[c] = distinct.computeIfAbsent(publicPrepared.chunkHtml().get(c), html -> distinct.size());
			officialSource[c] = distinct.computeIfAbsent(officialPrepared.chunkHtml().get(c), html -> distinct.size());
		}
		Tally publicTally = new Tally(publicPrepared, publicProgress);
		Tally officialTally = new Tally(officialPrepared, officialProgress);
		List<PdfRenderer.Rendered> rendered = this.renderer.renderAll(List.copyOf(distinct.keySet()),
				NoticeChunks.ITEM_ANCHOR, (index, done) -> {
					for (int c = 0; c < chunks.size(); c++) {
						if (publicSource[c] == index) {
							publicTally.rendered(c, done);
						}
						if (officialSource[c] == index) {
							officialTally.rendered(c, done);
						}
					}
				});
		List<PdfRenderer.Rendered> publicChunks = Arrays.stream(publicSource).mapToObj(rendered::get).toList();
		List<PdfRenderer.Rendered> officialChunks = Arrays.stream(officialSource).mapToObj(rendered::get).toList();
		Future<Composed> official = this.assemblers
			.submit(() -> assemble(officialPrepared, officialChunks, officialPdfHref, officialProgress));
		try {
			Composed composed = assemble(publicPrepared, publicChunks, publicPdfHref, publicProgress);
			return new Composed[] { composed, official.get() };
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Composing interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("Composing the official notice failed", ex.getCause());
		}
		finally {
			official.cancel(true);
		}
	}

	/**
	 * The notice's agenda and reports read in the pass's variant, and its page without page
	 * numbers: what a publication would be composed from.
	 */
	Draft draft(Meeting meeting, PublicText.Pass pass, String attachmentBase) {
		View view = this.content.read(meeting, pass);
		return new Draft(view, pass, attachmentBase, render(view, "web", null, attachmentBase, null));
	}

	/** Reads the PDF attachments and makes the HTML of the items in the chunks given ({@link NoticeChunks}). */
	private Prepared prepare(Draft draft, NoticeProgress progress, List<List<Integer>> chunks) {
		progress.step(NoticeProgress.Step.READING);
		View view = draft.view();
		List<List<Part>> attachmentParts = new ArrayList<>();
		List<Integer> attachmentPages = new ArrayList<>();
		for (Item item : view.items()) {
			List<Part> parts = new ArrayList<>();
			int pages = 0;
			for (AttachmentLine line : item.attachments()) {
				if (line.withheld() == null && line.view().pdf()) {
					byte[] pdf = this.register.content(this.register.attachment(line.view().id()));
					int count = this.assembly.readablePages(pdf);
					if (count > 0) {
						parts.add(new Part(pdf, line.view().title()));
						pages += count;
					}
				}
			}
			attachmentParts.add(parts);
			attachmentPages.add(pages);
		}
		List<String> chunkHtml = new ArrayList<>();
		for (List<Integer> chunk : chunks) {
			chunkHtml.add(render(view, "pdf", chunk.stream().map(i -> view.items().get(i).number()).toList(),
					draft.attachmentBase(), null));
		}
		return new Prepared(draft, attachmentParts, attachmentPages, chunks, chunkHtml);
	}

	/** The rendered chunks with the cover listing the page ranges, merged into the whole; no database. */
	private Composed assemble(Prepared prepared, List<PdfRenderer.Rendered> rendered, String pdfHref,
			NoticeProgress progress) {
		View view = prepared.draft().view();
		String attachmentBase = prepared.draft().attachmentBase();
		List<Item> items = view.items();
		List<Integer> attachmentPages = prepared.attachmentPages();
		List<List<Integer>> chunks = prepared.chunks();
		List<Integer> itemPages = new ArrayList<>();
		List<PdfAssembly.Chunk> assembled = new ArrayList<>();
		for (int c = 0; c < chunks.size(); c++) {
			assembled.add(NoticeChunks.sections(items, chunks.get(c), rendered.get(c), prepared.attachmentParts(),
					attachmentPages, itemPages));
		}

		// The cover lists the ranges, so its own length decides where the items start.
		progress.step(NoticeProgress.Step.ASSEMBLING);
		int coverPages = 1;
		View paged = view.withPages(pages(items, itemPages, coverPages));
		PdfRenderer.Rendered cover = this.renderer.renderCounted(render(paged, "pdf", COVER, attachmentBase, null));
		for (int attempt = 0; attempt < 3 && cover.pages() != coverPages; attempt++) {
			coverPages = cover.pages();
			paged = view.withPages(pages(items, itemPages, coverPages));
			cover = this.renderer.renderCounted(render(paged, "pdf", COVER, attachmentBase, null));
		}
		PdfAssembly.Assembled pdf = this.assembly.assembleCounted(new Part(cover.pdf(), "Kallelse"), assembled,
				"Kallelse " + view.boardName() + " " + view.date());
		String html = render(paged, "web", null, attachmentBase, pdfHref);
		List<NoticeEntry> entries = paged.items()
			.stream()
			.map(i -> new NoticeEntry(i.number(), i.shownTitle(), i.diaryNumber(), i.kind(), i.matterId(),
					i.firstPage(), i.lastPage(), i.itemId()))
			.toList();
		Set<Long> publishedMatters = paged.items()
			.stream()
			.filter(i -> i.withheld() == null && i.matterId() != null)
			.map(Item::matterId)
			.collect(Collectors.toSet());
		Set<Long> publishedAttachments = paged.items()
			.stream()
			.filter(i -> i.withheld() == null)
			.flatMap(i -> i.attachments().stream())
			.filter(line -> line.withheld() == null)
			.map(line -> line.view().id())
			.collect(Collectors.toSet());
		return new Composed(html, pdf.pdf(), pdf.pages(), entries, publishedMatters, publishedAttachments,
				prepared.draft().pass().differs());
	}

	/** The notice page of a draft agenda in the pass's variant, before pagination. */
	String draftHtml(Meeting meeting, PublicText.Pass pass, String attachmentBase) {
		return draft(meeting, pass, attachmentBase).html();
	}

	/** The sections of the public variant, as they pass the filter; nothing is rendered. */
	List<PublicText.Section> publicSections(Meeting meeting, PublicText.Pass pass) {
		this.content.read(meeting, pass);
		return pass.sections();
	}

	private List<Item> pages(List<Item> items, List<Integer> itemPages, int coverPages) {
		List<Item> paged = new ArrayList<>();
		int next = coverPages + 1;
		for (int i = 0; i < items.size(); i++) {
			int last = next + itemPages.get(i) - 1;
			paged.add(items.get(i).withPages(next, last));
			next = last + 1;
		}
		return paged;
	}

	/** The HTML of the notice in a mode: with {@code only}, the cover (0) and the items of those numbers. */
	private String render(View view, String mode, @Nullable List<Integer> only, String attachmentBase,
			@Nullable String pdfHref) {
		Context context = new Context(Sweden.LOCALE, Map.of("notice", view, "mode", mode, "lang", "sv", "css", this.printCss,
				"attachmentBase", attachmentBase));
		context.setVariable("only", only);
		context.setVariable("pdfHref", pdfHref);
		return this.templates.process(TEMPLATE, context);
	}

	/** "Sekretess enligt 21 kap. 1 § OSL": what a public document shows in place of secret content. */
	public static String withheldMark(String citation) {
		return Confidentiality.withheldMark(citation);
	}

	/** "Tisdag 5 december 2023, kl. 10:00", as a Swedish notice says it. */
	public static String when(Meeting meeting) {
		String date = DATE.format(meeting.getStart());
		return Character.toUpperCase(date.charAt(0)) + date.substring(1) + ", kl. " + TIME.format(meeting.getStart());
	}

	private static String read(String path) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A variant's rendering progress: items and pages rendered, told to its listener as chunks are
	 * done, from the rendering threads.
	 */
	private static final class Tally {

		private final Prepared prepared;

		private final NoticeProgress progress;

		/** The PDF attachments' pages, known before rendering. */
		private final int merged;

		private int items;

		private int own;

		private int attached;

		Tally(Prepared prepared, NoticeProgress progress) {
			this.prepared = prepared;
			this.progress = progress;
			this.merged = prepared.attachmentPages().stream().mapToInt(Integer::intValue).sum();
			progress.step(NoticeProgress.Step.RENDERING);
			progress.rendering(0, prepared.draft().view().items().size(), 0, 0);
		}

		/** Chunk {@code index} is rendered; under a lock, so that counts reach the listener in order. */
		synchronized void rendered(int index, PdfRenderer.Rendered done) {
			List<Integer> chunk = this.prepared.chunks().get(index);
			int all = this.prepared.draft().view().items().size();
			this.items += chunk.size();
			this.own += done.pages();
			this.attached += chunk.stream().mapToInt(this.prepared.attachmentPages()::get).sum();
			// The cover's one page, the attachments' known pages, the items' own extrapolated.
			int estimate = 1 + this.merged + Math.round((float) this.own * all / this.items);
			this.progress.rendering(this.items, all, this.own + this.attached, estimate);
		}

	}

	/**
	 * The composed notice: the matters whose documents it makes public, and whether this variant
	 * differs from the official notice (something withheld or masked).
	 */
	record Composed(String html, byte[] pdf, int pageCount, List<NoticeEntry> entries, Set<Long> publishedMatters,
			Set<Long> publishedAttachments, boolean differs) {
	}

	/**
	 * A notice read in one variant, not yet paginated: its view, the pass that made it, and the
	 * page as it would be published without page numbers.
	 */
	record Draft(View view, PublicText.Pass pass, String attachmentBase, String html) {

		/** Whether this variant differs from the official notice (something withheld or masked). */
		boolean differs() {
			return this.pass.differs();
		}

	}

	/** A draft with what rendering it needs from the database: the PDF attachments and each item's HTML. */
	private record Prepared(Draft draft, List<List<Part>> attachmentParts, List<Integer> attachmentPages,
			List<List<Integer>> chunks, List<String> chunkHtml) {
	}

	/** What the template shows. */
	record View(String boardName, String boardGenitive, String date, String when, String location, boolean extra,
			String chair, String secretary, List<Item> items, Stationery.Heading letterhead) {

		View withPages(List<Item> paged) {
			return new View(this.boardName, this.boardGenitive, this.date, this.when, this.location, this.extra,
					this.chair, this.secretary, paged, this.letterhead);
		}

	}

	/**
	 * An agenda item as the template shows it, with its pages once they are known. A withheld item
	 * carries the citation of its ground and nothing of its content.
	 */
	record Item(Long itemId, int number, String title, @Nullable String diaryNumber, AgendaItemKind kind,
			@Nullable Long matterId, @Nullable DecisionBasis basis, List<AttachmentLine> attachments,
			@Nullable String withheld, int firstPage, int lastPage) {

		Item withPages(int first, int last) {
			return new Item(this.itemId, this.number, this.title, this.diaryNumber, this.kind, this.matterId,
					this.basis, this.attachments, this.withheld, first, last);
		}

		/** The title, or for a withheld item "Sekretess enligt 21 kap. 1 § OSL". */
		public String shownTitle() {
			return this.withheld == null ? this.title : withheldMark(this.withheld);
		}

		/** "2", or "4 - 9"; empty until paginated. */
		public String pages() {
			return this.firstPage == 0 ? "" : NoticeEntry.pageRange(this.firstPage, this.lastPage);
		}

	}

	/**
	 * An attachment as the notice lists it: with its text as the variant shows it, or withheld with
	 * the reason ("Bilaga undantagen enligt 21 kap. 1 § OSL").
	 */
	record AttachmentLine(DecisionBasis.AttachmentView view, @Nullable String html, @Nullable String withheld) {

		public String shownTitle() {
			return this.withheld == null ? this.view.title() : this.withheld;
		}

	}

}
