package se.paragraf.matters;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DiaryCounters extends JpaRepository<DiaryCounter, DiaryCounter.Key> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from DiaryCounter c where c.boardId = :boardId and c.year = :year")
	Optional<DiaryCounter> lock(@Param("boardId") Long boardId, @Param("year") int year);

}
