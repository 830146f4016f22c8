package se.paragraf.people;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A person who prepares and signs officer reports, with the title they sign with (IT-chef).
 */
@Entity
@jakarta.persistence.Table(name = "case_officer")
public class CaseOfficer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "person_id", nullable = false)
	private Long personId;

	@Column(name = "administration_id", nullable = false)
	private Long administrationId;

	@Column(nullable = false)
	private String title;

	@Version
	private long version;

	protected CaseOfficer() {
		this.personId = 0L;
		this.administrationId = 0L;
		this.title = "";
	}

	public CaseOfficer(Long personId, Long administrationId, String title) {
		this.personId = personId;
		this.administrationId = administrationId;
		this.title = title;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getPersonId() {
		return this.personId;
	}

	public Long getAdministrationId() {
		return this.administrationId;
	}

	public String getTitle() {
		return this.title;
	}

}
