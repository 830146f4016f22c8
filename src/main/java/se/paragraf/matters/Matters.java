package se.paragraf.matters;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The register's matters.
 */
public interface Matters extends JpaRepository<Matter, Long>, JpaSpecificationExecutor<Matter> {

	Optional<Matter> findByBoardIdAndDiaryYearAndDiarySerial(Long boardId, int diaryYear, int diarySerial);

	boolean existsByBoardIdAndDiaryYearAndDiarySerial(Long boardId, int diaryYear, int diarySerial);

	List<Matter> findByBoardIdAndDiaryYearOrderByDiarySerialAsc(Long boardId, int diaryYear);

	List<Matter> findByBoardIdOrderByDiaryYearDescDiarySerialDesc(Long boardId);

	List<Matter> findByBoardIdAndStatusInOrderByDiaryYearDescDiarySerialDesc(Long boardId, Collection<MatterStatus> statuses);

}
