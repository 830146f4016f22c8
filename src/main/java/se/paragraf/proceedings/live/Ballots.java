package se.paragraf.proceedings.live;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Ballots extends JpaRepository<Ballot, Long> {

	List<Ballot> findByVoteIdOrderByIdAsc(Long voteId);

	Optional<Ballot> findByVoteIdAndPersonId(Long voteId, Long personId);

}
