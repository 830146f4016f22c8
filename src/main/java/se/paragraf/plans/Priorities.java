package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Priorities extends JpaRepository<Priority, Long> {

	List<Priority> findByPlanIdOrderByPositionAsc(Long planId);

}
