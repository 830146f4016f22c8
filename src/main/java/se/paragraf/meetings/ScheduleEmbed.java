package se.paragraf.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;

/**
 * Live content {@code {{meetings.schedule board=GSN year=2024}}}: the board's ordinary meetings of a
 * year as the schedule (sammanträdesplan) lists them, "7 februari kl. 10.00-12.00".
 */
@Component
class ScheduleEmbed implements EmbeddedContent {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", NoticeComposer.SWEDISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", NoticeComposer.SWEDISH);

	private final Meetings meetings;

	private final Organisation organisation;

	ScheduleEmbed(Meetings meetings, Organisation organisation) {
		this.meetings = meetings;
		this.organisation = organisation;
	}

	@Override
	public String kind() {
		return "meetings";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		if (!"meetings.schedule".equals(name)) {
			throw new EmbedRefused("embed.name.unknown", name);
		}
		String code = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		Board board = this.organisation.findBoard(code).orElseThrow(() -> new EmbedRefused("embed.board.unknown", code));
		List<Meeting> ordinary = this.meetings
			.findByBoardIdAndStartBetweenOrderByStartAsc(board.getId(), LocalDate.of(year, 1, 1).atStartOfDay(),
					LocalDate.of(year, 12, 31).atTime(23, 59))
			.stream()
			.filter(m -> m.getKind() == MeetingKind.ORDINARY && m.getStatus() != MeetingStatus.CANCELLED)
			.toList();
		StringBuilder html = new StringBuilder("<ul class=\"schedule\">");
		for (Meeting meeting : ordinary) {
			html.append("<li>")
				.append(HtmlUtils.htmlEscape(DAY.format(meeting.getStart()) + " kl. " + TIME.format(meeting.getStart())
						+ "-" + TIME.format(meeting.getEnd())))
				.append("</li>");
		}
		return html.append("</ul>").toString();
	}

}
