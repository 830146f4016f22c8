package se.paragraf.proceedings;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the notice boards say about a meeting's minutes: where and when their certification was
 * posted and when the appeal period ends. Implemented by the publication module, so that meetings
 * can show it without depending on it.
 */
public interface NoticeBoardPostings {

	List<Posting> postings(Long meetingId);

	/** Whether the decision in a section is in force (laga kraft) on the given day. */
	boolean inForce(Long meetingId, int sectionNumber, LocalDate on);

	/** One partner municipality's posting. */
	record Posting(String municipality, @Nullable LocalDate postedOn, @Nullable LocalDate takeDownOn,
			@Nullable LocalDate appealEndsOn, LocalDate dueBy) {
	}

}
