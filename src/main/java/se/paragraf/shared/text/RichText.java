package se.paragraf.shared.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.web.FrozenResponseCache;

/**
 * Turns what users write (Markdown, or HTML) into HTML that is safe on any page: no script, no
 * event handler, no foreign frame ever survives. Lines of the form {@code {{kind.name key=value}}}
 * are replaced by live content from the module that offers that kind; one that cannot be shown
 * becomes a notice saying why, in the document's language (Swedish).
 * <p>
 * The signed-in pages draw the same reports on every view (issue 12), so drawn HTML is remembered:
 * Markdown by its text (drawing it reads nothing else), and a live embed until the next committed
 * write on this node ({@link FrozenResponseCache#changes()}) and for at most {@link #EMBED_KEPT}, so
 * that a change made on another node shows that soon. Nothing here depends on who reads.
 */
@Component
public class RichText {

	private static final Pattern EMBED = Pattern.compile("^\\{\\{\\s*([a-z][a-z0-9]*)(\\.[a-z0-9.-]+)?((?:\\s+[a-zA-Z]+=[^\\s}]+)*)\\s*}}\\s*$");

	/** An embed line anywhere in a piece of text, as the editor's attachments carry it. */
	private static final Pattern EMBED_TOKEN = Pattern.compile("\\{\\{\\s*[a-z][a-z0-9]*(?:\\.[a-z0-9.-]+)?(?:\\s+[a-zA-Z]+=[^\\s}]+)*\\s*}}");

	/** The content type of the editor's (Trix's) attachment that stands for an embed line. */
	public static final String EMBED_CONTENT_TYPE = "application/vnd.paragraf.embed";

	/** Block elements the editor writes at the top level; anything else is wrapped in a paragraph. */
	private static final java.util.Set<String> BLOCKS = java.util.Set.of("div", "p", "h1", "h2", "h3", "h4", "h5", "h6",
			"ul", "ol", "blockquote", "pre", "table", "figure", "section", "hr");

	private static final Pattern ARGUMENT = Pattern.compile("([a-zA-Z]+)=([^\\s}]+)");

	private static final Safelist SAFE = Safelist.relaxed()
		.addTags("s", "del", "ins", "mark", "section", "figure", "figcaption")
		.addAttributes("table", "class")
		.addAttributes("td", "class", "align")
		.addAttributes("th", "class", "align", "scope")
		.addAttributes("ol", "type")
		.removeTags("img")
		.addProtocols("a", "href", "http", "https", "mailto");

	private final Parser parser;

	private final HtmlRenderer renderer;

	/** Documents are written in Swedish, whoever reads them. */

	private static final Logger log = LoggerFactory.getLogger(RichText.class);

	/** How long a drawn embed is kept at most: bounds how late a change made on another node shows. */
	static final java.time.Duration EMBED_KEPT = java.time.Duration.ofSeconds(30);

	private final Map<String, EmbeddedContent> embeds;

	private final MessageSource messages;

	/** The count of committed changes on this node, or null when nothing tells (then embeds are drawn each time). */
	private final @Nullable LongSupplier changes;

	/** Markdown blocks as drawn HTML, by their text: a pure function, so kept until memory is wanted. */
	private final Cache<String, String> drawnMarkdown = Caffeine.newBuilder()
		.maximumWeight(8L * 1024 * 1024)
		.weigher((String text, String html) -> text.length() + html.length())
		.build();

	/** Embed lines as drawn HTML, with the count of changes they were drawn at. */
	private final Cache<String, DrawnEmbed> drawnEmbeds = Caffeine.newBuilder()
		.maximumSize(2_000)
		.expireAfterWrite(EMBED_KEPT)
		.build();

	/** Without a change count: embeds are drawn anew on every call (unit tests, tools). */
	public RichText(List<EmbeddedContent> embeds, MessageSource messages) {
		this(embeds, messages, (LongSupplier) null);
	}

	@Autowired
	public RichText(List<EmbeddedContent> embeds, MessageSource messages, ObjectProvider<FrozenResponseCache> changes) {
		this(embeds, messages, counter(changes.getIfAvailable()));
	}

	private static @Nullable LongSupplier counter(@Nullable FrozenResponseCache cache) {
		return cache == null ? null : cache::changes;
	}

	RichText(List<EmbeddedContent> embeds, MessageSource messages, @Nullable LongSupplier changes) {
		this.changes = changes;
		this.messages = messages;
		List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder().extensions(extensions).build();
		this.embeds = embeds.stream().collect(Collectors.toMap(EmbeddedContent::kind, Function.identity()));
	}

	/** Safe HTML for a text; blank text gives an empty string. */
	public String toHtml(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		StringBuilder html = new StringBuilder();
		List<String> block = new ArrayList<>();
		for (String line : lines(text)) {
			Matcher embed = EMBED.matcher(line);
			if (embed.matches()) {
				html.append(markdown(block));
				block.clear();
				html.append(embed(line, embed));
			}
			else {
				block.add(line);
			}
		}
		html.append(markdown(block));
		return html.toString();
	}

