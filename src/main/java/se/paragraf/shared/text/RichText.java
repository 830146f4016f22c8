package se.paragraf.shared.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.shared.Sweden;

/**
 * Turns what users write (Markdown, or HTML) into HTML that is safe on any page: no script, no
 * event handler, no foreign frame ever survives. Lines of the form {@code {{kind.name key=value}}}
 * are replaced by live content from the module that offers that kind; one that cannot be shown
 * becomes a notice saying why, in the document's language (Swedish).
 */
@Component
public class RichText {

	private static final Pattern EMBED = Pattern.compile("^\\{\\{\\s*([a-z][a-z0-9]*)(\\.[a-z0-9.-]+)?((?:\\s+[a-zA-Z]+=[^\\s}]+)*)\\s*}}\\s*$");

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

	private final Map<String, EmbeddedContent> embeds;

	private final MessageSource messages;

	public RichText(List<EmbeddedContent> embeds, MessageSource messages) {
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
		for (String line : text.split("\\R", -1)) {
			Matcher embed = EMBED.matcher(line);
			if (embed.matches()) {
				html.append(markdown(block));
				block.clear();
				html.append(embed(embed));
			}
			else {
				block.add(line);
			}
		}
		html.append(markdown(block));
		return html.toString();
	}

	/** The plain text of a piece of user text, for search and for checks on what a page shows. */
	public String toPlainText(String text) {
		return Jsoup.parse(toHtml(text)).text();
	}

	private String markdown(List<String> lines) {
		if (lines.isEmpty()) {
			return "";
		}
		String html = this.renderer.render(this.parser.parse(String.join("\n", lines)));
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

	private String embed(Matcher embed) {
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

}
