package se.paragraf.people;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The case officers.
 */
public interface CaseOfficers extends JpaRepository<CaseOfficer, Long> {

}
