package se.paragraf.internalcontrol;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;

/**
 * Renders a board's follow-up as the seed's Bilaga 1 (common points, {@code origin=common}) and
 * Bilaga 2 (the board's own, {@code origin=board}): Kontrollpunkt | Kontroll utförd Ja/Nej |
 * Resultat UA/MA | Anmärkning | Vidtagna/föreslagna förbättringsåtgärder. {@code rows=N} pads the
 * table with numbered empty rows, as the paper form has. Also {@code internalcontrol.points}: the
 * plan's questions as a numbered list.
 */
@Component
public class FollowUpDocument implements EmbeddedContent {

	/** Follow-ups are official Swedish documents whatever language the reader's page uses. */
	private static final Locale SWEDISH = Sweden.LOCALE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final int MAX_ROWS = 50;

	private final InternalControlManagement control;

	private final Organisation organisation;

	private final MessageSource messages;

	FollowUpDocument(InternalControlManagement control, Organisation organisation, MessageSource messages) {
		this.control = control;
		this.organisation = organisation;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return "internalcontrol";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		if (!"internalcontrol.followup".equals(name) && !"internalcontrol.points".equals(name)) {
			throw new EmbedRefused("embed.name.unknown", name);
		}
		String code = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		Integer rows = EmbedArguments.number(arguments, "rows", 0, MAX_ROWS);
		Origin origin = switch (arguments.getOrDefault("origin", "")) {
			case "common" -> Origin.COMMON;
			case "board" -> Origin.BOARD;
			default -> throw new EmbedRefused("embed.origin.invalid");
		};
		Board board = this.organisation.findBoard(code).orElseThrow(() -> new EmbedRefused("embed.board.unknown", code));
		List<InternalControlManagement.PointStatus> points = this.control.status(board, year)
			.points()
			.stream()
			.filter(p -> p.plan().getOrigin() == origin)
			.toList();
		return "internalcontrol.followup".equals(name) ? table(tableId(board, year, origin), points, rows == null ? 0 : rows)
				: list(points);
	}

	/**
	 * The id a follow-up table's cells are named from: one per board, year and origin, so the two
	 * tables of a follow-up and the tables of several boards can stand on one page.
	 */
	public static String tableId(Board board, int year, Origin origin) {
		return ("followup-" + board.getCode() + "-" + year + "-" + origin.name()).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_-]", "-");
	}

	/**
	 * The follow-up table of the given points. It has two header rows (Kontroll utförd over Ja/Nej,
	 * Resultat over UA/MA), so scope alone does not tie a cell to its headers (WCAG 1.3.1): every
	 * header cell has an id and every data cell names its row's and columns' headers.
	 */
	public String table(String id, List<InternalControlManagement.PointStatus> points, int rows) {
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

	private String list(List<InternalControlManagement.PointStatus> points) {
		StringBuilder html = new StringBuilder("<ol class=\"control-points\">");
		points.forEach(p -> html.append("<li><em>").append(escape(p.point().getQuestion())).append("</em></li>"));
		return html.append("</ol>").toString();
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
