package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UnitDescriptions extends JpaRepository<UnitDescription, Long> {

	List<UnitDescription> findByPlanIdOrderByPositionAsc(Long planId);

}
