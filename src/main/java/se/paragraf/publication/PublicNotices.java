package se.paragraf.publication;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Every announcement on every notice board.
 */
public interface PublicNotices extends JpaRepository<PublicNotice, Long> {

	List<PublicNotice> findByMeetingIdOrderByMunicipalityNameAsc(Long meetingId);

	List<PublicNotice> findByMinutesId(Long minutesId);

	List<PublicNotice> findByMunicipalityIdOrderByCertifiedOnDesc(Long municipalityId);

	List<PublicNotice> findByPostedOnIsNull();

}