	/**
	 * The text's lines, split where {@code \R} splits them (a trailing break leaves an empty last line),
	 * without a regular expression: a page draws its long texts on every request, and matching
	 * {@code \R} character by character cost a tenth of a matter page.
	 */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				lines.add(text.substring(start, i));
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		lines.add(text.substring(start));
		return lines;
	}

	/** The plain text of a piece of user text, for search and for checks on what a page shows. */
	public String toPlainText(String text) {
		return Jsoup.parse(toHtml(text)).text();
	}

	private String markdown(List<String> lines) {
		if (lines.isEmpty()) {
			return "";
		}
		return this.drawnMarkdown.get(String.join("\n", lines), this::drawMarkdown);
	}

	private String drawMarkdown(String text) {
		String html = this.renderer.render(this.parser.parse(text));
		Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
		// A column's alignment (Markdown's |--:|, or pasted HTML) as a class: align is obsolete in HTML5
		// and accessibility checkers report it (WCAG 1.3.1, H49); the style sheets align the classes.
		for (Element cell : clean.select("td[align], th[align]")) {
			String align = cell.attr("align").strip().toLowerCase(Locale.ROOT);
			cell.removeAttr("align");
			if (List.of("left", "center", "right").contains(align)) {
				cell.addClass("align-" + align);
			}
		}
		clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
		return clean.body().html();
	}

	/**
	 * An embed line as live HTML, the kept drawing while nothing was committed since. Inside a writing
	 * transaction the records may hold what it has not committed (and may roll back): drawn, not kept.
	 */
	private String embed(String line, Matcher embed) {
		if (this.changes == null || (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly())) {
			return drawEmbed(embed);
		}
		long changesNow = this.changes.getAsLong();
		String key = line.strip();
		DrawnEmbed kept = this.drawnEmbeds.getIfPresent(key);
		if (kept != null && kept.changes() == changesNow) {
			return kept.html();
		}
		String html = drawEmbed(embed);
		this.drawnEmbeds.put(key, new DrawnEmbed(changesNow, html));
		return html;
	}

	/** An embed's HTML, as of a count of committed changes. */
	private record DrawnEmbed(long changes, String html) {
	}

	private String drawEmbed(Matcher embed) {
		String kind = embed.group(1);
		String name = kind + (embed.group(2) == null ? "" : embed.group(2));
		Map<String, String> arguments = new LinkedHashMap<>();
		Matcher argument = ARGUMENT.matcher(embed.group(3));
		while (argument.find()) {
			arguments.put(argument.group(1), argument.group(2));
		}
		EmbeddedContent content = this.embeds.get(kind);
		if (content == null) {
			return refused(name, "embed.kind.unknown", kind);
		}
		try {
			return "<div class=\"embed embed-" + kind + "\">" + content.render(name, arguments) + "</div>";
		}
		catch (EmbedRefused ex) {
			return refused(name, ex.code(), ex.arguments());
		}
		catch (RuntimeException ex) {
			// A line in a text must never stop the page or the publication it is part of.
			log.warn("Embed {} failed", embed.group(), ex);
			return refused(name, "embed.failed");
		}
	}

	/** The notice that stands where an embed could not be shown: what was asked for, and why not. */
	private String refused(String name, String code, Object... arguments) {
		String reason = this.messages.getMessage(code, arguments, code, Sweden.LOCALE);
		return "<p class=\"embed-missing\" role=\"note\">"
				+ HtmlUtils.htmlEscape(this.messages.getMessage("embed.refused", new Object[] { reason }, Sweden.LOCALE), "UTF-8")
				+ " [" + HtmlUtils.htmlEscape(name, "UTF-8") + "]</p>";
	}

	/**
	 * Text from the rich-text editor (or from a Word import), as it is stored: sanitised HTML, one
	 * top-level block per line, and every embed (an editor attachment, or a block holding nothing but
	 * an embed line) on a line of its own so that {@link #toHtml} shows it live. Whatever the browser
	 * sent, no script or event handler is kept: the server cleans it, not the editor.
	 */
	public String fromEditor(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document dirty = Jsoup.parseBodyFragment(html);
		for (Element figure : dirty.select("figure[data-trix-content-type=" + EMBED_CONTENT_TYPE + "]")) {
			Matcher token = EMBED_TOKEN.matcher(figure.attr("data-trix-attachment") + " " + figure.text());
			if (token.find()) {
				figure.replaceWith(new Element("embed-line").text(token.group()));
			}
			else {
				figure.remove();
			}
		}
		// An embed inside a list or a quote cannot be live there: it moves to just after that block.
		for (Element embed : dirty.select("embed-line")) {
			Element top = embed;
			while (top.parent() != null && top.parent() != dirty.body() && top.parent().parent() != dirty.body()) {
				top = top.parent();
			}
			if (top != embed && top.parent() != null && top.parent() != dirty.body()) {
				Element block = top.parent();
				embed.remove();
				block.after(embed);
			}
		}
		List<String> lines = new ArrayList<>();
		Element paragraph = null;
		for (Node node : new ArrayList<>(dirty.body().childNodes())) {
			if (node instanceof Element element && (BLOCKS.contains(element.normalName()) || "embed-line".equals(element.normalName()))) {
				if (paragraph != null) {
					split(paragraph, lines);
					paragraph = null;
				}
				split(element, lines);
			}
			else if (!(node instanceof TextNode text && text.isBlank())) {
				if (paragraph == null) {
					paragraph = new Element("p");
				}
				paragraph.appendChild(node.clone());
			}
		}
		if (paragraph != null) {
			split(paragraph, lines);
		}
		return String.join("\n", lines);
	}

	/** A top-level block as lines: split where an embed stands in it, each part cleaned. */
	private void split(Element block, List<String> lines) {
		if ("embed-line".equals(block.normalName())) {
			lines.add(block.text().strip());
			return;
		}
		String alone = block.text().strip();
		if (block.select("embed-line").isEmpty() && EMBED.matcher(alone).matches() && block.select("table, ul, ol").isEmpty()) {
			lines.add(alone);
			return;
		}
		Element part = block.shallowClone();
		for (Node child : new ArrayList<>(block.childNodes())) {
			if (child instanceof Element element && "embed-line".equals(element.normalName())) {
				addCleaned(part, lines);
				lines.add(element.text().strip());
				part = block.shallowClone();
			}
			else if (child instanceof Element element && !element.select("embed-line").isEmpty()) {
				// An embed deeper down (in a list item): the line is kept as text, never lost silently.
				element.select("embed-line").forEach(e -> e.replaceWith(new TextNode(e.text())));
				part.appendChild(element.clone());
			}
			else {
				part.appendChild(child.clone());
			}
		}
		addCleaned(part, lines);
	}

	private static void addCleaned(Element part, List<String> lines) {
		// The editor's line breaks around an attachment leave nothing to show.
		while (!part.childNodes().isEmpty() && isBreak(part.childNode(0))) {
			part.childNode(0).remove();
		}
		while (!part.childNodes().isEmpty() && isBreak(part.childNode(part.childNodeSize() - 1))) {
			part.childNode(part.childNodeSize() - 1).remove();
		}
		if (part.text().isBlank() && part.select("table, hr").isEmpty()) {
			return;
		}
		Document holder = Document.createShell("");
		holder.outputSettings().prettyPrint(false);
		holder.body().appendChild(part);
		Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(holder.body().html()));
		clean.outputSettings(new Document.OutputSettings().prettyPrint(false));
		String html = clean.body().html().replaceAll("\\R", " ").strip();
		if (!html.isEmpty()) {
			lines.add(html.startsWith("<") ? html : "<p>" + html + "</p>");
		}
	}

	private static boolean isBreak(Node node) {
		return (node instanceof Element e && "br".equals(e.normalName())) || (node instanceof TextNode t && t.isBlank());
	}

	/**
	 * A stored text as the rich-text editor loads it: Markdown rendered, HTML kept, and each embed line
	 * an editor attachment that the editor shows as a labelled chip and that saves back to the line.
	 */
	public String toEditorHtml(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		StringBuilder html = new StringBuilder();
		List<String> block = new ArrayList<>();
		for (String line : lines(text)) {
			if (EMBED.matcher(line).matches()) {
				html.append(markdown(block));
				block.clear();
				html.append(attachment(line.strip()));
			}
			else {
				block.add(line);
			}
		}
		html.append(markdown(block));
		return html.toString();
	}

	/** The editor attachment for one embed line (see {@link #fromEditor}). */
	public static String attachment(String token) {
		String content = "<span class=\"embed-chip\">" + HtmlUtils.htmlEscape(token, "UTF-8") + "</span>";
		String json = "{\"contentType\":\"" + EMBED_CONTENT_TYPE + "\",\"content\":\"" + content.replace("\"", "\\\"")
				+ "\",\"embed\":\"" + token.replace("\\", "").replace("\"", "") + "\"}";
		return "<figure data-trix-content-type=\"" + EMBED_CONTENT_TYPE + "\" data-trix-attachment=\""
				+ HtmlUtils.htmlEscape(json, "UTF-8") + "\">" + content + "</figure>";
	}

	/** Whether a line is an embed line. */
	public boolean isEmbed(String line) {
		return line != null && EMBED.matcher(line).matches();
	}

	/** The embeds offered for a board's documents, module by module, for the editor's menu. */
	public List<EmbedOffer> offers(String boardCode) {
		return this.embeds.values()
			.stream()
			.sorted(java.util.Comparator.comparing(EmbeddedContent::kind))
			.flatMap(content -> {
				try {
					return content.offers(boardCode).stream();
				}
				catch (RuntimeException ex) {
					log.warn("Embed offers of {} failed", content.kind(), ex);
					return java.util.stream.Stream.empty();
				}
			})
			.toList();
	}

}
