package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RiskAnalyses extends JpaRepository<RiskAnalysis, Long> {

	List<RiskAnalysis> findByYear(int year);

}
