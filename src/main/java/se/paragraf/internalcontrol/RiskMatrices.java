package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RiskMatrices extends JpaRepository<RiskMatrix, Long> {

	Optional<RiskMatrix> findFirstByMunicipalityIdOrderByMatrixVersionDesc(Long municipalityId);

}
