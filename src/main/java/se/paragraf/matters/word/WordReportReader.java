package se.paragraf.matters.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.matters.word.ImportedReport.Notice;
import se.paragraf.shared.RuleViolation;

/**
 * Reads an officer report from a Word document (.docx) written on the municipality's template: the
 * template's headings, by heading style or as a short paragraph in bold, say which part of the report
 * follows (Förslag till beslut, Sammanfattning, Beskrivning av ärendet, Ekonomiska konsekvenser,
 * Beslut skickas till). Paragraphs, bold and italics, bulleted and numbered lists and tables are kept
 * as HTML; all text is escaped, so nothing in the document can become markup. A document that is not
 * a .docx, is too large or still has tracked changes is refused with a reason the user can act on.
 */
public final class WordReportReader {

	/** Far more than any report; a larger file is refused before it is opened. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** A bold paragraph longer than this is emphasis, not a heading. */
	private static final int MAX_HEADING_LENGTH = 80;

	private static final Pattern TRACKED_CHANGE = Pattern.compile("<(?:\\w+:)?(?:ins|del|moveFrom|moveTo)[\\s>]");

	private static final Pattern MANUAL_NUMBER = Pattern.compile("^(?:\\d{1,2}[.)]|[-–•])\\s+");

	enum Part {

		PROPOSAL, SUMMARY, DESCRIPTION, FINANCE, RECIPIENTS

	}

	private final Map<Part, List<String>> blocks = new EnumMap<>(Part.class);

	private final List<String> points = new ArrayList<>();

	private final List<String> recipients = new ArrayList<>();

	private final List<Notice> notices = new ArrayList<>();

	private final Set<String> skippedBeforeHeadings = new LinkedHashSet<>();

	private @Nullable Part part;

	private String heading = "";

	private int images;

	/** The list being written: its tag ("ul" or "ol") and items, closed by any other block. */
	private @Nullable String listTag;

	private final List<String> listItems = new ArrayList<>();

	private WordReportReader() {
		for (Part p : Part.values()) {
			this.blocks.put(p, new ArrayList<>());
		}
	}

