package se.paragraf.proceedings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Members who opted out of e-mail notifications.
 */
interface NotificationOptOuts extends JpaRepository<NotificationOptOut, Long> {

	Optional<NotificationOptOut> findByPersonId(Long personId);

	boolean existsByPersonId(Long personId);

}
