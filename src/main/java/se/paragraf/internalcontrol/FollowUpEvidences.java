package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpEvidences extends JpaRepository<FollowUpEvidence, Long> {

	List<FollowUpEvidence> findByFollowUpIdOrderByIdAsc(Long followUpId);

}
