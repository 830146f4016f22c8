package se.paragraf.shared.security;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The logins.
 */
public interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	/** The account a single sign-on provider signs on, by the provider's issuer and subject. */
	Optional<Account> findByIssuerAndSubject(String issuer, String subject);

}
