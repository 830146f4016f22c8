package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ControlPlans extends JpaRepository<ControlPlan, Long> {

	List<ControlPlan> findByYear(int year);

	Optional<ControlPlan> findByOriginAndMunicipalityIdAndYear(Origin origin, Long municipalityId, int year);

	Optional<ControlPlan> findByOriginAndBoardIdAndYear(Origin origin, Long boardId, int year);

	List<ControlPlan> findByBoardIdOrderByYearDesc(Long boardId);

}
