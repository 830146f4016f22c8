package se.paragraf.budget;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The budgets, one per board and year.
 */
public interface Budgets extends JpaRepository<Budget, Long> {

	Optional<Budget> findByBoardIdAndYear(Long boardId, int year);

	List<Budget> findByBoardIdOrderByYearDesc(Long boardId);

}
