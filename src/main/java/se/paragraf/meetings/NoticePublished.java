package se.paragraf.meetings;

/**
 * A meeting's notice was published (or republished as a new version).
 */
public record NoticePublished(Long meetingId, Long noticeId, int versionNumber, Long boardId) {
}
