package se.paragraf.meetings.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The year's schedule (sammanträdesplan): dates one per line, all at the same time and place.
 */
record ScheduleForm(@NotBlank String board, @NotBlank String dates, @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime from,
		@NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime to, @Nullable @Size(max = 500) String place,
		@Nullable @Size(max = 200) String digitalTool) {

	static ScheduleForm empty(String board) {
		return new ScheduleForm(board, "", LocalTime.of(10, 0), LocalTime.of(12, 0), "", "");
	}

	/** The dates, or the first line that is not a date (ÅÅÅÅ-MM-DD). */
	Parsed parse() {
		List<LocalDate> parsed = new ArrayList<>();
		for (String line : this.dates.split("[\\r\\n,;]+")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			try {
				parsed.add(LocalDate.parse(trimmed));
			}
			catch (DateTimeParseException ex) {
				return new Parsed(List.of(), trimmed);
			}
		}
		return new Parsed(parsed, null);
	}

	record Parsed(List<LocalDate> dates, @Nullable String badLine) {
	}

}
