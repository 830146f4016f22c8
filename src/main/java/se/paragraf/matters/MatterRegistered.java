package se.paragraf.matters;

/**
 * A matter was entered in a board's register.
 */
public record MatterRegistered(Long matterId, Long boardId, DiaryNumber diaryNumber) {
}
