package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StrategicGoals extends JpaRepository<StrategicGoal, Long> {

	List<StrategicGoal> findByPlanIdOrderByPositionAsc(Long planId);

}
