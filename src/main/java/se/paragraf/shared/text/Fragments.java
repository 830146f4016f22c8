package se.paragraf.shared.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf fragment to a string of HTML for a document: an embed's table, a list. The
 * line breaks and indentation between tags that keep a template readable are dropped, so that the
 * fragment gives the same compact HTML wherever it is embedded; text never holds a line break here,
 * since fragments print a text's lines with {@code <br/>}.
 */
@Component
public class Fragments {

	private static final Pattern LAYOUT = Pattern.compile(">\\s*\\n\\s*<");

	private final ITemplateEngine templates;

	public Fragments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The fragment {@code fragment} of {@code template} (e.g. {@code meetings/fragments/schedule}),
	 * its messages in {@code locale}: the document's language, not the reader's.
	 */
	public String render(String template, String fragment, Locale locale, Map<String, Object> variables) {
		String html = this.templates.process(template, Set.of(fragment), new Context(locale, variables));
		return LAYOUT.matcher(html).replaceAll("><").strip();
	}

}
