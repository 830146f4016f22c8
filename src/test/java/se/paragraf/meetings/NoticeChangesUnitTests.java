package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link NoticeChanges}: the structural diff a secretary reads before publishing.
 */
class NoticeChangesUnitTests {

	@Test
	void anItemAddedAboveOthersDoesNotCountThemAsMoved() {
		assertThat(NoticeChanges.moved(List.of(1L, 2L, 3L, 4L), List.of(1L, 2L, 3L, 4L))).isEmpty();
		NoticeChanges changes = NoticeChanges.between(1, true, List.of(item(1, 1, "A"), item(2, 2, "B")),
				List.of(item(9, 1, "Ny"), item(1, 2, "A"), item(2, 3, "B")));
		assertThat(changes.changes()).extracting(NoticeChanges.Change::kind).containsExactly(NoticeChanges.Kind.ADDED);
	}

	@Test
	void anItemMovedDownPastTwoOthersIsTheOneMoved() {
		assertThat(NoticeChanges.moved(List.of(1L, 2L, 3L), List.of(2L, 3L, 1L))).containsExactly(1L);
	}

	@Test
	void anOlderVersionWithoutOutlineIsComparedByItemsAndTitlesOnly() {
		NoticeOutline before = new NoticeOutline(1L, 1, "A", AgendaItemKind.MATTER, 5L, null, null, List.of());
		NoticeOutline now = new NoticeOutline(1L, 1, "A", AgendaItemKind.MATTER, 5L, "21 kap. 1 § OSL", "abc",
				List.of(new NoticeOutline.Attachment(7L, "Bilaga", null, "def")));
		assertThat(NoticeChanges.between(1, false, List.of(before), List.of(now)).isEmpty()).isTrue();
		assertThat(NoticeChanges.between(1, true, List.of(before), List.of(now)).changes())
			.extracting(NoticeChanges.Change::kind)
			.containsExactly(NoticeChanges.Kind.SECRECY_SET, NoticeChanges.Kind.REPORT_CHANGED,
					NoticeChanges.Kind.ATTACHMENT_ADDED);
	}

	private static NoticeOutline item(long id, int number, String title) {
		return new NoticeOutline(id, number, title, AgendaItemKind.MATTER, id, null, "r" + id, List.of());
	}

}
