package se.paragraf.matters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The last serial given in a board's register for a year. Its row is locked while a number is
 * taken, so concurrent registrations queue and no serial is skipped or given twice.
 */
@Entity
@Table(name = "diary_counter")
@IdClass(DiaryCounter.Key.class)
class DiaryCounter {

	@Id
	@Column(name = "board_id")
	private Long boardId;

	@Id
	@Column(name = "diary_year")
	private int year;

	@Column(name = "last_serial", nullable = false)
	private int lastSerial;

	protected DiaryCounter() {
		this.boardId = 0L;
	}

	int lastSerial() {
		return this.lastSerial;
	}

	void advanceTo(int serial) {
		this.lastSerial = serial;
	}

	record Key(Long boardId, int year) implements java.io.Serializable {

		Key() {
			this(0L, 0);
		}

	}

}
