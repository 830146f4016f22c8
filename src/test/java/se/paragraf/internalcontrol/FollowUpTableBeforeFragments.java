package se.paragraf.internalcontrol;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The follow-up table as {@link FollowUpDocument} built it in Java before its markup moved to
 * {@code internalcontrol/fragments/followup.html}, kept to show that the fragment gives the same HTML.
 */
class FollowUpTableBeforeFragments {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final MessageSource messages;

	FollowUpTableBeforeFragments(MessageSource messages) {
		this.messages = messages;
	}

	String table(String id, List<InternalControlManagement.PointStatus> points, int rows) {
		if (points.isEmpty() && rows <= 0) {
			// A table of headers alone tells nothing and ties no cell to them.
			return "<p class=\"followup-none\">" + text("internalcontrol.none") + "</p>";
		}
		String point = id + "-point";
		String performed = id + "-performed";
		String result = id + "-result";
		String remark = id + "-remark";
		String measures = id + "-measures";
		String[] marks = { id + "-yes", id + "-no", id + "-ua", id + "-ma" };
		String[] markGroups = { performed, performed, result, result };
		StringBuilder html = new StringBuilder("<table class=\"followup\" id=\"").append(id).append("\"><thead><tr>")
			.append(th(point, "col", null, " rowspan=\"2\"", text("internalcontrol.doc.point")))
			.append(th(performed, "colgroup", null, " colspan=\"2\"", text("internalcontrol.doc.performed")))
			.append(th(result, "colgroup", null, " colspan=\"2\"", text("internalcontrol.doc.result")))
			.append(th(remark, "col", null, " rowspan=\"2\"", text("internalcontrol.doc.remark")))
			.append(th(measures, "col", null, " rowspan=\"2\"", text("internalcontrol.doc.measures")))
			.append("</tr><tr>");
		String[] markLabels = { text("internalcontrol.doc.yes"), text("internalcontrol.doc.no"), "UA", "MA" };
		for (int i = 0; i < marks.length; i++) {
			html.append(th(marks[i], "col", markGroups[i], " class=\"mark\"", markLabels[i]));
		}
		html.append("</tr></thead><tbody>");
		int number = 0;
		for (InternalControlManagement.PointStatus status : points) {
			number++;
			FollowUp followUp = status.followUp();
			String row = id + "-r" + number;
			html.append("<tr>").append(th(row, "row", point, "", number + " " + escape(status.point().getQuestion())));
			if (followUp == null) {
				emptyCells(html, row, marks, markGroups, remark, measures);
			}
			else {
				boolean[] set = { followUp.isPerformed(), !followUp.isPerformed(),
						followUp.getResult() == FollowUpResult.NO_REMARK, followUp.getResult() == FollowUpResult.WITH_REMARK };
				for (int i = 0; i < marks.length; i++) {
					html.append(td(" class=\"mark\"", row, markGroups[i], marks[i])).append(set[i] ? "x" : "").append("</td>");
				}
				html.append(td("", row, remark, null))
					.append(escape(followUp.getRemark()).replace("\n", "<br/>"))
					.append("</td>")
					.append(td("", row, measures, null))
					.append(measures(followUp))
					.append("</td>");
			}
			html.append("</tr>");
		}
		while (number < rows) {
			number++;
			String row = id + "-r" + number;
			html.append("<tr>").append(th(row, "row", point, "", String.valueOf(number)));
			emptyCells(html, row, marks, markGroups, remark, measures);
			html.append("</tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private static void emptyCells(StringBuilder html, String row, String[] marks, String[] markGroups, String remark,
			String measures) {
		for (int i = 0; i < marks.length; i++) {
			html.append(td(" class=\"mark\"", row, markGroups[i], marks[i])).append("</td>");
		}
		html.append(td("", row, remark, null)).append("</td>").append(td("", row, measures, null)).append("</td>");
	}

	private static String th(String id, String scope, @Nullable String headers, String attributes, String text) {
		return "<th id=\"" + id + "\" scope=\"" + scope + "\"" + (headers == null ? "" : " headers=\"" + headers + "\"")
				+ attributes + ">" + text + "</th>";
	}

	/** An opening data cell naming its row header and its column header(s). */
	private static String td(String attributes, String row, String column, @Nullable String subColumn) {
		return "<td" + attributes + " headers=\"" + row + " " + column + (subColumn == null ? "" : " " + subColumn)
				+ "\">";
	}

	private String measures(FollowUp followUp) {
		StringBuilder html = new StringBuilder();
		for (Measure measure : followUp.getMeasures()) {
			if (!html.isEmpty()) {
				html.append("<br/>");
			}
			html.append(text(measure.getKind() == MeasureKind.TAKEN ? "internalcontrol.doc.taken"
					: "internalcontrol.doc.proposed"))
				.append(": ")
				.append(escape(measure.getDescription()))
				.append(" (")
				.append(escape(measure.getOwner()))
				.append(", ")
				.append(DATE.format(measure.getDueDate()))
				.append(')');
		}
		return html.toString();
	}

	private String text(String key, Object... args) {
		return escape(this.messages.getMessage(key, args, key, SWEDISH));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
