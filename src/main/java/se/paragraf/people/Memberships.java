package se.paragraf.people;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Who sits on which board, in which role, for which term.
 */
public interface Memberships extends JpaRepository<Membership, Long> {

	List<Membership> findByBoardId(Long boardId);

	List<Membership> findByPersonId(Long personId);

}