	/**
	 * Reads a report from the bytes of an uploaded file.
	 * @throws RuleViolation on field {@code file} when the file cannot be imported, saying why
	 */
	public static ImportedReport read(byte[] bytes) {
		if (bytes.length == 0) {
			throw RuleViolation.onField("file", "report.import.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw RuleViolation.onField("file", "report.import.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			throw RuleViolation.onField("file", "report.import.notDocx");
		}
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			return new WordReportReader().read(document);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RuleViolation violation) {
				throw violation;
			}
			throw RuleViolation.onField("file", "report.import.notDocx");
		}
	}

	private ImportedReport read(XWPFDocument document) {
		if (TRACKED_CHANGE.matcher(document.getDocument().getBody().xmlText()).find()) {
			throw RuleViolation.onField("file", "report.import.trackedChanges");
		}
		for (IBodyElement element : document.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph) {
				paragraph(document, paragraph);
			}
			else if (element instanceof XWPFTable table) {
				table(table);
			}
		}
		closeList();
		if (!this.skippedBeforeHeadings.isEmpty()) {
			this.notices.add(Notice.of("report.import.notice.beforeHeadings", String.join(" · ", this.skippedBeforeHeadings)));
		}
		if (this.images > 0) {
			this.notices.add(Notice.of("report.import.notice.images", String.valueOf(this.images)));
		}
		boolean anything = !this.points.isEmpty() || !this.recipients.isEmpty()
				|| this.blocks.values().stream().anyMatch(b -> !b.isEmpty());
		if (!anything) {
			throw RuleViolation.onField("file", "report.import.nothing");
		}
		return new ImportedReport(this.heading, this.points, html(Part.SUMMARY), html(Part.DESCRIPTION),
				html(Part.FINANCE), this.recipients, this.notices);
	}

	private String html(Part p) {
		return String.join("\n", this.blocks.get(p));
	}

	private void paragraph(XWPFDocument document, XWPFParagraph paragraph) {
		for (XWPFRun run : paragraph.getRuns()) {
			this.images += run.getEmbeddedPictures().size();
		}
		String text = paragraph.getText().strip();
		if (text.isEmpty()) {
			return;
		}
		String style = styleName(document, paragraph);
		if (style.equals("title") || style.equals("rubrik")) {
			closeList();
			if (this.heading.isEmpty() && !normalised(text).equals("tjänsteskrivelse")) {
				this.heading = text;
			}
			return;
		}
		if (isHeading(style, paragraph, text)) {
			closeList();
			heading(text, style);
			return;
		}
		if (this.part == null) {
			this.skippedBeforeHeadings.add(text);
			return;
		}
		switch (this.part) {
			case PROPOSAL -> this.points.add(MANUAL_NUMBER.matcher(text).replaceFirst(""));
			case RECIPIENTS -> this.recipients.add(MANUAL_NUMBER.matcher(text).replaceFirst(""));
			default -> {
				String runs = runs(paragraph);
				if (paragraph.getNumID() != null) {
					String tag = "bullet".equals(paragraph.getNumFmt()) ? "ul" : "ol";
					if (!tag.equals(this.listTag)) {
						closeList();
						this.listTag = tag;
					}
					this.listItems.add("<li>" + runs + "</li>");
				}
				else {
					closeList();
					this.blocks.get(this.part).add("<p>" + runs + "</p>");
				}
			}
		}
	}

	private void heading(String text, String style) {
		Part recognised = part(normalised(text));
		if (recognised != null) {
			this.part = recognised;
			return;
		}
		// An unknown heading: kept as a sub-heading in the text it stands in, or in the description.
		Part into = this.part == Part.SUMMARY || this.part == Part.DESCRIPTION || this.part == Part.FINANCE ? this.part
				: Part.DESCRIPTION;
		this.part = into;
		this.blocks.get(into).add("<h3>" + escape(text) + "</h3>");
		this.notices.add(Notice.of("report.import.notice.unknownHeading", text, "report.part." + into.name()));
	}

	private static @Nullable Part part(String heading) {
		if (heading.contains("förslag till beslut") || heading.equals("beslutsförslag")) {
			return Part.PROPOSAL;
		}
		if (heading.startsWith("sammanfattning")) {
			return Part.SUMMARY;
		}
		if (heading.startsWith("beskrivning av ärendet") || heading.equals("ärendebeskrivning")
				|| heading.equals("beskrivning")) {
			return Part.DESCRIPTION;
		}
		if (heading.startsWith("ekonomiska konsekvenser") || heading.equals("ekonomi")) {
			return Part.FINANCE;
		}
		if (heading.matches("(beslut|beslutet)( ska)? (skickas|expedieras) till") || heading.equals("expediering")) {
			return Part.RECIPIENTS;
		}
		return null;
	}

	private boolean isHeading(String style, XWPFParagraph paragraph, String text) {
		if (style.matches("(heading|rubrik) ?[1-9]")) {
			return true;
		}
		if (paragraph.getNumID() != null || text.length() > MAX_HEADING_LENGTH) {
			return false;
		}
		boolean bold = false;
		for (XWPFRun run : paragraph.getRuns()) {
			String runText = run.text();
			if (runText == null || runText.isBlank()) {
				continue;
			}
			if (!run.isBold()) {
				return false;
			}
			bold = true;
		}
		// A bold line that names a part of the report, or ends like a heading, is a heading.
		return bold && (part(normalised(text)) != null || !text.matches(".*[.!?]$"));
	}

	private void table(XWPFTable table) {
		closeList();
		if (this.part == null || this.part == Part.PROPOSAL || this.part == Part.RECIPIENTS) {
			this.notices.add(Notice.of("report.import.notice.tableMoved"));
			this.part = this.part == null ? Part.DESCRIPTION : this.part;
		}
		Part into = this.part == Part.PROPOSAL || this.part == Part.RECIPIENTS ? Part.DESCRIPTION : this.part;
		StringBuilder html = new StringBuilder("<table>");
		List<XWPFTableRow> rows = table.getRows();
		for (int r = 0; r < rows.size(); r++) {
			if (r == 0) {
				html.append("<thead>");
			}
			else if (r == 1) {
				html.append("<tbody>");
			}
			html.append("<tr>");
			for (XWPFTableCell cell : rows.get(r).getTableCells()) {
				String text = escape(cell.getText().strip());
				html.append(r == 0 ? "<th scope=\"col\">" + text + "</th>" : "<td>" + text + "</td>");
			}
			html.append("</tr>");
			if (r == 0) {
				html.append("</thead>");
			}
		}
		if (rows.size() > 1) {
			html.append("</tbody>");
		}
		html.append("</table>");
		this.blocks.get(into).add(html.toString());
	}

	private void closeList() {
		if (this.listTag != null && this.part != null) {
			this.blocks.get(this.part).add("<" + this.listTag + ">" + String.join("", this.listItems) + "</" + this.listTag + ">");
		}
		this.listTag = null;
		this.listItems.clear();
	}

	private static String runs(XWPFParagraph paragraph) {
		StringBuilder html = new StringBuilder();
		for (XWPFRun run : paragraph.getRuns()) {
			String text = run.text();
			if (text == null || text.isEmpty()) {
				continue;
			}
			String escaped = escape(text).replace("\n", "<br>");
			if (run.isItalic()) {
				escaped = "<em>" + escaped + "</em>";
			}
			if (run.isBold()) {
				escaped = "<strong>" + escaped + "</strong>";
			}
			html.append(escaped);
		}
		return html.toString().replace("</strong><strong>", "").replace("</em><em>", "").strip();
	}

	/** The paragraph's style by name ("heading 1", "title"), lower case; Swedish Word names them "Rubrik 1". */
	private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
		String id = paragraph.getStyleID();
		if (id == null) {
			return "";
		}
		XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
		String name = style == null || style.getName() == null ? id : style.getName();
		return name.toLowerCase(Locale.ROOT).replaceAll("(heading|rubrik)(\\d)", "$1 $2").strip();
	}

	private static String normalised(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s:.]+$", "").strip();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
