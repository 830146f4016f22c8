package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ControlRegulations extends JpaRepository<ControlRegulation, Long> {

	Optional<ControlRegulation> findByMunicipalityId(Long municipalityId);

}
