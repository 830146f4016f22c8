package se.paragraf.matters;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficerReports extends JpaRepository<OfficerReport, Long> {

	Optional<OfficerReport> findByMatterId(Long matterId);

}
