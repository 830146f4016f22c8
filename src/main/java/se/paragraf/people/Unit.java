package se.paragraf.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A unit (enhet) of an administration: Service och support, Teknik och arkitektur, …
 */
@Entity
public class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "administration_id", nullable = false)
	private Long administrationId;

	@Column(nullable = false)
	private String name;

	@Version
	private long version;

	protected Unit() {
		this.administrationId = 0L;
		this.name = "";
	}

	public Unit(Long administrationId, String name) {
		this.administrationId = administrationId;
		this.name = name;
	}

	public Long getId() {
		return java.util.Objects.requireNonNull(this.id);
	}

	public Long getAdministrationId() {
		return this.administrationId;
	}

	public String getName() {
		return this.name;
	}

}
