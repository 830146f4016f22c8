package se.paragraf.proceedings;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/**
 * Section counters; numbering takes the counter's row lock, so concurrent meetings queue.
 */
interface SectionCounters extends JpaRepository<SectionCounter, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<SectionCounter> findByBoardIdAndYear(Long boardId, int year);

}
