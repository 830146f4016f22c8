package se.paragraf.meetings;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the sections of a document through the {@link PublicTextFilter} while its public variant is
 * composed, and remembers which sections there were and whether anything was changed. The official
 * variant uses a pass that changes nothing.
 */
@Component
public class PublicText {

	// Asked at use: the filter's documents are composed by services that use this class.
	private final ObjectProvider<PublicTextFilter> filters;

	PublicText(ObjectProvider<PublicTextFilter> filters) {
		this.filters = filters;
	}

	/** The masking document key of a meeting's notice: "notice-{meetingId}". */
	public static String noticeKey(Long meetingId) {
		return "notice-" + meetingId;
	}

	/** The masking document key of a meeting's minutes: "minutes-{meetingId}". */
	public static String minutesKey(Long meetingId) {
		return "minutes-" + meetingId;
	}

	/**
	 * Plain text as the public variant of a document shows it, with the masks of its section applied,
	 * for what publishes a section outside the document itself (the register's matter pages, OParl,
	 * search). Passages never span paragraphs, so each line passes on its own.
	 */
	public String plain(String documentKey, String sectionKey, String text) {
		PublicTextFilter filter = this.filters.getObject();
		return text.lines()
			.map(line -> line.isBlank() ? line
					: org.jsoup.Jsoup.parse(filter.publicHtml(documentKey, sectionKey, "",
							"<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(line) + "</p>")).text())
			.collect(java.util.stream.Collectors.joining("\n"));
	}

	/** The masking key of a minute section's part: "§17.decision", "§17.dissents". */
	public static String sectionKey(int sectionNumber, String part) {
		return "§" + sectionNumber + "." + part;
	}

	/** A pass for the public variant of a document. */
	public Pass publicPass(String documentKey) {
		return new Pass(documentKey, this.filters.getObject());
	}

	/** A pass for the official variant: everything as it is. */
	public static Pass officialPass(String documentKey) {
		return new Pass(documentKey, null);
	}

	/** A section as it was sent through the filter. */
	public record Section(String key, String heading, String html) {
	}

	/** One composition of one variant of a document. */
	public static final class Pass {

		private final String documentKey;

		private final @Nullable PublicTextFilter filter;

		private final List<Section> sections = new ArrayList<>();

		private boolean changed;

		private boolean withheld;

		private Pass(String documentKey, @Nullable PublicTextFilter filter) {
			this.documentKey = documentKey;
			this.filter = filter;
		}

		public boolean isPublic() {
			return this.filter != null;
		}

		/** The section's HTML as this variant shows it. */
		public String of(String sectionKey, String heading, String html) {
			if (this.filter == null || html.isEmpty()) {
				return html;
			}
			this.sections.add(new Section(sectionKey, heading, html));
			String shown = this.filter.publicHtml(this.documentKey, sectionKey, heading, html);
			if (!shown.equals(html)) {
				this.changed = true;
			}
			return shown;
		}

		/** Something (an item, a section, an attachment) was left out of this variant. */
		public void withheld() {
			this.withheld = true;
		}

		/** Whether this variant differs from the official document. */
		public boolean differs() {
			return this.changed || this.withheld;
		}

		public List<Section> sections() {
			return List.copyOf(this.sections);
		}

		public String documentKey() {
			return this.documentKey;
		}

	}

}
