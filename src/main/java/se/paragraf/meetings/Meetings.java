package se.paragraf.meetings;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The meetings of all boards.
 */
public interface Meetings extends JpaRepository<Meeting, Long> {

	List<Meeting> findByBoardIdAndStartBetweenOrderByStartAsc(Long boardId, LocalDateTime from, LocalDateTime to);

	List<Meeting> findByBoardIdInAndStartAfterOrderByStartAsc(List<Long> boardIds, LocalDateTime after);

	List<Meeting> findAllByOrderByStartDesc();

	List<Meeting> findByBoardId(Long boardId);

	/**
	 * The meeting's committed version, its row locked until the transaction ends: a change that
	 * comes second waits for the first to commit and then sees its version.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m.version from Meeting m where m.id = :id")
	Optional<Long> lockVersion(Long id);

}
