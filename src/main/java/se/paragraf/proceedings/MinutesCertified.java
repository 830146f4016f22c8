package se.paragraf.proceedings;

import java.time.LocalDate;

/**
 * A meeting's minutes were certified (justerade): the decisions may be announced on the partner
 * municipalities' notice boards and dispatched.
 */
public record MinutesCertified(Long meetingId, Long minutesId, int versionNumber, Long boardId, LocalDate meetingDate,
		LocalDate certifiedOn, String sectionRange) {
}
