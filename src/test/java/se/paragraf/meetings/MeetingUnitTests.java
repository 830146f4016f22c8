package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.paragraf.shared.RuleViolation;

/**
 * Unit tests for the agenda rules of {@link Meeting}.
 */
class MeetingUnitTests {

	private static final LocalDateTime START = LocalDateTime.of(2023, 12, 5, 10, 0);

	@Test
	void aNewMeetingOpensWithTheStandardItemsAndClosesWithOralInformation() {
		Meeting meeting = meeting();
		assertThat(titles(meeting)).containsExactly("Val av justerare", "Anmälan av extra ärenden",
				"Information från verksamheten");
	}

	@Test
	void mattersGoAfterTheStandardItemsAndBeforeTheClosingOralInformation() {
		Meeting meeting = meeting();
		add(meeting, 31L, "Detaljbudget 2024");
		add(meeting, 12L, "Intern kontroll");
		assertThat(titles(meeting)).containsExactly("Val av justerare", "Anmälan av extra ärenden", "Detaljbudget 2024",
				"Intern kontroll", "Information från verksamheten");
	}

	@Test
	void aMatterCannotStandTwiceOnOneAgenda() {
		Meeting meeting = meeting();
		add(meeting, 31L, "Detaljbudget 2024");
		assertThatThrownBy(() -> meeting.addMatter(31L, "Igen")).isInstanceOf(RuleViolation.class);
	}

	@Test
	void movesAnItemToANewNumberButNeverAboveTheStandardItems() {
		Meeting meeting = meeting();
		AgendaItem budget = add(meeting, 31L, "Detaljbudget 2024");
		AgendaItem control = add(meeting, 12L, "Intern kontroll");
		meeting.move(control.getId(), 3);
		assertThat(meeting.numberOf(control)).isEqualTo(3);
		assertThat(meeting.numberOf(budget)).isEqualTo(4);
		assertThatThrownBy(() -> meeting.move(control.getId(), 2))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("agenda.number.outOfRange"));
		assertThatThrownBy(() -> meeting.move(meeting.getAgenda().get(0).getId(), 4))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("agenda.standardItem.fixed"));
	}

	@Test
	void reorderingMustNameEveryItemAndKeepTheStandardItemsFirst() {
		Meeting meeting = meeting();
		AgendaItem budget = add(meeting, 31L, "Detaljbudget 2024");
		List<Long> ids = meeting.getAgenda().stream().map(AgendaItem::getId).toList();
		assertThatThrownBy(() -> meeting.reorder(ids.subList(0, 3))).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> meeting.reorder(List.of(ids.get(2), ids.get(1), ids.get(0), ids.get(3))))
			.isInstanceOf(RuleViolation.class);
		meeting.reorder(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(2)));
		assertThat(meeting.numberOf(budget)).isEqualTo(4);
	}

	@Test
	void theStandardOpeningItemsCannotBeRemoved() {
		Meeting meeting = meeting();
		assertThatThrownBy(() -> meeting.remove(meeting.getAgenda().get(1).getId(), java.time.Instant.EPOCH, "sekreterare")).isInstanceOf(RuleViolation.class);
		AgendaItem oral = meeting.getAgenda().get(2);
		meeting.remove(oral.getId(), java.time.Instant.EPOCH, "sekreterare");
		assertThat(meeting.getAgenda()).hasSize(2);
	}

	@Test
	void aMeetingNeedsAnEndAfterItsStartAndARoomOrADigitalTool() {
		assertThatThrownBy(() -> new Meeting(1L, MeetingKind.ORDINARY, START, START, "Rum", null))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("end"));
		assertThatThrownBy(() -> new Meeting(1L, MeetingKind.ORDINARY, START, START.plusHours(2), " ", null))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("place"));
		assertThat(new Meeting(1L, MeetingKind.ORDINARY, START, START.plusHours(2), null, "Netpublicator").getLocation())
			.isEqualTo("Digitalt via Netpublicator");
	}

	private static Meeting meeting() {
		Meeting meeting = new Meeting(1L, MeetingKind.ORDINARY, START, START.plusHours(2), null, "Netpuplicator");
		meeting.getAgenda().forEach(MeetingUnitTests::identify);
		return meeting;
	}

	private static AgendaItem add(Meeting meeting, Long matterId, String title) {
		return identify(meeting.addMatter(matterId, title));
	}

	private static List<String> titles(Meeting meeting) {
		return meeting.getAgenda().stream().map(AgendaItem::getTitle).toList();
	}

	private static long nextId = 1;

	/** Items get ids from the database; give them one here so they can be named. */
	private static AgendaItem identify(AgendaItem item) {
		try {
			Field id = AgendaItem.class.getDeclaredField("id");
			id.setAccessible(true);
			if (id.get(item) == null) {
				id.set(item, nextId++);
			}
			return item;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
