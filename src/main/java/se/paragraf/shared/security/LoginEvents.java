package se.paragraf.shared.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The record of sign-in failures, locks and unlocking.
 */
public interface LoginEvents extends JpaRepository<LoginEvent, Long> {

	List<LoginEvent> findByUsernameOrderByIdAsc(String username);

}
