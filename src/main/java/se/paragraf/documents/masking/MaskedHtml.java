package se.paragraf.documents.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A section's HTML read as text: the text nodes in document order joined into one string, so that
 * a passage or number that crosses inline markup ({@code Anna <em>Svensson</em>}) is still found,
 * while block boundaries and line breaks keep text in different paragraphs apart. Ranges found in
 * that string are then applied back to the text nodes; elements and their attributes stay as they
 * were.
 */
public final class MaskedHtml {

	/**
	 * Stands between blocks in the joined text. It is neither whitespace nor a letter or digit, so
	 * passages never match across paragraphs and numbers end at a paragraph's end.
	 */
	static final char BLOCK = '\u2029';

	/** Attributes whose values readers see or hear: masked like text. */
	private static final List<String> READABLE_ATTRIBUTES = List.of("title", "alt", "aria-label", "href");

	private final Document document;

	private final List<Piece> pieces = new ArrayList<>();

	private final String text;

	private MaskedHtml(String html) {
		this.document = Jsoup.parseBodyFragment(html);
		this.document.outputSettings().prettyPrint(false);
		StringBuilder joined = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					MaskedHtml.this.pieces.add(new Piece(textNode, joined.length()));
					joined.append(textNode.getWholeText());
				}
				else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
					joined.append(BLOCK);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					joined.append(BLOCK);
				}
			}
		}, this.document.body());
		this.text = joined.toString();
	}

	public static MaskedHtml of(String html) {
		return new MaskedHtml(html);
	}

	/** The text a reader sees, block boundaries marked by {@link #BLOCK}. */
	public String text() {
		return this.text;
	}

	/** The text as a reader sees it, with block boundaries as line breaks. */
	public String plainText() {
		return this.text.replace(BLOCK, '\n').replaceAll("\n{2,}", "\n").strip();
	}

	/**
	 * Replaces each range by the node {@code marker} makes; where a range runs on into later text
	 * nodes (across inline markup), those parts become nothing. Overlapping ranges count as one.
	 */
	public MaskedHtml mask(List<Range> ranges, java.util.function.Supplier<Node> marker) {
		return replace(ranges, text -> marker.get(), false);
	}

	/** Wraps every part of every range in a {@code <mark>}, keeping its text (for review). */
	public MaskedHtml highlight(List<Range> ranges) {
		return replace(ranges, text -> new Element("mark").text(text), true);
	}

	private MaskedHtml replace(List<Range> ranges, Function<String, Node> marker, boolean everyPart) {
		List<Range> merged = merge(ranges);
		for (Piece piece : this.pieces) {
			String whole = piece.node().getWholeText();
			int from = piece.start();
			int to = from + whole.length();
			List<Node> replacement = new ArrayList<>();
			int cursor = from;
			boolean touched = false;
			for (Range range : merged) {
				if (range.end() <= from || range.start() >= to) {
					continue;
				}
				touched = true;
				int start = Math.max(range.start(), from);
				int end = Math.min(range.end(), to);
				if (start > cursor) {
					replacement.add(new TextNode(whole.substring(cursor - from, start - from)));
				}
				Node made = marker.apply(whole.substring(start - from, end - from));
				if (everyPart || start == range.start()) {
					replacement.add(made);
				}
				cursor = end;
			}
			if (!touched) {
				continue;
			}
			if (cursor < to) {
				replacement.add(new TextNode(whole.substring(cursor - from)));
			}
			for (Node node : replacement) {
				piece.node().before(node);
			}
			piece.node().remove();
		}
		return this;
	}

	/**
	 * Replaces what the patterns find in readable attribute values ({@code title}, {@code alt},
	 * {@code aria-label}, {@code href}), which are no text nodes but reach readers all the same.
	 */
	public MaskedHtml replaceInAttributes(Function<String, String> masking) {
		for (Element element : this.document.body().getAllElements()) {
			for (Attribute attribute : element.attributes().asList()) {
				if (READABLE_ATTRIBUTES.contains(attribute.getKey())) {
					String masked = masking.apply(attribute.getValue());
					if (!masked.equals(attribute.getValue())) {
						element.attr(attribute.getKey(), masked);
					}
				}
			}
		}
		return this;
	}

	public String html() {
		return this.document.body().html();
	}

	/**
	 * Where a passage occurs in a text: its words in order, any run of whitespace between them
	 * matching any other run, letter case as written.
	 */
	public static List<Range> occurrences(String passage, String text) {
		Pattern pattern = passagePattern(passage);
		List<Range> ranges = new ArrayList<>();
		if (pattern == null) {
			return ranges;
		}
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			ranges.add(new Range(m.start(), m.end()));
		}
		return ranges;
	}

	/** A passage as it is stored: trimmed, whitespace runs made single spaces. */
	public static String normalisedPassage(String passage) {
		return String.join(" ", words(passage));
	}

	private static Pattern passagePattern(String passage) {
		List<String> words = words(passage);
		if (words.isEmpty()) {
			return null;
		}
		return Pattern.compile(String.join("[\\s\\u00a0]+", words.stream().map(Pattern::quote).toList()));
	}

	private static List<String> words(String passage) {
		return List.of(passage.strip().split("[\\s\\u00a0]+")).stream().filter(w -> !w.isEmpty()).toList();
	}

	/** A plain string with each range (overlaps merged) replaced by {@code replacement}. */
	public static String replaceRanges(String text, List<Range> ranges, String replacement) {
		StringBuilder replaced = new StringBuilder();
		int cursor = 0;
		for (Range range : merge(ranges)) {
			replaced.append(text, cursor, range.start()).append(replacement);
			cursor = range.end();
		}
		return replaced.append(text.substring(cursor)).toString();
	}

	static List<Range> merge(List<Range> ranges) {
		List<Range> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparingInt(Range::start).thenComparingInt(Range::end));
		List<Range> merged = new ArrayList<>();
		for (Range range : sorted) {
			Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && range.start() < last.end()) {
				merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), range.end())));
			}
			else {
				merged.add(range);
			}
		}
		return merged;
	}

	/** Characters {@code start} (inclusive) to {@code end} (exclusive) of the joined text. */
	public record Range(int start, int end) {
	}

	private record Piece(TextNode node, int start) {
	}

}
