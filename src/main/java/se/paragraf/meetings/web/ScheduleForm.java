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

import se.paragraf.shared.InputLimits;

/**
 * The year's schedule (sammanträdesplan): dates one per line, all at the same time and place.
 */
record ScheduleForm(@NotBlank @Size(max = 12) String board, @NotBlank @Size(max = 5000) String dates, @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime from,
		@NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime to, @Nullable @Size(max = 500) String place,
		@Nullable @Size(max = 200) String digitalTool) {

	static ScheduleForm empty(String board) {
		return new ScheduleForm(board, "", LocalTime.of(10, 0), LocalTime.of(12, 0), "", "");
	}

	/** The dates, or the first line that is not a date (ÅÅÅÅ-MM-DD) in the years dates may name. */
	Parsed parse() {
		List<LocalDate> parsed = new ArrayList<>();
		for (String line : this.dates.split("[\\r\\n,;]+")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			try {
				LocalDate date = LocalDate.parse(trimmed);
				if (InputLimits.isImplausibleDate(date)) {
					return new Parsed(List.of(), trimmed);
				}
				parsed.add(date);
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
