package se.paragraf.meetings;

import org.jspecify.annotations.Nullable;

/**
 * One agenda line of a published notice: number, title, diary number and the pages of its
 * documents in the notice's PDF ("4 - 9").
 */
public record NoticeEntry(int number, String title, @Nullable String diaryNumber, AgendaItemKind kind,
		@Nullable Long matterId, int firstPage, int lastPage) {

	/** As the notice prints it: "2", or "4 - 9". */
	public String pages() {
		return this.firstPage == this.lastPage ? String.valueOf(this.firstPage)
				: this.firstPage + " - " + this.lastPage;
	}

}
