package se.paragraf.meetings;

import java.util.List;

/**
 * A notice as it would be published now, rendered but not stored: the public variant's PDF with its
 * page count and the agenda with page ranges, and what changed against the last published version.
 *
 * @param meetingVersion the meeting's version it was composed from; publishing names it
 * @param source the digest of what it was composed from; publishing refuses if that moved on since
 * @param withheld whether the public variant withholds or masks something, so that members get a
 * fuller official notice
 */
public record NoticePreview(Long meetingId, long meetingVersion, String source, byte[] pdf, int pageCount,
		List<NoticeEntry> entries, boolean withheld, NoticeChanges changes) {

	/** Nothing changed since the last published version: publishing would make no new version. */
	public boolean unchanged() {
		return this.changes.since() != null && this.changes.isEmpty();
	}

}
