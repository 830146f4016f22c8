package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ControlPoints extends JpaRepository<ControlPoint, Long> {

	List<ControlPoint> findByPlanIdOrderByPositionAsc(Long planId);

}
