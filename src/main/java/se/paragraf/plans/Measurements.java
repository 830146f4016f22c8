package se.paragraf.plans;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Measurements extends JpaRepository<Measurement, Long> {

	List<Measurement> findByIndicatorIdOrderByPeriodAsc(Long indicatorId);

	Optional<Measurement> findByIndicatorIdAndPeriod(Long indicatorId, String period);

}
