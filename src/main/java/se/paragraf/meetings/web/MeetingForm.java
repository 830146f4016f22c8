package se.paragraf.meetings.web;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;

/**
 * A meeting's time and place as the form edits it: in a room, or digitally with the tool named.
 */
record MeetingForm(@NotBlank @Size(max = 12) String board, @NotNull MeetingKind kind,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
		@NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime from, @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime to,
		@Nullable @Size(max = 500) String place, @Nullable @Size(max = 200) String digitalTool, @Nullable Long version) {

	static MeetingForm empty(String board) {
		return new MeetingForm(board, MeetingKind.ORDINARY, null, LocalTime.of(10, 0), LocalTime.of(12, 0), "", "", null);
	}

	static MeetingForm of(String board, Meeting meeting) {
		return new MeetingForm(board, meeting.getKind(), meeting.getStart().toLocalDate(), meeting.getStart().toLocalTime(),
				meeting.getEnd().toLocalTime(), meeting.getPlace(), meeting.getDigitalTool(), meeting.getVersion());
	}

}
