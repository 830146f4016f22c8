package se.paragraf.internalcontrol;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUps extends JpaRepository<FollowUp, Long> {

	List<FollowUp> findByBoardIdAndYear(Long boardId, int year);

	List<FollowUp> findByControlPointIdAndBoardIdAndYearOrderByIdAsc(Long controlPointId, Long boardId, int year);

}
