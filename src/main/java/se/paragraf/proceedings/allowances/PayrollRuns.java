package se.paragraf.proceedings.allowances;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The closed payroll runs. */
interface PayrollRuns extends JpaRepository<PayrollRun, Long> {

	List<PayrollRun> findByBoardIdAndMonthOrderByRunNumberAsc(Long boardId, String month);

	List<PayrollRun> findTop24ByBoardIdOrderByIdDesc(Long boardId);

}
