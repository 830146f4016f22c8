package se.paragraf.internalcontrol;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
		return "internalcontrol.followup".equals(name) ? table(points, rows == null ? 0 : rows) : list(points);
	}

	/** The follow-up table of the given points. */
	public String table(List<InternalControlManagement.PointStatus> points, int rows) {
		StringBuilder html = new StringBuilder("<table class=\"followup\"><thead><tr>")
			.append("<th scope=\"col\" rowspan=\"2\">").append(text("internalcontrol.doc.point")).append("</th>")
			.append("<th scope=\"colgroup\" colspan=\"2\">").append(text("internalcontrol.doc.performed")).append("</th>")
			.append("<th scope=\"colgroup\" colspan=\"2\">").append(text("internalcontrol.doc.result")).append("</th>")
			.append("<th scope=\"col\" rowspan=\"2\">").append(text("internalcontrol.doc.remark")).append("</th>")
			.append("<th scope=\"col\" rowspan=\"2\">").append(text("internalcontrol.doc.measures")).append("</th>")
			.append("</tr><tr>");
		for (String key : List.of("internalcontrol.doc.yes", "internalcontrol.doc.no", "UA", "MA")) {
			html.append("<th scope=\"col\" class=\"mark\">").append(key.contains(".") ? text(key) : key).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		int number = 0;
		for (InternalControlManagement.PointStatus status : points) {
			number++;
			FollowUp followUp = status.followUp();
			html.append("<tr><td>").append(number).append(' ').append(escape(status.point().getQuestion())).append("</td>");
			if (followUp == null) {
				html.append("<td class=\"mark\"></td><td class=\"mark\"></td><td class=\"mark\"></td><td class=\"mark\"></td><td></td><td></td>");
			}
			else {
				html.append(mark(followUp.isPerformed()))
					.append(mark(!followUp.isPerformed()))
					.append(mark(followUp.getResult() == FollowUpResult.NO_REMARK))
					.append(mark(followUp.getResult() == FollowUpResult.WITH_REMARK))
					.append("<td>")
					.append(escape(followUp.getRemark()).replace("\n", "<br/>"))
					.append("</td><td>")
					.append(measures(followUp))
					.append("</td>");
			}
			html.append("</tr>");
		}
		while (number < rows) {
			number++;
			html.append("<tr><td>").append(number).append("</td>");
			html.append("<td class=\"mark\"></td><td class=\"mark\"></td><td class=\"mark\"></td><td class=\"mark\"></td><td></td><td></td></tr>");
		}
		return html.append("</tbody></table>").toString();
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

	private static String mark(boolean set) {
		return "<td class=\"mark\">" + (set ? "x" : "") + "</td>";
	}

	private String text(String key, Object... args) {
		return escape(this.messages.getMessage(key, args, key, SWEDISH));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
