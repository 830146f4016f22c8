package se.paragraf.meetings;

import org.jspecify.annotations.Nullable;

/**
 * One agenda line of a published notice: number, title, diary number and the pages of its
 * documents in the notice's PDF ("4 - 9"), and the agenda item it was (absent in notices published
 * before that was recorded).
 */
public record NoticeEntry(int number, String title, @Nullable String diaryNumber, AgendaItemKind kind,
		@Nullable Long matterId, int firstPage, int lastPage, @Nullable Long itemId) {

	/** As the notice prints it: "2", or "4 - 9". */
	public String pages() {
		return pageRange(this.firstPage, this.lastPage);
	}

	static String pageRange(int first, int last) {
		return first == last ? String.valueOf(first) : first + " - " + last;
	}

}
