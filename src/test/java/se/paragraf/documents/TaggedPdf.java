package se.paragraf.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;

/**
 * Reads where a tagged PDF's structure elements (table rows, tables, headings) were laid out: the
 * pages their marked content sits on. The tags come from the HTML the renderer was given, so this
 * tells how the page breaks fell without matching any text.
 */
public final class TaggedPdf {

	private final PDDocument document;

	/** Each structure element in reading order, with the pages its content is on. */
	private final List<Placed> elements = new ArrayList<>();

	public TaggedPdf(PDDocument document) {
		this.document = document;
		PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
		if (root == null) {
			throw new IllegalArgumentException("Not a tagged PDF");
		}
		Map<String, Object> roles = root.getRoleMap();
		for (Object kid : root.getKids()) {
			if (kid instanceof PDStructureElement element) {
				visit(element, null, roles);
			}
		}
	}

	/** A structure element: its standard type (role-mapped), its text, and the 1-based pages it is on. */
	public record Placed(String type, String text, TreeSet<Integer> pages, PDStructureElement element) {

		public boolean isSplit() {
			return this.pages.size() > 1;
		}

		public int firstPage() {
			return this.pages.isEmpty() ? 0 : this.pages.first();
		}

		public int lastPage() {
			return this.pages.isEmpty() ? 0 : this.pages.last();
		}

	}

	public List<Placed> elements(String type) {
		return this.elements.stream().filter(p -> p.type().equals(type)).toList();
	}

	public List<Placed> all() {
		return List.copyOf(this.elements);
	}

	/** The text of one page, as a reader copies it (artifacts such as running heads included). */
	public String pageText(int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(this.document);
	}

	public int pageCount() {
		return this.document.getNumberOfPages();
	}

	private TreeSet<Integer> visit(PDStructureElement element, @Nullable PDPage inherited, Map<String, Object> roles) {
		PDPage page = element.getPage() != null ? element.getPage() : inherited;
		Placed placed = new Placed(standard(element.getStructureType(), roles), "", new TreeSet<>(), element);
		this.elements.add(placed);
		StringBuilder text = new StringBuilder();
		for (Object kid : element.getKids()) {
			if (kid instanceof PDStructureElement child) {
				placed.pages().addAll(visit(child, page, roles));
			}
			else if (kid instanceof Integer && page != null) {
				placed.pages().add(index(page));
			}
			else if (kid instanceof PDMarkedContentReference reference) {
				PDPage on = reference.getPage() != null ? reference.getPage() : page;
				if (on != null) {
					placed.pages().add(index(on));
				}
			}
			else if (kid instanceof PDObjectReference reference) {
				COSBase owner = reference.getCOSObject().getDictionaryObject(COSName.PG);
				PDPage on = owner instanceof COSDictionary dictionary ? new PDPage(dictionary) : page;
				if (on != null) {
					placed.pages().add(index(on));
				}
			}
		}
		if (element.getActualText() != null) {
			text.append(element.getActualText());
		}
		return placed.pages();
	}

	private int index(PDPage page) {
		return this.document.getPages().indexOf(page) + 1;
	}

	private static String standard(String type, Map<String, Object> roles) {
		String mapped = type;
		for (int i = 0; i < 5 && roles.get(mapped) instanceof String next; i++) {
			mapped = next;
		}
		return mapped;
	}

	static boolean isNode(Object kid) {
		return kid instanceof PDStructureNode;
	}

}
