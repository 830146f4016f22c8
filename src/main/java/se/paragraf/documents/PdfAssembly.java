package se.paragraf.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Puts PDFs together: counts pages, merges parts in order with a bookmark for each, and numbers
 * the pages of the whole.
 */
@Component
public class PdfAssembly {

	/** The footer's font file, read once, without ligatures as in the rendered parts ({@link PdfRenderer}). */
	private static final byte[] FOOTER_FONT = PdfRenderer.FontSet.withoutGlyphSubstitution(read("fonts/DejaVuSans.ttf"));

	/** The number of pages of a PDF; a file that is not a readable PDF is refused. */
	public int pageCount(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UnreadablePdf(ex);
		}
	}

	/** Whether the bytes are a PDF that can be opened (and so merged). */
	public boolean isReadable(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages() > 0 && !document.isEncrypted();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The number of pages of a PDF that can be opened and merged; 0 for one that cannot. */
	public int readablePages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.isEncrypted() ? 0 : document.getNumberOfPages();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** The text a reader of the PDF would see, for checks of its content; empty when it cannot be read. */
	public String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.isEncrypted() ? "" : new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Merges the parts in order, adds a bookmark per titled part and stamps "page of pages" in the
	 * footer of every page. The first part's metadata (title, language, PDF/A identification)
	 * becomes the whole document's.
	 */
	public byte[] assemble(List<Part> parts, String footer) {
		return assembleCounted(parts, footer).pdf();
	}

	/** As {@link #assemble}, with the number of pages of the whole. */
	public Assembled assembleCounted(List<Part> parts, String footer) {
		try (PDDocument whole = Loader.loadPDF(parts.get(0).pdf())) {
			PDFMergerUtility merger = new PDFMergerUtility();
			PDDocumentOutline outline = new PDDocumentOutline();
			whole.getDocumentCatalog().setDocumentOutline(outline);
			bookmark(outline, parts.get(0).title(), whole.getPage(0));
			for (Part part : parts.subList(1, parts.size())) {
				int firstPage = whole.getNumberOfPages();
				try (PDDocument next = Loader.loadPDF(part.pdf())) {
					merger.appendDocument(whole, next);
				}
				if (part.title() != null) {
					bookmark(outline, part.title(), whole.getPage(firstPage));
				}
			}
			number(whole, footer);
			try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				whole.save(out);
				return new Assembled(out.toByteArray(), whole.getNumberOfPages());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * As {@link #assembleCounted(List, String)}, for parts rendered several to a document: after the
	 * cover, each chunk's pages section by section, each section with a bookmark on its first page
	 * and the PDFs that belong to it merged right after its own pages (their bookmarks too).
	 */
	public Assembled assembleCounted(Part cover, List<Chunk> chunks, String footer) {
		try (PDDocument whole = Loader.loadPDF(cover.pdf())) {
			PDFMergerUtility merger = new PDFMergerUtility();
			PDDocumentOutline outline = new PDDocumentOutline();
			whole.getDocumentCatalog().setDocumentOutline(outline);
			bookmark(outline, cover.title(), whole.getPage(0));
			PDPageTree tree = whole.getPages();
			for (Chunk chunk : chunks) {
				List<PDPage> own = append(merger, whole, chunk.pdf());
				int offset = 0;
				for (Section section : chunk.sections()) {
					if (section.pages() < 1 || offset + section.pages() > own.size()) {
						throw new IllegalArgumentException("The sections do not fit the chunk's " + own.size() + " pages");
					}
					bookmark(outline, section.title(), own.get(offset));
					PDPage anchor = own.get(offset + section.pages() - 1);
					for (Part part : section.after()) {
						// Merged at the end, then moved in the page tree to follow the section.
						List<PDPage> added = append(merger, whole, part.pdf());
						bookmark(outline, part.title(), added.get(0));
						for (PDPage page : added) {
							tree.remove(page);
							tree.insertAfter(page, anchor);
							anchor = page;
						}
					}
					offset += section.pages();
				}
				if (offset != own.size()) {
					throw new IllegalArgumentException("The sections leave " + (own.size() - offset) + " pages of a chunk");
				}
			}
			number(whole, footer);
			try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				whole.save(out);
				return new Assembled(out.toByteArray(), whole.getNumberOfPages());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Merges a PDF at the end of the whole; its pages as they are now in the whole. */
	private static List<PDPage> append(PDFMergerUtility merger, PDDocument whole, byte[] pdf) throws IOException {
		int first = whole.getNumberOfPages();
		try (PDDocument next = Loader.loadPDF(pdf)) {
			merger.appendDocument(whole, next);
		}
		List<PDPage> pages = new ArrayList<>();
		for (int i = first; i < whole.getNumberOfPages(); i++) {
			pages.add(whole.getPage(i));
		}
		return pages;
	}

	private static void bookmark(PDDocumentOutline outline, @org.jspecify.annotations.Nullable String title, PDPage page) {
		if (title == null) {
			return;
		}
		PDOutlineItem item = new PDOutlineItem();
		item.setTitle(title);
		item.setDestination(page);
		outline.addLast(item);
	}

	private static void number(PDDocument document, String footer) throws IOException {
		PDType0Font font = PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBuffer(FOOTER_FONT)), true);
		int total = document.getNumberOfPages();
		for (int i = 0; i < total; i++) {
			PDPage page = document.getPage(i);
			PDRectangle box = page.getMediaBox();
			String text = footer + "   " + (i + 1) + " (" + total + ")";
			float size = 8;
			float width = font.getStringWidth(text) / 1000 * size;
			try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
				// Page numbers are pagination artifacts, not content, for PDF/UA readers.
				content.beginMarkedContent(COSName.ARTIFACT);
				content.beginText();
				content.setFont(font, size);
				content.newLineAtOffset(box.getUpperRightX() - 40 - width, 24);
				content.showText(text);
				content.endText();
				content.endMarkedContent();
			}
		}
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A part of an assembled document, with the bookmark title of its first page (or none). */
	public record Part(byte[] pdf, @org.jspecify.annotations.Nullable String title) {
	}

	/** A document of several sections, each beginning on a new page, in order. */
	public record Chunk(byte[] pdf, List<Section> sections) {
	}

	/**
	 * A section of a chunk: the bookmark title of its first page (or none), how many of the chunk's
	 * pages are its own, and the PDFs merged after them.
	 */
	public record Section(@org.jspecify.annotations.Nullable String title, int pages, List<Part> after) {
	}

	/** An assembled PDF and its number of pages. */
	public record Assembled(byte[] pdf, int pages) {
	}

	/** Bytes that were said to be a PDF but cannot be read as one. */
	public static class UnreadablePdf extends RuntimeException {

		UnreadablePdf(IOException cause) {
			super("Not a readable PDF", cause);
		}

	}

}
