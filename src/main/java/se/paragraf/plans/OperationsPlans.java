package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OperationsPlans extends JpaRepository<OperationsPlan, Long> {

	Optional<OperationsPlan> findByBoardIdAndYear(Long boardId, int year);

	List<OperationsPlan> findByBoardIdOrderByYearDesc(Long boardId);

}
