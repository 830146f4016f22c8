package se.paragraf.meetings;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The meetings of all boards.
 */
public interface Meetings extends JpaRepository<Meeting, Long> {

	List<Meeting> findByBoardIdAndStartBetweenOrderByStartAsc(Long boardId, LocalDateTime from, LocalDateTime to);

	List<Meeting> findByBoardIdInAndStartAfterOrderByStartAsc(List<Long> boardIds, LocalDateTime after);

	List<Meeting> findAllByOrderByStartDesc();

	List<Meeting> findByBoardId(Long boardId);

}
