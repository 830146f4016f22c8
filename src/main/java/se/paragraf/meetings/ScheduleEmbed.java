package se.paragraf.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;
import se.paragraf.shared.text.Fragments;

/**
 * Live content {@code {{meetings.schedule board=GSN year=2024}}}: the board's ordinary meetings of a
 * year as the schedule (sammanträdesplan) lists them, "7 februari kl. 10:00–12:00".
 */
@Component
class ScheduleEmbed implements EmbeddedContent {

	private final Meetings meetings;

	private final Organisation organisation;

	private final Fragments fragments;

	ScheduleEmbed(Meetings meetings, Organisation organisation, Fragments fragments) {
		this.meetings = meetings;
		this.organisation = organisation;
		this.fragments = fragments;
	}

	@Override
	public String kind() {
		return "meetings";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		EmbedArguments.name(name, Set.of("meetings.schedule"));
		String code = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		Board board = this.organisation.findBoard(code).orElseThrow(() -> new EmbedRefused("embed.board.unknown", code));
		List<Meeting> ordinary = this.meetings
			.findByBoardIdAndStartBetweenOrderByStartAsc(board.getId(), LocalDate.of(year, 1, 1).atStartOfDay(),
					LocalDate.of(year, 12, 31).atTime(23, 59))
			.stream()
			.filter(m -> m.getKind() == MeetingKind.ORDINARY && m.getStatus() != MeetingStatus.CANCELLED)
			.toList();
		List<Entry> entries = ordinary.stream()
			.map(m -> new Entry(Sweden.dayAndMonth(m.getStart()), Sweden.time(m.getStart()), Sweden.time(m.getEnd())))
			.toList();
		return this.fragments.render("meetings/fragments/schedule", "schedule", Sweden.LOCALE,
				Map.of("meetings", entries));
	}

	/** One meeting of the schedule: its day, "7 februari", and its times, "10:00" and "12:00". */
	record Entry(String day, String from, String to) {
	}

}
