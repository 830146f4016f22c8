package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Risks extends JpaRepository<Risk, Long> {

	List<Risk> findByAnalysisIdOrderByIdAsc(Long analysisId);

}
