package se.paragraf.publication;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Registered appeals.
 */
public interface Appeals extends JpaRepository<Appeal, Long> {

	List<Appeal> findByMeetingId(Long meetingId);

}
