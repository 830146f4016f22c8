package se.paragraf.meetings.reading;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The private notes, always asked for by their owner: there is no query for another's notes.
 */
public interface PrivateNotes extends JpaRepository<PrivateNote, Long> {

	List<PrivateNote> findByOwnerAndMeetingIdOrderByDocumentAscPageAscIdAsc(String owner, Long meetingId);

	Optional<PrivateNote> findByIdAndOwnerAndMeetingId(Long id, String owner, Long meetingId);

	/** Each seat-holder with notes, as (person, board) pairs. */
	@Query("select distinct n.personId, n.boardId from PrivateNote n where n.personId is not null")
	List<Object[]> seatsWithNotes();

	@Modifying
	@Query("delete from PrivateNote n where n.personId = ?1 and n.boardId = ?2")
	int deleteBySeat(Long personId, Long boardId);

}
