package se.paragraf.internalcontrol;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedOffer;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;
import se.paragraf.shared.text.Fragments;

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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final int MAX_ROWS = 50;

	private static final String TEMPLATE = "internalcontrol/fragments/followup";

	private static final Set<String> NAMES = Set.of("internalcontrol.followup", "internalcontrol.points");

	private final InternalControlManagement control;

	private final Organisation organisation;

	private final Fragments fragments;

	FollowUpDocument(InternalControlManagement control, Organisation organisation, Fragments fragments) {
		this.control = control;
		this.organisation = organisation;
		this.fragments = fragments;
	}

	@Override
	public String kind() {
		return "internalcontrol";
	}

	@Override
	public List<EmbedOffer> offers(String code) {
		Board board = this.organisation.findBoard(code).orElse(null);
		if (board == null) {
			return List.of();
		}
		List<EmbedOffer> offers = new ArrayList<>();
		this.control.boardPlans(board.getId())
			.stream()
			.map(ControlPlan::getYear)
			.distinct()
			.forEach(year -> {
				// The follow-up's attachments as the seed names them (documents are Swedish).
				offers.add(new EmbedOffer("{{internalcontrol.followup board=" + code + " year=" + year + " origin=common}}",
						"Internkontroll " + year + " – uppföljning, gemensamma kontrollpunkter"));
				offers.add(new EmbedOffer("{{internalcontrol.followup board=" + code + " year=" + year + " origin=board}}",
						"Internkontroll " + year + " – uppföljning, nämndens kontrollpunkter"));
			});
		return offers;
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		EmbedArguments.name(name, NAMES);
		String code = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		Integer rows = EmbedArguments.number(arguments, "rows", 0, MAX_ROWS);
		Origin origin = "common".equals(EmbedArguments.choice(arguments, "origin", "common", "board")) ? Origin.COMMON
				: Origin.BOARD;
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
		List<Row> shown = new ArrayList<>();
		for (InternalControlManagement.PointStatus status : points) {
			shown.add(Row.of(shown.size() + 1, status.point().getQuestion(), status.followUp()));
		}
		while (shown.size() < rows) {
			shown.add(Row.of(shown.size() + 1, null, null));
		}
		return this.fragments.render(TEMPLATE, "followup", Sweden.LOCALE, Map.of("id", id, "rows", shown, "marks", MARKS));
	}

	private String list(List<InternalControlManagement.PointStatus> points) {
		List<Row> shown = new ArrayList<>();
		points.forEach(p -> shown.add(Row.of(shown.size() + 1, p.point().getQuestion(), null)));
		return this.fragments.render(TEMPLATE, "points", Sweden.LOCALE, Map.of("rows", shown));
	}

	/** A column under Kontroll utförd or Resultat: its id's end, its group's and its label's key. */
	record Mark(String name, String group, String label) {
	}

	private static final List<Mark> MARKS = List.of(new Mark("yes", "performed", "internalcontrol.doc.yes"),
			new Mark("no", "performed", "internalcontrol.doc.no"),
			new Mark("ua", "result", "internalcontrol.doc.withoutRemark"),
			new Mark("ma", "result", "internalcontrol.doc.withRemark"));

	/** One row of the table: a point, or a numbered empty row when the question is null. */
	record Row(int number, @Nullable String question, List<Boolean> marks, List<String> remark,
			List<MeasureLine> measures) {

		static Row of(int number, @Nullable String question, @Nullable FollowUp followUp) {
			if (followUp == null) {
				return new Row(number, question, List.of(false, false, false, false), List.of(), List.of());
			}
			return new Row(number, question,
					List.of(followUp.isPerformed(), !followUp.isPerformed(),
							followUp.getResult() == FollowUpResult.NO_REMARK,
							followUp.getResult() == FollowUpResult.WITH_REMARK),
					List.of(followUp.getRemark().split("\n", -1)), followUp.getMeasures()
						.stream()
						.map(m -> new MeasureLine(m.getKind() == MeasureKind.TAKEN, m.getDescription(), m.getOwner(),
								DATE.format(m.getDueDate())))
						.toList());
		}

	}

	/** A measure as the table names it: "Föreslagen: Förenkla mallarna (IT-chef, 2024-03-31)". */
	record MeasureLine(boolean taken, String description, String owner, String due) {
	}

}
