package se.paragraf.proceedings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * The last section (§) number a board used in a year: minutes number their sections continuously
 * per board and year.
 */
@Entity
@Table(name = "section_counter")
class SectionCounter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Column(name = "counter_year", nullable = false, updatable = false)
	private int year;

	@Column(name = "last_number", nullable = false)
	private int lastNumber;

	protected SectionCounter() {
		this.boardId = 0L;
	}

	SectionCounter(Long boardId, int year) {
		this.boardId = boardId;
		this.year = year;
	}

	int next() {
		return ++this.lastNumber;
	}

}
