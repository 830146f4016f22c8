package se.paragraf.meetings;

/**
 * For tests of later modules: puts a meeting into a state that only meetings' own services may
 * set, without going through the notice's full publication.
 */
public final class MeetingFixtures {

	private MeetingFixtures() {
	}

	/** Marks the meeting's notice as published (the caller saves the meeting). */
	public static void noticePublished(Meeting meeting) {
		meeting.noticePublished();
	}

}
