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
import se.paragraf.shared.text.EmbedArguments;
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
	private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

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
		return "internalcontrol.followup".equals(name) ? table(points, rows == null ? 0 : rows) : list(points);
	}

	/** The follow-up table of the given points, padded with numbered empty rows up to {@code rows}. */
	public String table(List<InternalControlManagement.PointStatus> points, int rows) {
		List<Row> shown = new ArrayList<>();
		for (InternalControlManagement.PointStatus status : points) {
			shown.add(Row.of(shown.size() + 1, status.point().getQuestion(), status.followUp()));
		}
		while (shown.size() < rows) {
			shown.add(Row.of(shown.size() + 1, null, null));
		}
		return this.fragments.render(TEMPLATE, "followup", SWEDISH, Map.of("rows", shown));
	}

	private String list(List<InternalControlManagement.PointStatus> points) {
		List<Row> shown = new ArrayList<>();
		points.forEach(p -> shown.add(Row.of(shown.size() + 1, p.point().getQuestion(), null)));
		return this.fragments.render(TEMPLATE, "points", SWEDISH, Map.of("rows", shown));
	}

	/** One row of the table: a point, or a numbered empty row when the question is null. */
	record Row(int number, @Nullable String question, boolean performed, boolean notPerformed,
			boolean withoutRemark, boolean withRemark, List<String> remark, List<MeasureLine> measures) {

		static Row of(int number, @Nullable String question, @Nullable FollowUp followUp) {
			if (followUp == null) {
				return new Row(number, question, false, false, false, false, List.of(), List.of());
			}
			return new Row(number, question, followUp.isPerformed(), !followUp.isPerformed(),
					followUp.getResult() == FollowUpResult.NO_REMARK, followUp.getResult() == FollowUpResult.WITH_REMARK,
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
