package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanSections extends JpaRepository<PlanSection, Long> {

	List<PlanSection> findByPlanIdOrderByPositionAsc(Long planId);

}
