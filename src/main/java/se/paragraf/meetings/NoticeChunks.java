package se.paragraf.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import se.paragraf.documents.PdfAssembly;
import se.paragraf.documents.PdfAssembly.Part;
import se.paragraf.documents.PdfRenderer;
import se.paragraf.matters.DecisionBasis;
import se.paragraf.meetings.NoticeComposer.AttachmentLine;
import se.paragraf.meetings.NoticeComposer.Item;

/**
 * A notice's items rendered a few to a document (a chunk), and the rendered chunks cut back into
 * their items for {@link PdfAssembly}: each document of items costs fonts, colour profile,
 * metadata and a merge, so the items are rendered in as few documents as keep the rendering
 * threads busy and the progress moving. Each item begins on a new page.
 */
final class NoticeChunks {

	/** The most items rendered as one document. */
	static final int ITEMS_PER_CHUNK = 10;

	/** The elements whose last page the rendering finds: the items ("item-3"). */
	static final Pattern ITEM_ANCHOR = Pattern.compile("item-\\d+");

	private NoticeChunks() {
	}

	/** About how much an item has to render: the length of its texts. */
	static int weight(Item item) {
		int weight = 1_000;
		DecisionBasis basis = item.basis();
		if (basis != null) {
			weight += basis.summaryHtml().length() + basis.descriptionHtml().length()
					+ basis.financialImplicationsHtml().length();
		}
		for (AttachmentLine line : item.attachments()) {
			weight += line.html() == null ? 0 : line.html().length();
		}
		return weight;
	}

	/** The items' weights, in agenda order. */
	static List<Integer> weights(List<Item> items) {
		return items.stream().map(NoticeChunks::weight).toList();
	}

	/**
	 * The items (by index) in consecutive chunks of about equal weight: two per rendering thread, and
	 * no more than {@value #ITEMS_PER_CHUNK} items in one, so that the progress moves.
	 */
	static List<List<Integer>> of(List<Integer> weights, int threads) {
		int count = Math.min(weights.size(),
				Math.max(2 * Math.max(1, threads), (weights.size() + ITEMS_PER_CHUNK - 1) / ITEMS_PER_CHUNK));
		long total = weights.stream().mapToLong(Integer::longValue).sum();
		List<List<Integer>> chunks = new ArrayList<>();
		List<Integer> current = new ArrayList<>();
		long done = 0;
		long chunkStart = 0;
		for (int i = 0; i < weights.size(); i++) {
			int weight = weights.get(i);
			int chunksLeft = Math.max(1, count - chunks.size());
			// Where this chunk should end: its share of the weight still to render.
			long target = chunkStart + (total - chunkStart) / chunksLeft;
			boolean nearerWithout = done + weight - target > target - done;
			boolean everyChunkNeedsOne = weights.size() - i <= chunksLeft - 1;
			if (!current.isEmpty() && (current.size() >= ITEMS_PER_CHUNK
					|| (chunksLeft > 1 && (nearerWithout || everyChunkNeedsOne)))) {
				chunks.add(current);
				current = new ArrayList<>();
				chunkStart = done;
			}
			current.add(i);
			done += weight;
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

	/**
	 * A rendered chunk cut into its items, each with the PDF attachments merged after it; adds each
	 * item's pages (its own and its attachments') to {@code itemPages}. The chunk begins with its
	 * first item and each item on a new page: an item's pages are those after the previous item's
	 * last page up to its own last page.
	 */
	static PdfAssembly.Chunk sections(List<Item> items, List<Integer> indexes, PdfRenderer.Rendered chunk,
			List<List<Part>> attachmentParts, List<Integer> attachmentPages, List<Integer> itemPages) {
		List<PdfAssembly.Section> sections = new ArrayList<>();
		int previousLast = -1;
		for (int index : indexes) {
			Item item = items.get(index);
			int last = lastPage(chunk, item);
			if (last <= previousLast) {
				throw new IllegalStateException("Item " + item.number() + " does not begin on a page of its own");
			}
			sections.add(new PdfAssembly.Section(item.number() + " " + item.shownTitle(), last - previousLast,
					attachmentParts.get(index)));
			itemPages.add(last - previousLast + attachmentPages.get(index));
			previousLast = last;
		}
		if (previousLast != chunk.pages() - 1) {
			throw new IllegalStateException("A chunk of the notice does not end with its last item");
		}
		return new PdfAssembly.Chunk(chunk.pdf(), sections);
	}

	/** The item's last page in a rendered chunk, from 0. */
	private static int lastPage(PdfRenderer.Rendered chunk, Item item) {
		Integer page = chunk.lastPages().get("item-" + item.number());
		if (page == null) {
			throw new IllegalStateException("Item " + item.number() + " not found in its rendering");
		}
		return page;
	}

}
